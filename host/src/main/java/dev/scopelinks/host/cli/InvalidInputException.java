package dev.scopelinks.host.cli;

/** Input the operator must fix; the message says what and where. Exits with {@link ExitCodes#INVALID_INPUT}. */
final class InvalidInputException extends Exception {

    InvalidInputException(String message) {
        super(message);
    }
}
