package io.fakeredis.core.cmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.core.type.StringValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bit edits never change an array that another key or an earlier reader may hold. */
class BitmapCommandsTest {
    private final Engine engine = new Engine(new ManualClock(Instant.ofEpochMilli(1_700_000_000_000L)));
    private final StringCommandsTest.Recorder out = new StringCommandsTest.Recorder();
    private final Client c = engine.connect(new Client.Transport() {}, out);

    @AfterEach
    void close() {
        engine.close();
    }

    private String call(String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        out.parts.clear();
        engine.lock.lock();
        try {
            engine.execute(c, argv);
        } finally {
            engine.lock.unlock();
        }
        return String.join(" ", out.parts);
    }

    private byte[] value(String key) {
        return StringValue.bytes(c.db.peek(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void cachedIntegerArraysStayIntact() {
        call("INCR", "x"); // "1", possibly a shared cached array
        byte[] before = value("x");
        assertEquals(":1", call("SETBIT", "x", "7", "0")); // '1' is 0x31: bit 7 was set
        assertEquals(":0", call("SETBIT", "x", "7", "0"));
        assertEquals("$1 0", call("GET", "x"));
        assertArrayEquals("1".getBytes(StandardCharsets.UTF_8), before);
        assertEquals(":1", call("INCR", "y"));
        assertEquals("$1 1", call("GET", "y"));
        call("BITFIELD", "y", "SET", "u8", "0", "50");
        assertEquals(":1", call("INCR", "z"));
        assertEquals("$1 1", call("GET", "z"));
    }

    @Test
    void valuesHandedOutStayIntact() {
        call("SETBIT", "k", "0", "1");
        byte[] seen = value("k");
        call("SETBIT", "k", "1", "1");
        call("BITFIELD", "k", "SET", "u8", "#2", "255");
        assertArrayEquals(new byte[] {(byte) 0x80}, seen);
        assertArrayEquals(new byte[] {(byte) 0xc0, 0, (byte) 0xff}, value("k"));
        call("BITOP", "NOT", "n", "k");
        byte[] n = value("n");
        call("SETBIT", "n", "0", "1");
        assertArrayEquals(new byte[] {0x3f, (byte) 0xff, 0}, n);
        assertEquals("$3 raw", call("OBJECT", "ENCODING", "n"));
    }
}
