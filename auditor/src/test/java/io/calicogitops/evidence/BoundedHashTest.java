package io.calicogitops.evidence;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A listed file is read only up to one byte past its declared size, however large the entry is. */
class BoundedHashTest {

    @Test
    void largeStream_declaredTenBytes_readsElevenAndStops() throws IOException {
        Counting in = new Counting(new ByteArrayInputStream(new byte[4 * 1024 * 1024]));

        BoundedHash h = BoundedHash.of(in, 10 + 1);

        assertEquals(11, h.bytesRead());
        assertEquals(11, in.count, "not one byte more was taken from the entry");
    }

    @Test
    void shortStream_isHashedWhole() throws IOException {
        byte[] bytes = "hello\n".getBytes(StandardCharsets.UTF_8);

        BoundedHash h = BoundedHash.of(new ByteArrayInputStream(bytes), 7);

        assertEquals(6, h.bytesRead());
        assertEquals(Sha256.hex(bytes), h.sha256());
    }

    /** Counts the bytes handed out. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
