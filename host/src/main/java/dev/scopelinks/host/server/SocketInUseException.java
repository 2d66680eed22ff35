package dev.scopelinks.host.server;

/** Another live process answers on the socket path; scope-links never steals it. */
public final class SocketInUseException extends Exception {

    public SocketInUseException(String message) {
        super(message);
    }
}
