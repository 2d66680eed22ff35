package dev.scopelinks.demo;

import dev.scopelinks.standin.StandInCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates generated objects in a cluster, owners first. An API server assigns its own uids, so
 * owner references written with the generator's uids are pointed at the uids the server gave the
 * owners; owner chains stay intact.
 *
 * <p>Example: {@code new ClusterWriter(cluster).write(new SyntheticCluster(42).generate(1000))}
 */
public final class ClusterWriter {

    private final Creator creator;
    private final Map<String, String> serverUids = new HashMap<>();

    /** Creates through {@code client}, as any API client would. */
    public ClusterWriter(KubernetesClient client) {
        Objects.requireNonNull(client, "client");
        this.creator = object -> client.resource(object).create().getMetadata().getUid();
    }

    /** Creates in process ({@link StandInCluster#create(HasMetadata)}): the same objects, far less CPU. */
    public ClusterWriter(StandInCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        this.creator = cluster::create;
    }

    /** Creates one object and returns the uid the server gave it. */
    private interface Creator {
        String create(HasMetadata object) throws IOException;
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
            String serverUid;
            try {
                serverUid = creator.create(object);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (generatedUid != null) {
                serverUids.put(generatedUid, serverUid);
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
