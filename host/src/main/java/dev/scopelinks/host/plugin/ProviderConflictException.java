package dev.scopelinks.host.plugin;

/** Two providers claim one id: the operator must remove one before anything can work. */
public final class ProviderConflictException extends Exception {

    public ProviderConflictException(String message) {
        super(message);
    }
}
