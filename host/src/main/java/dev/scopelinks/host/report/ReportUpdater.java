package dev.scopelinks.host.report;

import dev.scopelinks.host.render.ObjectRenderer;
import dev.scopelinks.host.render.RenderedNode;
import dev.scopelinks.host.watch.ObjectSink;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the report model in step with the cluster: each change of an object re-renders that object
 * only, for the providers that watch its resource, and asks for a rebuild when its nodes changed.
 * A provider that throws loses that object's links, never the report.
 */
public final class ReportUpdater implements ObjectSink {

    /** Hears about objects a provider threw on, e.g. to count them. */
    @FunctionalInterface
    public interface FailureListener {
        /**
         * @param providerId the provider
         * @param object     the object, as its {@code toString()}
         * @param error      what the provider threw
         */
        void providerFailed(String providerId, String object, Throwable error);
    }

    private final ReportModel model;
    private final ReportPublisher publisher;
    private final FailureListener failures;
    private volatile Map<ResourceType, List<ObjectRenderer>> renderers = Map.of();

    public ReportUpdater(ReportModel model, ReportPublisher publisher, FailureListener failures) {
        this.model = Objects.requireNonNull(model, "model");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** Uses {@code renderers} for every change from now on (at start and after a config reload). */
    public void useRenderers(List<ObjectRenderer> renderers) {
        Map<ResourceType, List<ObjectRenderer>> byType = new LinkedHashMap<>();
        for (ObjectRenderer renderer : renderers) {
            byType.computeIfAbsent(renderer.plan().watches(), type -> new ArrayList<>()).add(renderer);
        }
        byType.replaceAll((type, list) -> List.copyOf(list));
        this.renderers = Map.copyOf(byType);
    }

    @Override
    public void upsert(ResourceType type, KubeObject object) {
        boolean changed = false;
        for (ObjectRenderer renderer : renderers.getOrDefault(type, List.of())) {
            List<RenderedNode> nodes;
            try {
                nodes = renderer.render(object);
            } catch (RuntimeException | LinkageError e) {
                failures.providerFailed(renderer.plan().id(), object.toString(), e);
                nodes = List.of();
            }
            changed |= model.put(renderer.plan().topology(), object.uid(), nodes);
        }
        if (changed) {
            publisher.requestRebuild();
        }
    }

    @Override
    public void delete(ResourceType type, KubeObject object) {
        boolean changed = false;
        for (ObjectRenderer renderer : renderers.getOrDefault(type, List.of())) {
            changed |= model.remove(renderer.plan().topology(), object.uid());
        }
        if (changed) {
            publisher.requestRebuild();
        }
    }
}
