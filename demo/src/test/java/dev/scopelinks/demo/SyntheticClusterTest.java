package dev.scopelinks.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticClusterTest {

    @Test
    void generatesAtLeastTheAskedNumberOfObjectsOfManyKinds() {
        List<HasMetadata> objects = new SyntheticCluster(1).generate(1_000);

        assertThat(objects.size()).isBetween(1_000, 1_100);
        assertThat(objects).extracting(HasMetadata::getKind).contains("Namespace", "Node", "Deployment", "ReplicaSet",
                "Pod", "Service", "StatefulSet", "DaemonSet", "CronJob", "Job", "PersistentVolume",
                "PersistentVolumeClaim", "StorageClass");
    }

    @Test
    void listsOwnersBeforeTheObjectsTheyOwn() {
        Set<String> seen = new HashSet<>();
        for (HasMetadata object : new SyntheticCluster(2).generate(500)) {
            if (object.getMetadata().getOwnerReferences() != null) {
                assertThat(object.getMetadata().getOwnerReferences())
                        .allSatisfy(owner -> assertThat(seen).contains(owner.getUid()));
            }
            seen.add(object.getMetadata().getUid());
        }
    }

    @Test
    void sameSeedGivesTheSameCluster() {
        List<String> first = new SyntheticCluster(3).generate(300).stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()).toList();
        List<String> second = new SyntheticCluster(3).generate(300).stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()).toList();

        assertThat(first).isEqualTo(second);
    }
}
