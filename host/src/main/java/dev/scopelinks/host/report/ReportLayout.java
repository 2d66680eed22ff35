package dev.scopelinks.host.report;

import dev.scopelinks.host.config.PluginConfig;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.spi.ScopeTopology;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parts of the report that depend on the config only: the plugin's identity, from which each
 * shard's {@code Plugins} entry is written, and each topology's metadata templates, serialized once
 * per config and repeated in every shard that has nodes of that topology (Scope merges the
 * templates of all plugins, and a shard's rows only show when its own report carries them).
 *
 * @param pluginId    the plugin id, which the first shard's socket is named after
 * @param label       the plugin's label in Scope's footer
 * @param description the plugin's description, empty for none
 * @param templates   topology to its {@code ,"metadata_templates":{…}} member (empty when the topology
 *                    has no rows), for every configured topology, in the order nodes are kept when
 *                    not all of them fit
 */
public record ReportLayout(String pluginId, String label, String description, Map<ScopeTopology, byte[]> templates) {

    public ReportLayout {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /**
     * The layout of {@code plan}.
     *
     * @throws IllegalArgumentException when two rows of one topology would share a wire key, which
     *                                  would merge their rows in Scope; renaming either link fixes it
     */
    public static ReportLayout of(LinkPlan plan) {
        PluginConfig plugin = plan.config().plugin();
        Map<ScopeTopology, byte[]> templates = new EnumMap<>(ScopeTopology.class);
        for (ProviderPlan provider : plan.providers()) {
            templates.put(provider.topology(), metadataTemplates(provider));
        }
        return new ReportLayout(plugin.id(), plugin.label(), plugin.description(), templates);
    }

    public Set<ScopeTopology> topologies() {
        return templates.keySet();
    }

    /** The id of shard {@code index} (from 0): the plugin id, then {@code <id>-2}, {@code <id>-3}, … */
    public String shardId(int index) {
        return shardId(pluginId, index);
    }

    /** The id of shard {@code index} (from 0) of plugin {@code pluginId}. */
    public static String shardId(String pluginId, int index) {
        return index == 0 ? pluginId : pluginId + "-" + (index + 1);
    }

    /** The {@code "Plugins":[…]} member of shard {@code index} of {@code count}. */
    byte[] plugins(int index, int count) {
        String shardLabel = count <= 1 ? label : label + " (" + (index + 1) + "/" + count + ")";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "\"Plugins\":[{\"id\":");
        out.writeBytes(ReportModel.quoted(shardId(index)));
        write(out, ",\"label\":");
        out.writeBytes(ReportModel.quoted(shardLabel));
        if (!description.isEmpty()) {
            write(out, ",\"description\":");
            out.writeBytes(ReportModel.quoted(description));
        }
        write(out, ",\"interfaces\":[\"reporter\"],\"api_version\":\"1\"}]");
        return out.toByteArray();
    }

    private static byte[] metadataTemplates(ProviderPlan provider) {
        if (provider.rows().isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, ",\"metadata_templates\":{");
        Map<String, String> seen = new HashMap<>();
        boolean first = true;
        for (ProviderPlan.Row row : provider.rows()) {
            String wire = ReportKeys.wire(row.key());
            String clash = seen.putIfAbsent(wire, row.key());
            if (clash != null && !clash.equals(row.key())) {
                throw new IllegalArgumentException(provider.id() + ": links '" + clash + "' and '" + row.key()
                        + "' would share the report key '" + wire + "'; rename one of them");
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            byte[] key = ReportModel.quoted(wire);
            out.writeBytes(key);
            write(out, ":{\"id\":");
            out.writeBytes(key);
            write(out, ",\"label\":");
            out.writeBytes(ReportModel.quoted(row.label()));
            write(out, ",\"dataType\":\"link\",\"priority\":" + row.priority() + ",\"from\":\"latest\"}");
        }
        out.write('}');
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
