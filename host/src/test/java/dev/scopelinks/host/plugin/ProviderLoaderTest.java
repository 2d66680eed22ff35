package dev.scopelinks.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopelinks.host.testing.ProviderJars;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.SpiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderLoaderTest {

    @TempDir
    Path work;

    @Test
    void findsTheProvidersOnTheClassPathWithServiceLoader() throws Exception {
        ProviderCatalog catalog = loader(Optional.empty()).load();

        assertThat(catalog.providers()).containsKeys("Deployment", "Service", "Pod");
        assertThat(catalog.providers().get("Pod").source()).isEqualTo("class path");
        assertThat(catalog.failures()).isEmpty();
    }

    @Test
    void loadsAProviderJarDroppedIntoTheProvidersDirectory() throws Exception {
        Path dir = Files.createDirectory(work.resolve("providers"));
        ProviderJars.build(work, "widgets.jar", Map.of("com.example.WidgetFactory",
                ProviderJars.providerSource("com.example.WidgetFactory", "Widget", "STATEFUL_SET", SpiVersion.CURRENT)),
                List.of("com.example.WidgetFactory"));
        Files.move(work.resolve("widgets.jar"), dir.resolve("widgets.jar"));

        ProviderCatalog catalog = loader(Optional.of(dir)).load();

        LoadedProvider widget = catalog.find("Widget").orElseThrow();
        assertThat(widget.source()).endsWith("widgets.jar");
        assertThat(widget.factory().watches().plural()).isEqualTo("widgets");
        assertThat(catalog.failures()).isEmpty();
    }

    @Test
    void givesEachJarAClassLoaderThatSeesTheSpiButNoHostClass() throws Exception {
        Path dir = Files.createDirectory(work.resolve("providers"));
        buildInto(dir, "widgets.jar", "com.example.WidgetFactory", "Widget", SpiVersion.CURRENT);

        LinkProviderFactory widget = loader(Optional.of(dir)).load().find("Widget").orElseThrow().factory();
        ClassLoader jarLoader = widget.getClass().getClassLoader();

        assertThat(jarLoader.loadClass(KubeObject.class.getName())).isSameAs(KubeObject.class);
        assertThatThrownBy(() -> jarLoader.loadClass(ProviderLoader.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> jarLoader.loadClass("io.fabric8.kubernetes.client.KubernetesClient"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void skipsABrokenJarWithAClearReasonWhileTheOthersLoad() throws Exception {
        Path dir = Files.createDirectory(work.resolve("providers"));
        buildInto(dir, "good.jar", "com.example.WidgetFactory", "Widget", SpiVersion.CURRENT);
        ProviderJars.build(dir, "broken.jar", Map.of(), List.of("com.example.MissingFactory"));

        ProviderCatalog catalog = loader(Optional.of(dir)).load();

        assertThat(catalog.find("Widget")).isPresent();
        assertThat(catalog.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).endsWith("broken.jar");
            assertThat(failure.reason()).contains("cannot be loaded").contains("com.example.MissingFactory");
        });
    }

    @Test
    void reportsAJarThatDeclaresNoProvider() throws Exception {
        Path dir = Files.createDirectory(work.resolve("providers"));
        ProviderJars.build(dir, "empty.jar", Map.of(), List.of());

        ProviderCatalog catalog = loader(Optional.of(dir)).load();

        assertThat(catalog.failures()).singleElement().satisfies(failure -> assertThat(failure.reason())
                .contains("contains no provider").contains("META-INF/services/" + LinkProviderFactory.class.getName()));
    }

    @Test
    void refusesAProviderBuiltForAnotherSpiVersion() throws Exception {
        Path dir = Files.createDirectory(work.resolve("providers"));
        buildInto(dir, "future.jar", "com.example.FutureFactory", "Future", SpiVersion.CURRENT + 1);

        ProviderCatalog catalog = loader(Optional.of(dir)).load();

        assertThat(catalog.find("Future")).isEmpty();
        assertThat(catalog.failures()).singleElement().satisfies(failure -> assertThat(failure.reason())
                .contains("provider API version " + (SpiVersion.CURRENT + 1))
                .contains("implements version " + SpiVersion.CURRENT));
    }

    @Test
    void refusesToStartWhenTwoProvidersClaimOneId() throws Exception {
        Path dir = Files.createDirectory(work.resolve("providers"));
        buildInto(dir, "other-deployments.jar", "com.example.OtherDeployments", "Deployment", SpiVersion.CURRENT);

        assertThatThrownBy(() -> loader(Optional.of(dir)).load())
                .isInstanceOf(ProviderConflictException.class)
                .hasMessageContaining("two providers claim 'Deployment'")
                .hasMessageContaining("other-deployments.jar")
                .hasMessageContaining("class path");
    }

    @Test
    void treatsAMissingProvidersDirectoryAsEmpty() throws Exception {
        ProviderCatalog catalog = loader(Optional.of(work.resolve("absent"))).load();

        assertThat(catalog.providers()).containsOnlyKeys("Deployment", "Service", "Pod");
        assertThat(catalog.failures()).isEmpty();
    }

    private void buildInto(Path dir, String jar, String className, String id, int spiVersion) throws Exception {
        ProviderJars.build(work, jar, Map.of(className, ProviderJars.providerSource(className, id, "STATEFUL_SET",
                spiVersion)), List.of(className));
        Files.move(work.resolve(jar), dir.resolve(jar));
    }

    private ProviderLoader loader(Optional<Path> dir) {
        return new ProviderLoader(getClass().getClassLoader(), dir);
    }
}
