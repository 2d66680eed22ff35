package dev.scopelinks.host.report;

import dev.scopelinks.host.config.PluginConfig;
import dev.scopelinks.host.plan.LinkPlan;
import dev.scopelinks.host.plan.ProviderPlan;
import dev.scopelinks.spi.ScopeTopology;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the report that depend on the config only, serialized once per config: the
 * {@code Plugins} entry and each topology's metadata templates.
 *
 * @param pluginId  the plugin id, which must equal the socket's name
 * @param plugins   the {@code "Plugins":[…]} member
 * @param templates topology to its {@code "metadata_templates":{…}} member, for every configured topology
 */
public record ReportLayout(String pluginId, byte[] plugins, Map<ScopeTopology, byte[]> templates) {

    public ReportLayout {
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    public static ReportLayout of(LinkPlan plan) {
        PluginConfig plugin = plan.config().plugin();
        Map<ScopeTopology, byte[]> templates = new EnumMap<>(ScopeTopology.class);
        for (ProviderPlan provider : plan.providers()) {
            templates.put(provider.topology(), metadataTemplates(provider));
        }
        return new ReportLayout(plugin.id(), pluginsMember(plugin), templates);
    }

    public Set<ScopeTopology> topologies() {
        return templates.keySet();
    }

    private static byte[] pluginsMember(PluginConfig plugin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "\"Plugins\":[{\"id\":");
        out.writeBytes(ReportModel.quoted(plugin.id()));
        write(out, ",\"label\":");
        out.writeBytes(ReportModel.quoted(plugin.label()));
        if (!plugin.description().isEmpty()) {
            write(out, ",\"description\":");
            out.writeBytes(ReportModel.quoted(plugin.description()));
        }
        write(out, ",\"interfaces\":[\"reporter\"],\"api_version\":\"1\"}]");
        return out.toByteArray();
    }

    private static byte[] metadataTemplates(ProviderPlan provider) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "\"metadata_templates\":{");
        boolean first = true;
        for (ProviderPlan.Row row : provider.rows()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            byte[] key = ReportModel.quoted(row.key());
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
