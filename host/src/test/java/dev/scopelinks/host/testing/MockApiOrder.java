package dev.scopelinks.host.testing;

/**
 * Why the ITs close the host's Kubernetes client before the host itself.
 *
 * <p>fabric8's mock API server (8.0.0) handles a watch's WebSocket close on its only event-loop
 * thread by waiting, for up to a minute, until the watch's send executor has stopped; a send in
 * flight needs that same event loop, so a watch closed while events flow stalls the whole mock
 * server, and later requests and its shutdown time out. Closing the client first drops the
 * connections instead of closing the watches one by one, which the mock handles without waiting.
 * Real API servers have no such problem, so the host closes its informers normally.
 */
public final class MockApiOrder {

    private MockApiOrder() {
    }
}
