package dev.scopelinks.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeTopologyTest {

    @Test
    void usesScopesCaseSensitiveReportKeys() {
        assertThat(ScopeTopology.POD.reportKey()).isEqualTo("Pod");
        assertThat(ScopeTopology.DAEMON_SET.reportKey()).isEqualTo("DaemonSet");
        assertThat(ScopeTopology.PERSISTENT_VOLUME_CLAIM.reportKey()).isEqualTo("PersistentVolumeClaim");
        assertThat(ScopeTopology.HOST.reportKey()).isEqualTo("Host");
    }

    @Test
    void tagsNodeIdsLikeScopesProbeIncludingTheTagsWithoutUnderscore() {
        assertThat(ScopeTopology.DEPLOYMENT.nodeId("u1")).isEqualTo("u1;<deployment>");
        assertThat(ScopeTopology.DAEMON_SET.nodeId("u1")).isEqualTo("u1;<daemonset>");
        assertThat(ScopeTopology.STATEFUL_SET.nodeId("u1")).isEqualTo("u1;<statefulset>");
        assertThat(ScopeTopology.CRON_JOB.nodeId("u1")).isEqualTo("u1;<cronjob>");
        assertThat(ScopeTopology.PERSISTENT_VOLUME.nodeId("u1")).isEqualTo("u1;<persistent_volume>");
        assertThat(ScopeTopology.STORAGE_CLASS.nodeId("u1")).isEqualTo("u1;<storage_class>");
        assertThat(ScopeTopology.VOLUME_SNAPSHOT_DATA.nodeId("u1")).isEqualTo("u1;<volume_snapshot_data>");
        assertThat(ScopeTopology.HOST.nodeId("node-1")).isEqualTo("node-1;<host>");
        assertThat(ScopeTopology.CONTAINER.nodeId("4f1e")).isEqualTo("4f1e;<container>");
    }

    @Test
    void hasNoReplicaSetTopologyBecauseScopeNeverDrawsOne() {
        assertThat(ScopeTopology.values()).extracting(ScopeTopology::reportKey).doesNotContain("ReplicaSet");
    }

    @Test
    void refusesAnEmptyIdSoNoNodeLandsUnderAnEmptyKey() {
        assertThatThrownBy(() -> ScopeTopology.POD.nodeId("")).isInstanceOf(IllegalArgumentException.class);
    }
}
