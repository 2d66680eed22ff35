package dev.scopelinks.host.testing;

import java.time.Duration;

/** Retries an assertion until it holds or a deadline passes, for effects that arrive through watches. */
public final class Eventually {

    /** An assertion that may throw. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    public static void within(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50); // the poll interval
            }
        }
    }
}
