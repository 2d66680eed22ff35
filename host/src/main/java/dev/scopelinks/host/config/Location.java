package dev.scopelinks.host.config;

/**
 * A place in a config file, printed the way editors and compilers do: {@code file:line:col}.
 *
 * @param file   the file as the operator named it
 * @param line   1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
