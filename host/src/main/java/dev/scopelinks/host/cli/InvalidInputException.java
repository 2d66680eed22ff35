package dev.scopelinks.host.cli;

/** Input the operator must fix; the message says what and where. Exits with {@link ExitCodes#INVALID_INPUT}. */
public final class InvalidInputException extends Exception {

    public InvalidInputException(String message) {
        super(message);
    }
}
