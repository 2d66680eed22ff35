package dev.scopelinks.host.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.OwnerReference;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompactItemStoreTest {

    private static final CachedFields.Trim POD_TRIM = new CachedFields.Trim(List.of("spec.nodeName", "status.phase",
            "spec.containers"), Optional.of(Set.of("app.kubernetes.io/name")), Optional.of(Set.of("team")),
            List.of("links.example.com/"));

    private static GenericKubernetesResource pod(String name, String uid, String node) {
        return Serialization.unmarshal("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: shop
                  uid: %s
                  resourceVersion: "4711"
                  creationTimestamp: "2026-11-25T10:00:00Z"
                  labels: {app.kubernetes.io/name: web, pod-template-hash: 7d4f8b}
                  annotations:
                    team: payments
                    links.example.com/runbook: https://runbooks.example.com/web
                    kubectl.kubernetes.io/last-applied-configuration: '%s'
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4f8b, uid: rs-1, controller: true}
                spec:
                  nodeName: %s
                  containers:
                  - {name: app, image: shop/web:1.2, env: [{name: A, value: b}]}
                  - {name: sidecar, image: envoy:1.30}
                  volumes: [{name: data, emptyDir: {}}]
                status: {phase: Running, podIP: 10.244.1.17}
                """.formatted(name, uid, "x".repeat(200_000), node), GenericKubernetesResource.class);
    }

    @Test
    void keepsTheNamedLabelsAnnotationsAndFieldsAndNothingElse() {
        CompactItemStore store = new CompactItemStore(Optional.of(POD_TRIM));
        store.put("shop/web-1", pod("web-1", "uid-1", "worker-3"));

        KubeObject cached = store.byUid("uid-1");
        assertThat(cached.labels()).containsExactly(Map.entry("app.kubernetes.io/name", "web"));
        assertThat(cached.annotations()).containsOnlyKeys("team", "links.example.com/runbook");
        assertThat(cached.field("spec.nodeName")).contains("worker-3");
        assertThat(cached.field("status.phase")).contains("Running");
        assertThat(cached.field("status.podIP")).isEmpty();
        assertThat(cached.field("spec.volumes")).isEmpty();
        assertThat(cached.list("spec.containers")).extracting(container -> container.field("image").orElseThrow())
                .containsExactly("shop/web:1.2", "envoy:1.30");
        assertThat(cached.list("spec.containers").get(0).list("env")).hasSize(1);
    }

    @Test
    void keepsTheStandardMetadataAsTheSpiSeesIt() {
        CompactItemStore store = new CompactItemStore(Optional.of(POD_TRIM));
        store.put("shop/web-1", pod("web-1", "uid-1", "worker-3"));

        KubeObject cached = store.byName("shop", "web-1");
        assertThat(cached.apiVersion()).isEqualTo("v1");
        assertThat(cached.kind()).isEqualTo("Pod");
        assertThat(cached.name()).isEqualTo("web-1");
        assertThat(cached.namespace()).contains("shop");
        assertThat(cached.uid()).isEqualTo("uid-1");
        assertThat(cached.creationTimestamp()).contains(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(cached.ownerReferences())
                .containsExactly(new OwnerReference("apps/v1", "ReplicaSet", "web-7d4f8b", "rs-1", true));
        assertThat(cached).hasToString("Pod shop/web-1");
    }

    @Test
    void sharesStringsThatRepeatAcrossObjects() {
        CompactItemStore store = new CompactItemStore(Optional.of(POD_TRIM));
        store.put("shop/web-1", pod("web-1", "uid-1", "worker-3"));
        store.put("shop/web-2", pod("web-2", "uid-2", "worker-3"));

        KubeObject first = store.byUid("uid-1");
        KubeObject second = store.byUid("uid-2");
        assertThat(second.field("spec.nodeName").orElseThrow()).isSameAs(first.field("spec.nodeName").orElseThrow());
        assertThat(second.namespace().orElseThrow()).isSameAs(first.namespace().orElseThrow());
        assertThat(second.labels().get("app.kubernetes.io/name")).isSameAs(first.labels().get("app.kubernetes.io/name"));
        assertThat(second.ownerReferences().get(0).name()).isSameAs(first.ownerReferences().get(0).name());
    }

    @Test
    void givesFabric8TheObjectBackWithWhatItCompares() {
        CompactItemStore store = new CompactItemStore(Optional.of(POD_TRIM));
        store.put("shop/web-1", pod("web-1", "uid-1", "worker-3"));

        GenericKubernetesResource previous = store.put("shop/web-1", pod("web-1", "uid-1", "worker-4"));

        assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("4711");
        assertThat(previous.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(previous.getMetadata().getName()).isEqualTo("web-1");
        assertThat(previous.getMetadata().getCreationTimestamp()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(previous.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo("web-7d4f8b"));
        assertThat(new GenericObjectView(previous).field("spec.nodeName")).contains("worker-3");
        assertThat(store.getKey(previous)).isEqualTo("shop/web-1");
        assertThat(store.get("shop/web-1").getMetadata().getUid()).isEqualTo("uid-1");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void findsAnObjectRecreatedUnderItsNameByItsNewUidOnly() {
        CompactItemStore store = new CompactItemStore(Optional.of(POD_TRIM));
        store.put("shop/web-1", pod("web-1", "uid-1", "worker-3"));
        store.put("shop/web-1", pod("web-1", "uid-2", "worker-3"));

        assertThat(store.byUid("uid-1")).isNull();
        assertThat(store.byUid("uid-2").name()).isEqualTo("web-1");
        Set<String> uids = new HashSet<>();
        store.addUids(uids);
        assertThat(uids).containsExactly("uid-2");

        assertThat(store.remove("shop/web-1").getMetadata().getUid()).isEqualTo("uid-2");
        assertThat(store.byUid("uid-2")).isNull();
        assertThat(store.byName("shop", "web-1")).isNull();
        assertThat(store.remove("shop/web-1")).isNull();
    }

    @Test
    void keepsWholeObjectsWithoutATrim() {
        CompactItemStore store = new CompactItemStore(Optional.empty());
        store.put("shop/web-1", pod("web-1", "uid-1", "worker-3"));

        KubeObject cached = store.byUid("uid-1");
        assertThat(cached.labels()).containsOnlyKeys("app.kubernetes.io/name", "pod-template-hash");
        assertThat(cached.annotations()).containsKey("kubectl.kubernetes.io/last-applied-configuration");
        assertThat(cached.field("status.podIP")).contains("10.244.1.17");
        assertThat(cached.map("spec.volumes")).isEmpty();
        assertThat(cached.list("spec.volumes")).singleElement()
                .satisfies(volume -> assertThat(volume.field("name")).contains("data"));
    }

    @Test
    void compactMapsKeepTheirEntriesInOrderAtEverySize() {
        for (int size : new int[] {0, 1, 3, CompactMap.MAX_ENTRIES, CompactMap.MAX_ENTRIES + 1, 100}) {
            Map<String, String> source = new LinkedHashMap<>();
            for (int i = size; i > 0; i--) {
                source.put("key-" + i, "value-" + i);
            }
            Map<String, String> copy = CompactMap.copyOf(source, key -> key, value -> (String) value);
            assertThat(copy).containsExactlyEntriesOf(source);
            assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
            if (size > 0) {
                assertThat(copy.get("key-1")).isEqualTo("value-1");
                assertThat(copy.containsKey("key-" + size)).isTrue();
            }
            assertThat(copy.get("missing")).isNull();
        }
    }
}
