package dev.scopelinks.host.watch;

import dev.scopelinks.host.config.LabelSelector;
import dev.scopelinks.host.config.LinkConfig;
import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.plan.AnnotationPlan;
import dev.scopelinks.host.plan.CompiledLink;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the informer caches keep of each resource. A cached Pod is otherwise the whole object, spec,
 * status and every annotation included: at a hundred thousand Pods that is gigabytes, and one
 * {@code kubectl.kubernetes.io/last-applied-configuration} can be hundreds of kilobytes. Links need
 * a few metadata fields, the fields providers declare in {@code fieldsRead()}, the fields the host's
 * own features read (a link's {@code when.phases} reads {@code status.phase}), and only the labels
 * and annotations that templates, conditions and annotation slots use. Watch events still see whole
 * objects; the trimmed copies serve rendering and look-ups.
 *
 * <p>The labels and annotations kept depend on the config, so a reload that reads a label or
 * annotation the cache dropped re-lists that resource ({@link Trim#covers(Trim)}).
 */
public final class CachedFields {

    /** What every cached object keeps (name, namespace and resourceVersion are always kept). */
    public static final List<String> STANDARD = List.of("apiVersion", "kind", "metadata.uid", "metadata.labels",
            "metadata.annotations", "metadata.ownerReferences", "metadata.creationTimestamp");

    /** The field a link's {@code when.phases} reads: a host feature, cached whichever providers are installed. */
    public static final String PHASE_FIELD = "status.phase";

    private static final String LABELS = "metadata.labels";
    private static final String ANNOTATIONS = "metadata.annotations";

    private final Map<ResourceType, Trim> byResource;

    private CachedFields(Map<ResourceType, Trim> byResource) {
        this.byResource = byResource;
    }

    /** Caches keep whole objects. */
    public static CachedFields wholeObjects() {
        return new CachedFields(null);
    }

    /**
     * Caches keep {@link #STANDARD} (every label and annotation) plus, per resource, the fields read
     * by every installed provider watching it.
     */
    public static CachedFields declaredBy(Collection<LoadedProvider> providers) {
        Map<ResourceType, Trim> trims = new HashMap<>();
        for (LoadedProvider provider : providers) {
            Trim trim = trims.getOrDefault(provider.factory().watches(), Trim.standard());
            trims.put(provider.factory().watches(), trim.withFields(fieldPaths(provider.factory().fieldsRead())));
        }
        return new CachedFields(trims);
    }

    /**
     * What {@code plan} needs: per watched resource the standard metadata, the fields every installed
     * provider of that resource reads (so a reload that switches providers on needs no re-list), the
     * host features' fields, and only the labels and annotations the plan reads. A resource that a
     * provider looks objects up in keeps every label and annotation, because provider code reads
     * those (a Node's zone label, say) without templates naming them.
     */
    public static CachedFields forPlan(LinkPlan plan, Collection<LoadedProvider> installed) {
        Map<ResourceType, Trim> trims = new HashMap<>();
        Set<ResourceType> lookedUp = new LinkedHashSet<>();
        plan.providers().forEach(provider -> lookedUp.addAll(provider.dependsOn()));
        for (ResourceType type : plan.watchedResources()) {
            Set<String> fields = new LinkedHashSet<>();
            installed.stream().filter(provider -> provider.factory().watches().equals(type))
                    .forEach(provider -> fields.addAll(fieldPaths(provider.factory().fieldsRead())));
            Set<String> labels = new TreeSet<>();
            Set<String> annotations = new TreeSet<>();
            Set<String> prefixes = new TreeSet<>();
            boolean allLabels = lookedUp.contains(type);
            boolean allAnnotations = lookedUp.contains(type);
            for (ProviderPlan provider : plan.providers()) {
                if (!provider.watches().equals(type)) {
                    continue;
                }
                for (String declared : provider.provider().factory().fieldsRead()) {
                    allLabels |= declared.equals(LABELS);
                    allAnnotations |= declared.equals(ANNOTATIONS);
                    keyOf(declared, LABELS).ifPresent(labels::add);
                    keyOf(declared, ANNOTATIONS).ifPresent(annotations::add);
                }
                for (String variable : provider.usedVariables()) {
                    keyOf(variable, "labels").ifPresent(labels::add);
                    keyOf(variable, "annotations").ifPresent(annotations::add);
                }
                for (CompiledLink link : provider.links()) {
                    LinkConfig config = link.config();
                    config.when().selector().ifPresent(selector -> selector.requirements().stream()
                            .map(LabelSelector.Requirement::key).forEach(labels::add));
                    annotations.addAll(config.when().annotations().keySet());
                    if (!config.when().phases().isEmpty()) {
                        fields.add(PHASE_FIELD);
                    }
                }
                AnnotationPlan slots = provider.annotations();
                if (!slots.rows().isEmpty()) {
                    // Every annotation under the prefix: undeclared slots are counted, so teams learn of typos.
                    prefixes.add(slots.prefix() + "/");
                }
            }
            trims.put(type, new Trim(List.copyOf(fields), allLabels ? Optional.empty() : Optional.of(Set.copyOf(labels)),
                    allAnnotations ? Optional.empty() : Optional.of(Set.copyOf(annotations)), List.copyOf(prefixes)));
        }
        return new CachedFields(trims);
    }

    /** The fields to keep for {@code type} (the standard ones included); empty means whole objects. */
    public Optional<List<String>> forResource(ResourceType type) {
        return trim(type).map(trim -> {
            List<String> all = new ArrayList<>(STANDARD);
            all.addAll(trim.fields());
            return List.copyOf(new LinkedHashSet<>(all));
        });
    }

    /** What the cache of {@code type} keeps; empty means whole objects. */
    public Optional<Trim> trim(ResourceType type) {
        if (byResource == null) {
            return Optional.empty();
        }
        return Optional.of(byResource.getOrDefault(type, Trim.standard()));
    }

    /**
     * {@code resource} exactly as the informer cache of {@code type} keeps it, for tests and tools
     * that must see what providers see when they look objects up or re-render them.
     */
    public KubeObject cachedForm(ResourceType type, GenericKubernetesResource resource) {
        return new CompactItemStore(trim(type)).cached(resource);
    }

    /** {@code prefix.key} gives {@code key}; a provider's {@code metadata.labels.<key>} declares one label. */
    private static Optional<String> keyOf(String path, String prefix) {
        return path.startsWith(prefix + ".") && path.length() > prefix.length() + 1
                ? Optional.of(path.substring(prefix.length() + 1)) : Optional.empty();
    }

    /** Declared field paths other than labels and annotations, which are trimmed by key instead. */
    private static List<String> fieldPaths(Collection<String> declared) {
        return declared.stream().filter(path -> !path.equals(LABELS) && !path.startsWith(LABELS + ".")
                && !path.equals(ANNOTATIONS) && !path.startsWith(ANNOTATIONS + ".")).toList();
    }

    /**
     * What one resource's cache keeps besides the standard metadata.
     *
     * @param fields      field paths from the object's root ({@code spec.nodeName})
     * @param labels      the label keys kept; empty means every label
     * @param annotations the annotation keys kept; empty means every annotation
     * @param annotationPrefixes besides those, every annotation whose key starts with one of these
     */
    public record Trim(List<String> fields, Optional<Set<String>> labels, Optional<Set<String>> annotations,
                       List<String> annotationPrefixes) {

        public Trim {
            fields = List.copyOf(new LinkedHashSet<>(fields));
            annotationPrefixes = List.copyOf(annotationPrefixes);
        }

        /** Every label and annotation, no extra fields. */
        public static Trim standard() {
            return new Trim(List.of(), Optional.empty(), Optional.empty(), List.of());
        }

        Trim withFields(Collection<String> more) {
            List<String> all = new ArrayList<>(fields);
            all.addAll(more);
            return new Trim(all, labels, annotations, annotationPrefixes);
        }

        /** Whether the cache keeps annotation {@code key}. */
        public boolean keepsAnnotation(String key) {
            return annotations.isEmpty() || annotations.get().contains(key)
                    || annotationPrefixes.stream().anyMatch(key::startsWith);
        }

        /** Whether a cache trimmed like this holds everything {@code needed} reads. */
        public boolean covers(Trim needed) {
            return missing(needed).isEmpty();
        }

        /** What {@code needed} reads that a cache trimmed like this dropped, for the log; empty when nothing. */
        public String missing(Trim needed) {
            List<String> parts = new ArrayList<>();
            Set<String> fieldsMissing = new TreeSet<>(needed.fields());
            fieldsMissing.removeAll(fields);
            if (!fieldsMissing.isEmpty()) {
                parts.add("field(s) " + fieldsMissing);
            }
            missingKeys(labels, needed.labels()).ifPresent(keys -> parts.add("label(s) " + keys));
            missingKeys(annotations, needed.annotations()).ifPresent(keys -> parts.add("annotation(s) " + keys));
            if (annotations.isPresent()) {
                Set<String> prefixes = new TreeSet<>(needed.annotationPrefixes());
                prefixes.removeAll(annotationPrefixes);
                if (!prefixes.isEmpty()) {
                    parts.add("annotations under " + prefixes);
                }
            }
            return String.join(", ", parts);
        }

        private static Optional<String> missingKeys(Optional<Set<String>> kept, Optional<Set<String>> needed) {
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            if (needed.isEmpty()) {
                return Optional.of("(all)");
            }
            Set<String> missing = new TreeSet<>(needed.get());
            missing.removeAll(kept.get());
            return missing.isEmpty() ? Optional.empty() : Optional.of(missing.toString());
        }
    }
}
