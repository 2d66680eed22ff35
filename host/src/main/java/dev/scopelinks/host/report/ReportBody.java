package dev.scopelinks.host.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * One socket's report body, held as the pieces it is made of: the model's node fragments, shared
 * with the model, and the few bytes of framing between them. A rebuild therefore allocates an
 * array of references (a few bytes per node) instead of copying every fragment into one body,
 * which at 50,000 objects was 30 MB of fresh old-generation arrays per rebuild and the larger half
 * of the host's cost under churn. The bytes are copied once, when a request writes them.
 *
 * <p>Immutable: the pieces are never changed after they are handed in.
 */
public final class ReportBody {

    /** How much is copied into one write: large enough that a body costs few writes on the socket. */
    private static final int CHUNK = 64 * 1024;

    private final byte[][] pieces;
    private final int length;

    private ReportBody(byte[][] pieces, int length) {
        this.pieces = pieces;
        this.length = length;
    }

    /** A body of exactly {@code bytes}. */
    public static ReportBody of(byte[] bytes) {
        return new ReportBody(new byte[][] {Objects.requireNonNull(bytes, "bytes")}, bytes.length);
    }

    /** A body of {@code pieces} in order; the caller hands them over and does not change them afterwards. */
    static ReportBody ofPieces(byte[][] pieces, int length) {
        return new ReportBody(pieces, length);
    }

    /** The body's size in bytes. */
    public int length() {
        return length;
    }

    /** Writes the body to {@code out} in chunks of up to 64 KB. */
    public void writeTo(OutputStream out) throws IOException {
        byte[] chunk = new byte[Math.min(CHUNK, Math.max(1, length))];
        int filled = 0;
        for (byte[] piece : pieces) {
            if (piece.length >= chunk.length) {
                // Already as large as a chunk: written as it is, after what is pending.
                if (filled > 0) {
                    out.write(chunk, 0, filled);
                    filled = 0;
                }
                out.write(piece);
                continue;
            }
            int at = 0;
            while (at < piece.length) {
                int n = Math.min(piece.length - at, chunk.length - filled);
                System.arraycopy(piece, at, chunk, filled, n);
                filled += n;
                at += n;
                if (filled == chunk.length) {
                    out.write(chunk, 0, filled);
                    filled = 0;
                }
            }
        }
        if (filled > 0) {
            out.write(chunk, 0, filled);
        }
    }

    /** The body as one array: for printing and checking it, not for serving it. */
    public byte[] toByteArray() {
        byte[] bytes = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, bytes, at, piece.length);
            at += piece.length;
        }
        return bytes;
    }
}
