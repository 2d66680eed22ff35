package dev.scopelinks.host.config;

import java.util.List;
import java.util.Objects;

/**
 * Links that app teams set on their own objects through annotations, in slots the operator declares.
 * Annotation values are never evaluated as templates: they are served as written when they are
 * absolute http(s) URLs within {@code maxLength}, and dropped (and counted) otherwise.
 *
 * @param prefix    the annotation prefix, e.g. {@code links.scope-links.io}: slot {@code runbook} is
 *                  filled by {@code links.scope-links.io/runbook}
 * @param maxLength the longest URL accepted from an annotation
 * @param slots     the declared slots
 */
public record AnnotationLinksConfig(String prefix, int maxLength, List<AnnotationSlot> slots) {

    public static final String DEFAULT_PREFIX = "links.scope-links.io";
    public static final int DEFAULT_MAX_LENGTH = 2048;
    /**
     * The longest {@code maxLength} allowed, and the longest any served link may be: no tool needs
     * more, and every character is paid for in every report. Kept here, with the config, so the
     * config does not depend on the template code that enforces it for rendered links.
     */
    public static final int LONGEST_MAX_LENGTH = 4096;

    /** No annotation links. */
    public static final AnnotationLinksConfig NONE = new AnnotationLinksConfig(DEFAULT_PREFIX, DEFAULT_MAX_LENGTH,
            List.of());

    public AnnotationLinksConfig {
        Objects.requireNonNull(prefix, "prefix");
        slots = List.copyOf(slots);
    }

    /** The slots {@code providerId}'s objects may fill. */
    public List<AnnotationSlot> slotsFor(String providerId) {
        return slots.stream().filter(slot -> slot.kinds().contains(providerId)).toList();
    }
}
