package dev.scopelinks.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ScopeNode;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules every provider keeps, as tests: extend this class in a provider's test sources, say
 * which factory is tested and give one typical object, and these tests run with the provider's
 * own ones.
 *
 * <p>Example:
 * <pre>{@code
 * class VolumeSnapshotLinkProviderFactoryTest extends LinkProviderContractTest {
 *     protected LinkProviderFactory factory() { return new VolumeSnapshotLinkProviderFactory(); }
 *     protected String sampleObject() { return SNAPSHOT_YAML; }
 *     protected List<String> sampleNodeIds() { return List.of("5c1d…;<volume_snapshot>"); }
 * }
 * }</pre>
 */
public abstract class LinkProviderContractTest {

    /** The factory under test, as {@code new MyLinkProviderFactory()}. */
    protected abstract LinkProviderFactory factory();

    /** A typical object of the watched resource, as YAML, with the fields the provider reads. */
    protected abstract String sampleObject();

    /** The node ids the provider must give for {@link #sampleObject()}. */
    protected abstract List<String> sampleNodeIds();

    /** Objects the provider's look-ups find while the sample is rendered, as YAML; none by default. */
    protected List<String> cachedObjects() {
        return List.of();
    }

    /** The harness the contract uses, with {@link #cachedObjects()} in its cache. */
    protected ProviderHarness harness() {
        return ProviderHarness.of(factory()).withCached(cachedObjects().toArray(String[]::new));
    }

    @Test
    void isFoundByServiceLoader() {
        Class<?> type = factory().getClass();
        List<Class<?>> found = ServiceLoader.load(LinkProviderFactory.class, type.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type).collect(Collectors.toList());
        assertThat(found).as("META-INF/services/%s lists the factory", LinkProviderFactory.class.getName())
                .contains(type);
    }

    @Test
    void declaresTheCurrentSpiVersionAndAnId() {
        assertThat(factory().spiVersion()).isEqualTo(SpiVersion.CURRENT);
        assertThat(factory().id()).matches("[A-Za-z][A-Za-z0-9]*");
        assertThat(factory().watches()).isNotNull();
        assertThat(factory().topology()).isNotNull();
    }

    @Test
    void documentsEveryVariable() {
        List<Variable> variables = factory().variables();
        assertThat(variables).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (Variable variable : variables) {
            assertThat(names.add(variable.name())).as("variable %s is declared once", variable.name()).isTrue();
            assertThat(variable.description()).as("description of %s", variable.name()).isNotBlank();
            assertThat(variable.example()).as("example of %s", variable.name()).isNotBlank();
        }
    }

    @Test
    void looksUpOnlyDeclaredResources() {
        Set<String> all = factory().variables().stream().map(Variable::name).collect(Collectors.toSet());

        assertThat(factory().dependsOn(all)).as("dependsOn(every variable) is part of dependsOn()")
                .isSubsetOf(factory().dependsOn());
        assertThat(factory().dependsOn(Set.of())).isSubsetOf(factory().dependsOn());
    }

    @Test
    void givesTheExpectedNodeIdsWithTheTopologysTag() {
        List<String> ids = harness().run(sampleObject()).nodeIds();

        assertThat(ids).containsExactlyElementsOf(sampleNodeIds());
        assertThat(ids).allSatisfy(id -> assertThat(id).endsWith(";" + factory().topology().tag()));
    }

    @Test
    void givesStableNodeIdsAcrossInstancesAndRuns() {
        List<String> first = harness().run(sampleObject()).nodeIds();
        List<String> second = harness().run(sampleObject()).nodeIds();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void offersOnlyDeclaredVariables() {
        List<Variable> declared = factory().variables();
        for (ScopeNode node : harness().run(sampleObject()).nodes()) {
            assertThat(node.variables().keySet()).allSatisfy(name -> assertThat(declared)
                    .as("a declared variable matches %s", name).anyMatch(variable -> variable.matches(name)));
        }
    }

    @Test
    void declaresEveryFieldItReadsSoCachedCopiesGiveTheSameVariables() {
        KubeObject full = TestObjects.fromYaml(sampleObject());
        KubeObject cached = TestObjects.asCached(sampleObject(), factory());

        assertThat(harness().runObjects(List.of(cached)).nodes())
                .as("variables from the informer cache's reduced copy; add what differs to fieldsRead()")
                .isEqualTo(harness().runObjects(List.of(full)).nodes());
    }

    @Test
    void survivesAnObjectWithOnlyMandatoryMetadata() {
        KubeObject bare = TestObjects.fromYaml(minimalObject());

        assertThatCode(() -> harness().runObjects(List.of(bare))).doesNotThrowAnyException();
        assertThat(harness().runObjects(List.of(bare)).nodeIds())
                .allSatisfy(id -> assertThat(id).endsWith(";" + factory().topology().tag()));
    }

    @Test
    void servesAReportScopeTakesAsIs() {
        String variable = sampleVariableWithValue();
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  %s:
                    links:
                      - id: contract
                        label: Contract
                        url: "https://tool.example/{{%s}}"
                """.formatted(factory().id(), variable)).run(sampleObject());

        assertThat(run.links()).as("every sample node gets the link").hasSize(sampleNodeIds().size());
        assertThat(run.reportFindings()).isEmpty();
    }

    /** An object of the watched resource with nothing but apiVersion, kind, name, uid (and namespace). */
    protected String minimalObject() {
        var type = factory().watches();
        return """
                apiVersion: %s
                kind: %s
                metadata:
                  name: bare
                  uid: 00000000-0000-4000-8000-000000000000
                %s""".formatted(type.apiVersion(), type.kind(), type.namespaced() ? "  namespace: default\n" : "");
    }

    private String sampleVariableWithValue() {
        List<ScopeNode> nodes = harness().run(sampleObject()).nodes();
        assertThat(nodes).as("the sample object feeds nodes").isNotEmpty();
        return factory().variables().stream().filter(variable -> !variable.isFamily())
                .map(Variable::name)
                .filter(name -> nodes.stream().allMatch(node -> node.variables().containsKey(name)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no declared variable has a value on every sample node"));
    }
}
