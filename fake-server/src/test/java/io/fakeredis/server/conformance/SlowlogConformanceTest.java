package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SLOWLOG's entries with slowlog-log-slower-than 0 (every command logged): which commands are
 * logged, their arguments as kept (trimmed, redacted), client names and the order. Ids are
 * compared relative to the first, times, durations and addresses are masked. The oracle is
 * shared: the test leaves the threshold at Redis's default and the log empty.
 */
class SlowlogConformanceTest extends ConformanceTest {

    /**
     * Entries as text, newest first: arguments, whether the address is a script's, and the name.
     * Ids must fall by one from entry to entry; times, durations and addresses differ.
     */
    private static List<String> entries(byte[] raw) {
        List<String> out = new ArrayList<>();
        long previous = -1;
        for (byte[] e : Reply.elements(raw)) {
            List<byte[]> f = Reply.elements(e);
            long id = Long.parseLong(new String(f.get(0), StandardCharsets.US_ASCII).substring(1).trim());
            if (previous >= 0) assertEquals(previous - 1, id, "ids fall by one");
            previous = id;
            List<byte[]> args = Reply.elements(f.get(3));
            if (Reply.bulkString(args.get(0)).equals("INFO")) continue; // waitBlocked polls each server its own number of times
            StringBuilder b = new StringBuilder();
            for (byte[] a : args) b.append(b.length() == 0 ? "" : " ").append(Reply.bulkString(a));
            String peer = Reply.bulkString(f.get(4));
            b.append(" | ").append(peer.equals("?:0") ? "script" : "client").append(" | ").append(Reply.bulkString(f.get(5)));
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> sameEntries(Session s, String... get) {
        byte[][] r = s.both(get);
        List<String> real = entries(r[0]);
        assertEquals(real, entries(r[1]));
        return real;
    }

    @Test
    void everyCommandAsKept() {
        run(s -> {
            try {
                s.same("CONFIG", "SET", "slowlog-log-slower-than", "0");
                s.same("SLOWLOG", "RESET");
                s.same("CLIENT", "SETNAME", "slowpoke");
                s.same("SET", "a", "b");
                s.same("SET", "k".repeat(200), "v");
                List<String> mset = new ArrayList<>(List.of("MSET"));
                for (int i = 0; i < 20; i++) {
                    mset.add("a" + i);
                    mset.add("1");
                }
                s.same(mset.toArray(new String[0]));
                s.same("EVAL", "redis.call('set','x','y') return 1", "0");
                s.same("MULTI");
                s.same("SET", "m", "1");
                s.same("EXEC");
                s.both("HELLO", String.valueOf(s.resp), "AUTH", "default", "secret-but-nopass"); // replies differ in the client id
                s.same("AUTH", "nouser", "pw");
                s.same("CONFIG", "SET", "requirepass", "", "nosuch", "x");
                s.same("CLIENT", "SETNAME", "");
                s.same("BLPOP", "nolist", "0.01");
                s.same("SLOWLOG", "LEN");
                List<String> all = sameEntries(s, "SLOWLOG", "GET", "-1");
                assertEquals("SLOWLOG LEN | client | ", all.get(0));
                // a script's commands log the script client's address; EXEC is never logged, its commands are
                assertTrue(all.stream().anyMatch(e -> e.equals("set x y | script | ")), all::toString);
                assertTrue(all.stream().anyMatch(e -> e.equals("SET m 1 | client | slowpoke")), all::toString);
                assertTrue(all.stream().noneMatch(e -> e.contains("EXEC") || e.contains("BLPOP")), all::toString);
                assertTrue(all.stream().anyMatch(e -> e.contains(" AUTH (redacted) (redacted) | ")), all::toString);
                assertEquals(10, sameEntries(s, "SLOWLOG", "GET").size());
                sameEntries(s, "SLOWLOG", "GET", "3");
                s.same("SLOWLOG", "RESET");
                s.same("SLOWLOG", "LEN");
                // a served blocked command is logged when served, by the client that blocked
                try (Session other = s.another()) {
                    other.real.write(RawConnection.encode(RawConnection.utf8("BLPOP", "q", "0")));
                    other.fake.write(RawConnection.encode(RawConnection.utf8("BLPOP", "q", "0")));
                    waitBlocked(s);
                    s.same("LPUSH", "q", "x");
                    assertEquals(RawConnection.show(other.real.read()), RawConnection.show(other.fake.read()));
                }
                sameEntries(s, "SLOWLOG", "GET", "-1");
                // a shorter log keeps the newest, trimmed when the next entry comes
                s.same("CONFIG", "SET", "slowlog-max-len", "2");
                s.same("SLOWLOG", "LEN");
                s.same("PING");
                s.same("SLOWLOG", "LEN");
                sameEntries(s, "SLOWLOG", "GET", "-1");
            } finally {
                s.both("CONFIG", "SET", "slowlog-log-slower-than", "10000");
                s.both("CONFIG", "SET", "slowlog-max-len", "128");
                s.both("SLOWLOG", "RESET");
            }
        });
    }

    @Test
    void offBelowZeroAndAboveTheThreshold() {
        run(s -> {
            try {
                s.same("CONFIG", "SET", "slowlog-log-slower-than", "-1");
                s.same("SLOWLOG", "RESET");
                s.same("SET", "a", "b");
                s.same("SLOWLOG", "LEN");
                s.same("CONFIG", "SET", "slowlog-log-slower-than", "1000000");
                s.same("SET", "a", "b");
                s.same("SLOWLOG", "LEN");
            } finally {
                s.both("CONFIG", "SET", "slowlog-log-slower-than", "10000");
                s.both("SLOWLOG", "RESET");
            }
        });
    }

    private static void waitBlocked(Session s) {
        for (RawConnection c : List.of(s.real, s.fake)) {
            for (int i = 0; i < 500; i++) {
                String info = new String(c.call("INFO", "clients"), StandardCharsets.UTF_8);
                if (info.contains("blocked_clients:1")) break;
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
