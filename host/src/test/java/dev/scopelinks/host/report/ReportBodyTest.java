package dev.scopelinks.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBodyTest {

    @Test
    void writesItsPiecesInOrderAsOneBody() throws IOException {
        List<byte[]> pieces = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 5_000; i++) {
            // Small pieces, pieces that straddle a 64 KB chunk and pieces larger than a chunk.
            int size = i % 1_000 == 999 ? 70_000 + i : i % 50;
            byte[] piece = new byte[size];
            Arrays.fill(piece, (byte) ('a' + i % 26));
            pieces.add(piece);
            expected.writeBytes(piece);
        }
        ReportBody body = ReportBody.ofPieces(pieces.toArray(byte[][]::new), expected.size());

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        body.writeTo(written);

        assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(body.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(body.length()).isEqualTo(expected.size());
    }

    @Test
    void writesInFewLargeWrites() throws IOException {
        byte[][] pieces = new byte[100_000][];
        Arrays.fill(pieces, new byte[] {'x', ','});
        ReportBody body = ReportBody.ofPieces(pieces, 200_000);
        List<Integer> writes = new ArrayList<>();

        body.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(length);
            }
        });

        assertThat(writes).hasSize(4).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(64 * 1024));
        assertThat(writes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200_000);
    }

    @Test
    void anEmptyBodyWritesNothing() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ReportBody.of(new byte[0]).writeTo(written);
        assertThat(written.size()).isZero();
    }
}
