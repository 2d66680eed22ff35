package dev.scopelinks.host.plugin;

import java.util.function.Supplier;

/** Runs provider code with the provider's class loader as the thread's context class loader. */
final class ContextClassLoader {

    private ContextClassLoader() {
    }

    static <T> T call(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == loader) {
            return work.get();
        }
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
