package dev.scopelinks.host.testing;

import dev.scopelinks.host.ScopeLinksHost;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what watches through fabric8's mock API server in the one order the mock survives: the
 * Kubernetes client first, then the host or watcher that uses it.
 *
 * <p>Why: fabric8's mock API server (8.0.0) handles a watch's WebSocket close on its only
 * event-loop thread by waiting, for up to a minute, until the watch's send executor has stopped; a
 * send in flight needs that same event loop, so a watch closed while events flow stalls the whole
 * mock server, and later requests and its shutdown time out. Closing the client first drops the
 * connections instead of closing the watches one by one, which the mock handles without waiting.
 * Real API servers have no such problem, so the host closes its informers normally.
 *
 * <p>Use: {@code @RegisterExtension final MockApiOrder order = new MockApiOrder();}, then
 * {@code order.host(ScopeLinksHost.start(..., order.client(server.createClient()), ...))}. After
 * each test the extension closes what is still open, clients first; {@link #close()} does the same
 * earlier, for a test that checks what closing does or cleans up the mock after closing. The test
 * fails if a registered host was closed by hand (possibly before its client), if a host was
 * registered without its client, or if anything is still open afterwards.
 */
public final class MockApiOrder implements AfterEachCallback, AutoCloseable {

    private record User(AutoCloseable closeable, BooleanSupplier isClosed) {
    }

    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private boolean closed;

    /** Registers a client that a host or watcher watches through; it is closed before them. */
    public synchronized <C extends KubernetesClient> C client(C client) {
        open();
        clients.add(client);
        return client;
    }

    /** Registers a host; it is closed after the clients, and must not be closed by the test itself. */
    public synchronized ScopeLinksHost host(ScopeLinksHost host) {
        open();
        users.add(new User(host, () -> !host.isHealthy()));
        return host;
    }

    /** Registers a watcher (or anything else that watches through a registered client), closed after the clients. */
    public synchronized <T extends AutoCloseable> T watcher(T watcher) {
        open();
        users.add(new User(watcher, () -> false));
        return watcher;
    }

    /** Closes every registered client, then every host and watcher (the latest first); later calls do nothing. */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        if (!users.isEmpty() && clients.isEmpty()) {
            problems.add("a host or watcher was registered without the client it watches through");
        }
        for (User user : users) {
            if (user.isClosed().getAsBoolean()) {
                problems.add(user.closeable() + " was closed by the test, maybe before its client; close it through"
                        + " MockApiOrder");
            }
        }
        Exception failure = null;
        for (KubernetesClient client : clients) {
            failure = closeQuietly(client, failure);
        }
        for (int i = users.size() - 1; i >= 0; i--) {
            failure = closeQuietly(users.get(i).closeable(), failure);
        }
        for (KubernetesClient client : clients) {
            if (!client.getHttpClient().isClosed()) {
                problems.add("a client was left open");
            }
        }
        for (User user : users) {
            if (user.closeable() instanceof ScopeLinksHost host && host.isHealthy()) {
                problems.add("a host was left open");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
        List<String> found;
        synchronized (this) {
            found = List.copyOf(problems);
        }
        if (!found.isEmpty()) {
            throw new AssertionError("MockApiOrder: " + String.join("; ", found));
        }
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("MockApiOrder has closed everything already; register before close()");
        }
    }

    private static Exception closeQuietly(AutoCloseable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }
}
