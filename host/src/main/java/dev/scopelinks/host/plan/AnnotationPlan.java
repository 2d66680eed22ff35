package dev.scopelinks.host.plan;

import dev.scopelinks.host.config.AnnotationLinksConfig;
import dev.scopelinks.host.config.AnnotationSlot;
import java.util.List;
import java.util.Objects;

/**
 * The annotation link slots one provider's objects may fill.
 *
 * @param prefix    the annotation prefix; slot {@code s} is read from {@code <prefix>/s}
 * @param maxLength the longest URL accepted from an annotation
 * @param rows      the slots with their report keys, in declared order
 */
public record AnnotationPlan(String prefix, int maxLength, List<Row> rows) {

    /** No slots. */
    public static final AnnotationPlan NONE = new AnnotationPlan(AnnotationLinksConfig.DEFAULT_PREFIX,
            AnnotationLinksConfig.DEFAULT_MAX_LENGTH, List.of());

    /**
     * One slot as a report row.
     *
     * @param key  the key in Scope's report ({@code <pluginId>-<slotId>})
     * @param slot the slot
     */
    public record Row(String key, AnnotationSlot slot) {
        public Row {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(slot, "slot");
        }

        /** The annotation that fills this slot. */
        public String annotation(String prefix) {
            return prefix + "/" + slot.id();
        }
    }

    public AnnotationPlan {
        Objects.requireNonNull(prefix, "prefix");
        rows = List.copyOf(rows);
    }
}
