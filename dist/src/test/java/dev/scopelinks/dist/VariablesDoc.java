package dev.scopelinks.dist;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.Variable;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/variables.md} from the providers' own declarations, so the reference cannot
 * drift from the code: {@link VariablesDocTest} fails when the file and the providers disagree.
 */
final class VariablesDoc {

    private VariablesDoc() {
    }

    /** The document for every provider {@code loader} finds, ordered by provider id. */
    static String render(ClassLoader loader) {
        List<LinkProviderFactory> factories = ServiceLoader.load(LinkProviderFactory.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(LinkProviderFactory::id))
                .toList();
        StringBuilder doc = new StringBuilder();
        doc.append("# Template variables\n\n")
                .append("<!-- Generated from the providers' declarations by dist's VariablesDoc; do not edit.\n")
                .append("     Regenerate: mvn -o -q -B -pl dist -am test -Dtest=VariablesDocTest ")
                .append("-Dsurefire.failIfNoSpecifiedTests=false -Dscope-links.write-docs=true -->\n\n")
                .append("Every link template can use the config's own values: `{{cluster}}` and each `vars` entry ")
                .append("(`{{{name}}}` inserts a base URL as written). Besides those, each provider offers the ")
                .append("variables below for its objects. A name ending in `.<key>` stands for a family: ")
                .append("`{{labels.app.kubernetes.io/name}}` is label `app.kubernetes.io/name`. ")
                .append("A link whose variables have no value on an object is left off that object.\n\n")
                .append("| Provider | Watches | Scope topology | Node id |\n|---|---|---|---|\n");
        for (LinkProviderFactory factory : factories) {
            doc.append("| [").append(factory.id()).append("](#").append(factory.id().toLowerCase()).append(") | `")
                    .append(factory.watches()).append("` | `").append(factory.topology().reportKey()).append("` | `")
                    .append(nodeIdForm(factory)).append("` |\n");
        }
        for (LinkProviderFactory factory : factories) {
            doc.append("\n## ").append(factory.id()).append("\n\n");
            doc.append("Watches `").append(factory.watches()).append("`; links appear on Scope's `")
                    .append(factory.topology().reportKey()).append("` nodes (`").append(nodeIdForm(factory))
                    .append("`).");
            switch (factory.topology()) {
                case HOST -> doc.append(" Scope names a host after the machine's host name; its stock manifests set it ")
                        .append("to the Node's name (`SCOPE_HOSTNAME` from `spec.nodeName`), which is what the node id ")
                        .append("uses.");
                case CONTAINER -> doc.append(" Scope draws Container nodes only where its probe sees the container ")
                        .append("runtime (Docker, or CRI with `--probe.cri`); on other clusters these links are not ")
                        .append("shown.");
                default -> { }
            }
            if (factory.watchesOptionalApi()) {
                doc.append(" The cluster may not serve this API: the host then reports the provider as degraded, ")
                        .append("emits none of its nodes, and looks the API up again periodically.");
            }
            if (!factory.dependsOn().isEmpty()) {
                doc.append(" Cross-object variables read ")
                        .append(factory.dependsOn().stream().map(ResourceType::toString).sorted()
                                .map(type -> "`" + type + "`").collect(Collectors.joining(", ")))
                        .append(", which the host watches only when a template uses a variable that needs them.");
            }
            doc.append("\n\n| Variable | Meaning | Example |\n|---|---|---|\n");
            for (Variable variable : factory.variables()) {
                doc.append("| `").append(variable.name()).append("` | ").append(cell(variable.description()))
                        .append(" | `").append(variable.example().replace("|", "\\|")).append("` |\n");
            }
        }
        return doc.toString();
    }

    private static String nodeIdForm(LinkProviderFactory factory) {
        return switch (factory.topology()) {
            case HOST -> "<node name>;" + factory.topology().tag();
            case CONTAINER -> "<container id>;" + factory.topology().tag();
            default -> "<uid>;" + factory.topology().tag();
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
