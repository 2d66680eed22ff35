package dev.scopelinks.host.cli;

import java.util.concurrent.Callable;

/**
 * A subcommand shipped outside the host jar, found on the class path with {@link java.util.ServiceLoader}
 * and added to {@code scope-links} when present. The {@code demo} command is one: its jars live in
 * {@code lib/demo/}, which the launcher puts on the class path only for {@code scope-links demo}, so the
 * production class path never carries the stand-in API server.
 *
 * <p>An implementation is a picocli {@code @Command} class with a public no-arg constructor, listed in
 * {@code META-INF/services/dev.scopelinks.host.cli.OptionalCommand}; it returns an {@link ExitCodes} value.
 */
public interface OptionalCommand extends Callable<Integer> {

    /** The subcommand's name, which must match its {@code @Command(name = ...)}. */
    String name();
}
