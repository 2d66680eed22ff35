package dev.scopelinks.host.testing;

import dev.scopelinks.spi.LinkProviderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real provider jars in a test's temporary directory: compiles Java sources against the
 * SPI only, and packages them with a {@code META-INF/services} entry, as a third party would.
 */
public final class ProviderJars {

    private ProviderJars() {
    }

    /**
     * Compiles {@code sources} (class name to source text) and writes {@code jar} with the classes
     * and a services file listing {@code serviceEntries}.
     */
    public static Path build(Path workDir, String jarName, Map<String, String> sources, List<String> serviceEntries)
            throws IOException {
        Path src = Files.createTempDirectory(workDir, "src");
        Path classes = Files.createTempDirectory(workDir, "classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        if (!files.isEmpty()) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", spiLocation(),
                    "--release", "17"));
            args.addAll(files);
            int status = compiler.run(null, null, null, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("test provider sources do not compile");
            }
        }
        Path jar = workDir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            if (!serviceEntries.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + LinkProviderFactory.class.getName()));
                write(out, String.join("\n", serviceEntries) + "\n");
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Source of a minimal provider class {@code className} with {@code id}, feeding {@code topology}. */
    public static String providerSource(String className, String id, String topology, int spiVersion) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "import dev.scopelinks.spi.*;\n"
                + "import java.util.List;\n"
                + "public final class " + className.substring(dot + 1) + " implements LinkProviderFactory {\n"
                + "  public int spiVersion() { return " + spiVersion + "; }\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public ResourceType watches() { return ResourceType.namespaced(\"example.com\", \"v1\", "
                + "\"widgets\", \"Widget\"); }\n"
                + "  public ScopeTopology topology() { return ScopeTopology." + topology + "; }\n"
                + "  public List<Variable> variables() { return ObjectVariables.STANDARD; }\n"
                + "  public LinkProvider create(ProviderContext context) {\n"
                + "    return object -> List.of(ScopeNode.of(topology(), object.uid(),\n"
                + "        ObjectVariables.standard(object).build()));\n"
                + "  }\n"
                + "}\n";
    }

    private static String spiLocation() {
        try {
            return Path.of(LinkProviderFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
