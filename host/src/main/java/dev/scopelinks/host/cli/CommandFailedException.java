package dev.scopelinks.host.cli;

/**
 * The cluster or the file system let a command down in a way the message fully explains (an
 * object not found, the API server refusing); printed without a stack trace. Exits with
 * {@link ExitCodes#RUNTIME_FAILURE}.
 */
final class CommandFailedException extends Exception {

    CommandFailedException(String message) {
        super(message);
    }
}
