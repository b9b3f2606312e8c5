package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wire protocol itself, byte for byte against the real server: requests split anywhere,
 * deep pipelines, inline commands, binary-safe arguments and the exact protocol error texts,
 * each of which closes only the offending connection.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolConformanceTest extends ConformanceTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] cmd(String... args) {
        return RawConnection.encode(RawConnection.utf8(args));
    }

    /** Short printable form for failure messages. */
    private static String brief(byte[] raw) {
        String s = RawConnection.show(raw.length > 120 ? Arrays.copyOf(raw, 120) : raw);
        return raw.length > 120 ? s + "... (" + raw.length + " bytes)" : s;
    }

    private RawConnection fake() {
        return RawConnection.tcp(server.host(), server.port());
    }

    /** Writes raw bytes to a fresh connection on each server and compares the next n replies. */
    private List<byte[]> sameReplies(byte[] raw, int n) {
        try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
            return sameReplies(real, fake, raw, n);
        }
    }

    private static List<byte[]> sameReplies(RawConnection real, RawConnection fake, byte[] raw, int n) {
        real.write(raw);
        fake.write(raw);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] r = real.read();
            byte[] f = fake.read();
            assertEquals(RawConnection.show(r), RawConnection.show(f), "reply " + i + " to " + brief(raw));
            out.add(r);
        }
        return out;
    }

    /**
     * Sends raw bytes that end in a protocol error: both servers must answer the same replies,
     * then close the connection.
     */
    private void sameProtocolError(byte[] raw, int repliesBeforeError, String error) {
        try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
            List<byte[]> replies = sameReplies(real, fake, raw, repliesBeforeError + 1);
            assertEquals("-" + error + "\r\n", new String(replies.get(repliesBeforeError), StandardCharsets.ISO_8859_1));
            assertTrue(real.isClosedByPeer(), "redis closes after a protocol error");
            assertTrue(fake.isClosedByPeer(), "the fake closes after a protocol error");
        }
    }

    @Test
    void commandSplitAtEveryByteBoundary() throws InterruptedException {
        byte[] value = b("a\r\nb\0c$3\r\n*1\r\n");
        byte[] raw = cat(RawConnection.encode(b("SET"), b("split:k\r\n"), value), cmd("GET", "split:k\r\n"),
                b("PING x\r\n"));
        for (int cut = 1; cut < raw.length; cut++) {
            try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
                byte[] head = Arrays.copyOfRange(raw, 0, cut);
                byte[] tail = Arrays.copyOfRange(raw, cut, raw.length);
                real.write(head);
                fake.write(head);
                Thread.sleep(1); // let the first part be read on its own
                real.write(tail);
                fake.write(tail);
                for (int i = 0; i < 3; i++) {
                    assertEquals(RawConnection.show(real.read()), RawConnection.show(fake.read()), "cut at " + cut);
                }
            }
        }
    }

    @Test
    void commandSentOneByteAtATime() throws InterruptedException {
        byte[] raw = cat(cmd("SET", "bytewise", "v1"), b("GET bytewise\r\n"), cmd("GET", "bytewise"), b("*0\r\n"),
                cmd("PING"));
        try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
            for (byte x : raw) {
                real.write(new byte[] {x});
                fake.write(new byte[] {x});
                Thread.sleep(0, 200_000);
            }
            for (int i = 0; i < 4; i++) assertEquals(RawConnection.show(real.read()), RawConnection.show(fake.read()));
        }
    }

    @Test
    void pipelineOfTenThousandCommandsInOneWrite() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) out.writeBytes(cmd("SET", "pipe:" + i, "value-" + i));
            else out.writeBytes(cmd("GET", "pipe:" + (i - 1)));
        }
        byte[] raw = out.toByteArray();
        try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
            // Write from other threads: the replies may fill the socket buffers before the
            // requests are all sent.
            Thread tr = new Thread(() -> real.write(raw));
            Thread tf = new Thread(() -> fake.write(raw));
            tr.start();
            tf.start();
            for (int i = 0; i < n; i++) {
                byte[] r = real.read();
                byte[] f = fake.read();
                if (!Arrays.equals(r, f)) {
                    assertEquals(RawConnection.show(r), RawConnection.show(f), "reply " + i);
                }
                if (i % 2 == 1) assertEquals("$" + ("value-" + (i - 1)).length() + "\r\nvalue-" + (i - 1) + "\r\n",
                        new String(f, StandardCharsets.ISO_8859_1));
            }
            tr.join();
            tf.join();
        }
    }

    @Test
    void inlineCommands() {
        sameReplies(b("ping\r\n"), 1);
        sameReplies(b("PING\n"), 1);
        sameReplies(b("set inl:a b\nget inl:a\r\n"), 2);
        sameReplies(b("  \t set   inl:sp   x  \r\nget inl:sp\r\n"), 2);
        // empty lines are skipped
        sameReplies(b("\r\n\n\r\nping\r\n"), 1);
        // double quotes with C escapes, single quotes with \'
        sameReplies(b("set \"inl:q k\" \"a\\x41\\n\\r\\t\\\"b\\\\c\\z\"\r\nget \"inl:q k\"\r\n"), 2);
        sameReplies(b("set 'inl:sq' 'it\\'s \"x\"'\r\nget inl:sq\r\n"), 2);
        sameReplies(b("echo \"\"\r\necho ''\r\n"), 2);
        sameReplies(b("echo \"\\xzz\\x4\"\r\n"), 1);
        // inline and multibulk mixed in one write
        sameReplies(cat(b("set inl:m 1\r\n"), cmd("GET", "inl:m"), b("get inl:m\n")), 3);
        // inline errors are ordinary command errors
        sameReplies(b("nosuchcmd a 'b c'\r\n"), 1);
        sameReplies(b("get\r\n"), 1);
        // error texts quoting UTF-8 arguments keep their bytes
        sameReplies(cmd("nosuch\u00e9", "\u00fc\u20ac"), 1);
    }

    @Test
    void emptyAndNullMultibulkAreIgnored() {
        sameReplies(cat(b("*0\r\n"), cmd("PING"), b("*-1\r\n*0\r\n"), cmd("ECHO", "after")), 2);
    }

    @Test
    void binarySafeKeysAndValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        byte[] key = b("bin:\r\n\0key\r\n");
        sameReplies(RawConnection.encode(b("SET"), key, all), 1);
        List<byte[]> r = sameReplies(RawConnection.encode(b("GET"), key), 1);
        assertArrayEquals(cat(b("$256\r\n"), all, b("\r\n")), r.get(0));
        sameReplies(RawConnection.encode(b("SET"), new byte[0], new byte[0]), 1);
        sameReplies(RawConnection.encode(b("GET"), new byte[0]), 1);
        sameReplies(RawConnection.encode(b("ECHO"), b("\0\0\r\n\0")), 1);
    }

    @Test
    void largeValueInManyWrites() {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        byte[] raw = cat(RawConnection.encode(b("SET"), b("big:k"), big), cmd("GET", "big:k"));
        try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
            for (int off = 0; off < raw.length; off += 65_537) {
                byte[] part = Arrays.copyOfRange(raw, off, Math.min(raw.length, off + 65_537));
                real.write(part);
                fake.write(part);
            }
            assertEquals(RawConnection.show(real.read()), RawConnection.show(fake.read()));
            byte[] r = real.read();
            byte[] f = fake.read();
            assertEquals(r.length, f.length);
            assertArrayEquals(r, f);
        }
    }

    @Test
    void quitAnswersThenClosesAndLaterCommandsAreDropped() {
        try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
            sameReplies(real, fake, cat(cmd("SET", "quit:k", "1"), b("QUIT\r\n"), cmd("SET", "quit:k", "2")), 2);
            assertTrue(real.isClosedByPeer());
            assertTrue(fake.isClosedByPeer());
        }
        sameReplies(cmd("GET", "quit:k"), 1);
    }

    // ---- protocol errors ----

    @Test
    void invalidMultibulkLength() {
        sameProtocolError(b("*abc\r\n"), 0, "ERR Protocol error: invalid multibulk length");
        sameProtocolError(b("*3000000000\r\n"), 0, "ERR Protocol error: invalid multibulk length");
        sameProtocolError(b("*1x\r\n"), 0, "ERR Protocol error: invalid multibulk length");
        sameProtocolError(b("*\r\n"), 0, "ERR Protocol error: invalid multibulk length");
    }

    @Test
    void invalidBulkLength() {
        sameProtocolError(b("*1\r\n$abc\r\n"), 0, "ERR Protocol error: invalid bulk length");
        sameProtocolError(b("*1\r\n$-1\r\n"), 0, "ERR Protocol error: invalid bulk length");
        sameProtocolError(b("*2\r\n$3\r\nGET\r\n$\r\n"), 0, "ERR Protocol error: invalid bulk length");
    }

    @Test
    void bulkLargerThanProtoMaxBulkLen() {
        // the default proto-max-bulk-len is 512 MB
        sameProtocolError(b("*1\r\n$536870913\r\n"), 0, "ERR Protocol error: invalid bulk length");
    }

    @Test
    void expectedDollar() {
        sameProtocolError(b("*1\r\nPING\r\n"), 0, "ERR Protocol error: expected '$', got 'P'");
        sameProtocolError(b("*2\r\n$4\r\nECHO\r\n:1\r\n"), 0, "ERR Protocol error: expected '$', got ':'");
        // the offending byte is copied raw, a line break becomes a space, a NUL ends the text
        sameProtocolError(b("*1\r\n\u00ff\r\n"), 0, "ERR Protocol error: expected '$', got '\u00ff'");
        sameProtocolError(b("*1\r\n\r\n"), 0, "ERR Protocol error: expected '$', got ' '");
        sameProtocolError(b("*1\r\n\n\r\n"), 0, "ERR Protocol error: expected '$', got ' '");
    }

    @Test
    void nulInAHeaderLineStallsTheConnectionLikeRedis() throws InterruptedException {
        // Redis looks for line ends with strchr, which stops at a NUL: the request never
        // completes, later commands are not seen, until the buffer passes the 64 KB line limit.
        for (String raw : new String[] {"*1\r\n\0\r\n", "*\0\r\n", "pi\0ng\r\n", "*1\r\n$4\0\r\nPING\r\n"}) {
            try (RawConnection real = oracle.connect(); RawConnection fake = fake()) {
                real.write(b(raw + "PING\r\n"));
                fake.write(b(raw + "PING\r\n"));
                Thread.sleep(100);
                try (RawConnection probeReal = oracle.connect(); RawConnection probeFake = fake()) {
                    assertEquals("+PONG\r\n", new String(probeReal.call("PING"), StandardCharsets.ISO_8859_1));
                    assertEquals("+PONG\r\n", new String(probeFake.call("PING"), StandardCharsets.ISO_8859_1));
                }
                byte[] filler = new byte[70 * 1024];
                Arrays.fill(filler, (byte) 'x');
                List<byte[]> r = sameReplies(real, fake, filler, 1);
                assertTrue(new String(r.get(0), StandardCharsets.ISO_8859_1).startsWith("-ERR Protocol error: too big"),
                        "nothing was answered before the line limit: " + brief(r.get(0)));
                assertTrue(real.isClosedByPeer());
                assertTrue(fake.isClosedByPeer());
            }
        }
    }

    @Test
    void unbalancedQuotes() {
        sameProtocolError(b("set \"abc\r\n"), 0, "ERR Protocol error: unbalanced quotes in request");
        sameProtocolError(b("set 'abc\r\n"), 0, "ERR Protocol error: unbalanced quotes in request");
        sameProtocolError(b("echo \"a\"b\r\n"), 0, "ERR Protocol error: unbalanced quotes in request");
    }

    @Test
    void tooBigInlineAndCountStrings() {
        byte[] junk = new byte[70 * 1024];
        Arrays.fill(junk, (byte) 'a');
        sameProtocolError(junk, 0, "ERR Protocol error: too big inline request");
        byte[] mbulk = junk.clone();
        mbulk[0] = '*';
        Arrays.fill(mbulk, 1, mbulk.length, (byte) '1');
        sameProtocolError(mbulk, 0, "ERR Protocol error: too big mbulk count string");
        byte[] bulk = cat(b("*1\r\n$"), Arrays.copyOf(mbulk, mbulk.length - 1));
        Arrays.fill(bulk, 5, bulk.length, (byte) '1');
        sameProtocolError(bulk, 0, "ERR Protocol error: too big bulk count string");
    }

    @Test
    void commandsBeforeTheErrorStillRun() {
        sameProtocolError(cat(cmd("SET", "perr:k", "v"), b("PING\r\n"), cmd("GET", "perr:k"), b("*1\r\n$x\r\n"),
                cmd("SET", "perr:never", "v")), 3, "ERR Protocol error: invalid bulk length");
        sameReplies(cmd("GET", "perr:never"), 1);
    }

    @Test
    void protocolErrorsDoNotDisturbOtherClients() throws Exception {
        try (RawConnection other = fake(); RawConnection otherReal = oracle.connect()) {
            sameReplies(otherReal, other, cmd("SET", "calm:k", "kept"), 1);
            // a half-sent command on the calm connection survives the others' errors
            byte[] half = cmd("ECHO", "still here");
            other.write(Arrays.copyOf(half, 9));
            otherReal.write(Arrays.copyOf(half, 9));
            for (int i = 0; i < 20; i++) {
                sameProtocolError(b("*1\r\n$x\r\n"), 0, "ERR Protocol error: invalid bulk length");
                sameProtocolError(b("echo 'x\r\n"), 0, "ERR Protocol error: unbalanced quotes in request");
            }
            other.write(Arrays.copyOfRange(half, 9, half.length));
            otherReal.write(Arrays.copyOfRange(half, 9, half.length));
            assertEquals(RawConnection.show(otherReal.read()), RawConnection.show(other.read()));
            sameReplies(otherReal, other, cmd("GET", "calm:k"), 1);
        }
        assertEquals(0, waitForConnections(0), "closed connections are forgotten");
    }

    private static int waitForConnections(int want) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.connectionCount() != want && System.nanoTime() < deadline) Thread.sleep(5);
        return server.connectionCount();
    }
}
