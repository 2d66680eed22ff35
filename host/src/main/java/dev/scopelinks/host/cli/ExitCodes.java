package dev.scopelinks.host.cli;

/** The exit codes of every command, for scripts and manifests. */
public final class ExitCodes {

    /** Finished as asked (including a clean stop on SIGTERM or SIGINT). */
    public static final int OK = 0;
    /** Failed while running: the cluster or the file system let us down. */
    public static final int RUNTIME_FAILURE = 1;
    /** Bad config, bad command line or conflicting providers: the operator must fix the input. */
    public static final int INVALID_INPUT = 2;
    /**
     * The JVM's own code when {@code -XX:+ExitOnOutOfMemoryError} ends the process (the launcher
     * sets it): the heap is too small for the cluster. Never returned by a command.
     */
    public static final int OUT_OF_MEMORY = 3;
    /** Another live instance holds the socket. */
    public static final int SOCKET_IN_USE = 4;
    /**
     * {@code poll}: Scope's probe would discard the whole answer (a status but 200, a body it cannot
     * decode, a wrong plugin spec) or crash on it; the UI shows the plugin as {@code error}.
     */
    public static final int REPORT_REJECTED = 5;
    /** {@code poll}: Scope would take the answer but draw part of it broken, or silently leave part of it out. */
    public static final int REPORT_PARTLY_LOST = 6;

    private ExitCodes() {
    }
}
