package dev.scopelinks.standin;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a watch's events go: a chunked HTTP response with one JSON event per line (what kubectl
 * and client-go read), or WebSocket text frames (what fabric8 clients try first). Writes are
 * non-blocking; a client too slow to keep up is disconnected, as a real server does, and re-lists.
 */
interface WatchSink {

    /** Sends the response head, so the client sees the watch is open before any event. */
    void start();

    void send(String event);

    void end();

    /** Refuses the watch before it started. */
    void fail(int code, String status);

    /** Runs {@code action} once the client has gone or the watch ended; may be called more than once. */
    void onClose(Runnable action);

    static WatchSink http(HttpServerResponse response) {
        return new WatchSink() {
            private final AtomicBoolean ended = new AtomicBoolean();

            @Override
            public void start() {
                response.setChunked(true).putHeader("Content-Type", "application/json").writeHead();
            }

            @Override
            public void send(String event) {
                if (ended.get()) {
                    return;
                }
                if (response.writeQueueFull()) {
                    end();
                    return;
                }
                response.write(event + "\n");
            }

            @Override
            public void end() {
                if (ended.compareAndSet(false, true) && !response.closed()) {
                    response.end();
                }
            }

            @Override
            public void fail(int code, String status) {
                ended.set(true);
                response.setStatusCode(code).putHeader("Content-Type", "application/json").end(status);
            }

            private final List<Runnable> closers = new CopyOnWriteArrayList<>();
            private final AtomicBoolean handlersSet = new AtomicBoolean();

            @Override
            public void onClose(Runnable action) {
                closers.add(action);
                if (handlersSet.compareAndSet(false, true)) {
                    response.closeHandler(ignored -> closers.forEach(Runnable::run));
                    response.endHandler(ignored -> closers.forEach(Runnable::run));
                }
                if (response.closed() || ended.get()) {
                    action.run();
                }
            }
        };
    }

    static WatchSink webSocket(ServerWebSocket socket) {
        return new WatchSink() {
            private final AtomicBoolean ended = new AtomicBoolean();

            @Override
            public void start() {
                // The upgrade already answered the request.
            }

            @Override
            public void send(String event) {
                if (ended.get()) {
                    return;
                }
                if (socket.writeQueueFull()) {
                    end();
                    return;
                }
                socket.writeTextMessage(event);
            }

            @Override
            public void end() {
                if (ended.compareAndSet(false, true)) {
                    socket.close();
                }
            }

            @Override
            public void fail(int code, String status) {
                send("{\"type\":\"ERROR\",\"object\":" + status + "}");
                end();
            }

            private final List<Runnable> closers = new CopyOnWriteArrayList<>();
            private final AtomicBoolean handlerSet = new AtomicBoolean();

            @Override
            public void onClose(Runnable action) {
                closers.add(action);
                if (handlerSet.compareAndSet(false, true)) {
                    socket.closeHandler(ignored -> closers.forEach(Runnable::run));
                }
                if (socket.isClosed() || ended.get()) {
                    action.run();
                }
            }
        };
    }
}
