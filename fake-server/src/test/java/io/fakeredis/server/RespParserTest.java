package io.fakeredis.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser on its own: any split of the input gives the same commands; limits give Redis's texts. */
class RespParserTest {
    private static final class TestLimits implements RespParser.Limits {
        long maxBulk = 512L * 1024 * 1024;
        boolean auth;

        @Override
        public long maxBulkLen() {
            return maxBulk;
        }

        @Override
        public boolean authRequired() {
            return auth;
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String show(List<byte[][]> cmds) {
        StringBuilder sb = new StringBuilder();
        for (byte[][] c : cmds) {
            sb.append('[');
            for (byte[] a : c) sb.append('<').append(new String(a, StandardCharsets.ISO_8859_1)).append('>');
            sb.append(']');
        }
        return sb.toString();
    }

    /** Feeds the chunks one after another, as separate socket reads. */
    private static List<byte[][]> feed(RespParser p, TestLimits limits, byte[]... chunks) {
        List<byte[][]> out = new ArrayList<>();
        for (byte[] c : chunks) {
            int off = 0;
            while (off < c.length) {
                p.prepareRead();
                int n = Math.min(c.length - off, p.buf.length - p.end);
                System.arraycopy(c, off, p.buf, p.end, n);
                p.end += n;
                off += n;
                assertTrue(p.parse(out, limits), () -> "error " + p.error);
                p.trim();
            }
        }
        return out;
    }

    private static final byte[] MIXED = b("*3\r\n$3\r\nSET\r\n$4\r\nk\r\n\0\r\n$0\r\n\r\n"
            + "ping\r\n*0\r\n\r\n  echo \"a\\x41 b\" 'c\\'d'\n*1\r\n$4\r\nPING\r\n*-1\r\nget k\r\n");
    private static final String EXPECTED = "[<SET><k\r\n\0><>][<ping>][<echo><aA b><c'd>][<PING>][<get><k>]";

    @Test
    void everySplitIntoThreeChunksParsesTheSame() {
        assertEquals(EXPECTED, show(feed(new RespParser(), new TestLimits(), MIXED)));
        for (int i = 0; i <= MIXED.length; i++) {
            for (int j = i; j <= MIXED.length; j++) {
                byte[] a = java.util.Arrays.copyOfRange(MIXED, 0, i);
                byte[] m = java.util.Arrays.copyOfRange(MIXED, i, j);
                byte[] z = java.util.Arrays.copyOfRange(MIXED, j, MIXED.length);
                assertEquals(EXPECTED, show(feed(new RespParser(), new TestLimits(), a, m, z)), "split " + i + "," + j);
            }
        }
    }

    @Test
    void largeBulkGrowsTheBufferThenShrinks() {
        byte[] big = new byte[5 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(b("*2\r\n$4\r\nECHO\r\n$" + big.length + "\r\n"));
        o.writeBytes(big);
        o.writeBytes(b("\r\n"));
        RespParser p = new RespParser();
        List<byte[][]> out = feed(p, new TestLimits(), o.toByteArray());
        assertEquals(1, out.size());
        assertArrayEquals(big, out.get(0)[1]);
        assertTrue(p.buf.length <= 1024 * 1024, "buffer shrinks after the big request");
    }

    @Test
    void aBulkHeaderAloneDoesNotAllocateTheBulk() {
        RespParser p = new RespParser();
        List<byte[][]> out = feed(p, new TestLimits(), b("*1\r\n$500000000\r\nabc"));
        assertEquals(0, out.size());
        p.prepareRead();
        assertTrue(p.buf.length <= 64 * 1024, "buffer " + p.buf.length);
    }

    private static String error(TestLimits limits, String input) {
        RespParser p = new RespParser();
        byte[] in = b(input);
        System.arraycopy(in, 0, p.buf, 0, in.length);
        p.end = in.length;
        List<byte[][]> out = new ArrayList<>();
        boolean ok = p.parse(out, limits);
        assertEquals(ok, p.error == null);
        return p.error;
    }

    @Test
    void protoMaxBulkLenIsEnforced() {
        TestLimits l = new TestLimits();
        l.maxBulk = 1024 * 1024;
        assertNull(error(l, "*1\r\n$1048576\r\n"));
        assertEquals("ERR Protocol error: invalid bulk length", error(l, "*1\r\n$1048577\r\n"));
    }

    @Test
    void unauthenticatedClientsAreLimitedLikeRedis() {
        TestLimits l = new TestLimits();
        l.auth = true;
        assertNull(error(l, "*10\r\n"));
        assertEquals("ERR Protocol error: unauthenticated multibulk length", error(l, "*11\r\n"));
        assertNull(error(l, "*1\r\n$16384\r\n"));
        assertEquals("ERR Protocol error: unauthenticated bulk length", error(l, "*1\r\n$16385\r\n"));
        l.auth = false;
        assertNull(error(l, "*11\r\n$16385\r\n"));
    }

    @Test
    void errorTexts() {
        TestLimits l = new TestLimits();
        assertEquals("ERR Protocol error: invalid multibulk length", error(l, "*x\r\n"));
        assertEquals("ERR Protocol error: invalid bulk length", error(l, "*1\r\n$-2\r\n"));
        assertEquals("ERR Protocol error: expected '$', got '+'", error(l, "*1\r\n+OK\r\n"));
        assertEquals("ERR Protocol error: unbalanced quotes in request", error(l, "a \"b\r\n"));
        assertFalse(error(l, "*1\r\n$3\r\nab") != null, "incomplete input is not an error");
    }
}
