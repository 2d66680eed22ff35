package dev.scopelinks.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates generated objects in a cluster, owners first. An API server assigns its own uids, so
 * owner references written with the generator's uids are pointed at the uids the server gave the
 * owners; owner chains stay intact.
 *
 * <p>Example: {@code new ClusterWriter(client).write(new SyntheticCluster(42).generate(1000))}
 */
public final class ClusterWriter {

    private final KubernetesClient client;
    private final Map<String, String> serverUids = new HashMap<>();

    public ClusterWriter(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Creates {@code objects} in order and returns how many were created. */
    public int write(List<? extends HasMetadata> objects) {
        int written = 0;
        for (HasMetadata object : objects) {
            List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
            if (owners != null) {
                owners.forEach(owner -> owner.setUid(serverUids.getOrDefault(owner.getUid(), owner.getUid())));
            }
            String generatedUid = object.getMetadata().getUid();
            HasMetadata created = client.resource(object).create();
            if (generatedUid != null) {
                serverUids.put(generatedUid, created.getMetadata().getUid());
            }
            written++;
        }
        return written;
    }

    /** The uid the server gave the object generated with {@code generatedUid}, or the same uid. */
    public String serverUid(String generatedUid) {
        return serverUids.getOrDefault(generatedUid, generatedUid);
    }
}
