package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Stream consumer groups compared byte for byte with Redis 7.0.15. Idle times depend on the
 * clock, so replies carrying them are compared with the idle values masked and checked small.
 */
class StreamGroupConformanceTest extends ConformanceTest {

    private static final Pattern PENDING_IDLE = Pattern.compile(":(\\d+)\\\\r\\\\n:(\\d+)\\\\r\\\\n");
    private static final Pattern CONSUMER_IDLE = Pattern.compile("idle\\\\r\\\\n:(\\d+)");

    /** Compares the replies with every idle time masked; the idle times must agree within two seconds. */
    private static void sameIdle(ConformanceTest.Session s, Pattern idle, String... cmd) {
        byte[][] r = s.both(cmd);
        List<Long> realIdle = new ArrayList<>();
        List<Long> fakeIdle = new ArrayList<>();
        assertEquals(mask(RawConnection.show(r[0]), idle, realIdle), mask(RawConnection.show(r[1]), idle, fakeIdle),
                "RESP" + s.resp + " " + String.join(" ", cmd));
        for (int i = 0; i < realIdle.size(); i++) {
            assertTrue(Math.abs(realIdle.get(i) - fakeIdle.get(i)) < 2000, "idle times " + realIdle + " vs " + fakeIdle);
        }
    }

    private static String mask(String shown, Pattern idle, List<Long> idles) {
        Matcher m = idle.matcher(shown);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            idles.add(Long.parseLong(m.group(1)));
            String rest = m.groupCount() > 1 ? "\\\\r\\\\n:" + m.group(2) + "\\\\r\\\\n" : "";
            m.appendReplacement(b, (idle == PENDING_IDLE ? ":IDLE" : "idle:IDLE") + rest);
        }
        m.appendTail(b);
        return b.toString();
    }

    private static void pending(ConformanceTest.Session s, String... cmd) {
        sameIdle(s, PENDING_IDLE, cmd);
    }

    private static void consumers(ConformanceTest.Session s, String key, String group) {
        sameIdle(s, CONSUMER_IDLE, "XINFO", "CONSUMERS", key, group);
    }

    @Test
    void xgroupSubcommandsAndErrors() {
        run(s -> {
            s.same("XGROUP", "CREATE", "s", "g", "$");
            s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
            s.same("EXISTS", "s");
            s.same("TYPE", "s");
            s.same("XLEN", "s");
            s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
            s.same("XADD", "s", "1-0", "a", "1");
            s.same("XADD", "s", "2-0", "a", "2");
            s.same("XGROUP", "CREATE", "s", "g2", "$");
            s.same("XGROUP", "CREATE", "s", "g3", "0");
            s.same("XGROUP", "CREATE", "s", "g4", "1-0", "ENTRIESREAD", "5");
            s.same("XGROUP", "CREATE", "s", "a0", "1", "ENTRIESREAD", "-1", "MKSTREAM");
            s.same("XGROUP", "CREATE", "s", "g5", "0", "ENTRIESREAD", "-2");
            s.same("XGROUP", "CREATE", "s", "g5", "0", "ENTRIESREAD", "x");
            s.same("XGROUP", "CREATE", "s", "g5", "0", "ENTRIESREAD");
            s.same("XGROUP", "CREATE", "s", "g5", "0", "FOO");
            s.same("XGROUP", "CREATE", "s", "g5", "x");
            s.same("XGROUP", "CREATE", "s", "g5", "-");
            s.same("XGROUP", "CREATE", "s", "g5", "0", "MKSTREAM", "MKSTREAM", "MKSTREAM", "MKSTREAM");
            s.same("XGROUP", "CREATE", "s");
            s.same("XGROUP", "CREATE", "nokey", "g", "x");
            s.same("XINFO", "GROUPS", "s");
            s.same("XINFO", "STREAM", "s");
            s.same("XGROUP", "SETID", "s", "g", "0");
            s.same("XGROUP", "SETID", "s", "nog", "0");
            s.same("XGROUP", "SETID", "s", "g", "1", "ENTRIESREAD", "3");
            s.same("XGROUP", "SETID", "s", "g", "1", "FOO", "3");
            s.same("XGROUP", "SETID", "s", "g", "1", "ENTRIESREAD", "-3");
            s.same("XGROUP", "SETID", "s", "g", "$", "ENTRIESREAD", "x");
            s.same("XGROUP", "SETID", "s", "g", "-");
            s.same("XGROUP", "SETID", "s", "g", "+");
            s.same("XGROUP", "SETID", "s", "g", "1", "ENTRIESREAD");
            s.same("XGROUP", "SETID", "s", "g3", "$");
            s.same("XGROUP", "SETID", "nokey", "g", "0");
            // found by ArgumentFuzzTest: options are read before the key is looked up
            s.same("XGROUP", "SETID", "nokey", "g", "0", "EXTRA");
            s.same("XGROUP", "SETID", "nokey", "g", "0", "ENTRIESREAD", "x");
            s.same("XGROUP", "DESTROY", "nokey", "g", "EXTRA");
            s.same("XGROUP", "CREATECONSUMER", "nokey", "g", "c", "MKSTREAM");
            s.same("XINFO", "GROUPS", "s");
            s.same("XGROUP", "CREATECONSUMER", "s", "g", "c1");
            s.same("XGROUP", "CREATECONSUMER", "s", "g", "c1");
            s.same("XGROUP", "CREATECONSUMER", "s", "g", "a0");
            s.same("XGROUP", "CREATECONSUMER", "s", "nog", "c1");
            s.same("XGROUP", "CREATECONSUMER", "s", "g");
            consumers(s, "s", "g");
            s.same("XGROUP", "DELCONSUMER", "s", "g", "c1");
            s.same("XGROUP", "DELCONSUMER", "s", "g", "c9");
            s.same("XGROUP", "DELCONSUMER", "s", "nog", "c9");
            consumers(s, "s", "g");
            s.same("XGROUP", "DESTROY", "s", "g");
            s.same("XGROUP", "DESTROY", "s", "g");
            s.same("XGROUP", "DESTROY", "nokey", "g");
            s.same("XGROUP", "DESTROY", "s", "g", "x");
            s.same("XGROUP", "FOO", "s", "g");
            s.same("XGROUP");
            s.same("XGROUP", "HELP");
            s.same("XGROUP", "HELP", "x");
            s.same("XINFO", "GROUPS", "s");
            s.same("XINFO", "GROUPS", "nokey");
            s.same("XINFO", "CONSUMERS", "s", "nog");
            s.same("XINFO", "CONSUMERS", "nokey", "g");
            s.same("XINFO", "CONSUMERS", "s");
            s.same("SET", "str", "x");
            s.same("XGROUP", "CREATE", "str", "g", "$");
            s.same("XGROUP", "CREATE", "str", "g", "$", "MKSTREAM");
            s.same("XGROUP", "DESTROY", "str", "g");
            s.same("XINFO", "GROUPS", "str");
            s.same("XINFO", "CONSUMERS", "str", "g");
        });
    }

    @Test
    void xreadgroupNewEntriesHistoryAndNoack() {
        run(s -> {
            for (int i = 1; i <= 5; i++) s.same("XADD", "s", i + "-0", "f", "v" + i);
            s.same("XGROUP", "CREATE", "s", "g", "0");
            s.same("XREADGROUP", "GROUP", "g", "alice", "COUNT", "2", "STREAMS", "s", ">");
            s.same("XINFO", "GROUPS", "s");
            s.same("XREADGROUP", "GROUP", "g", "bob", "COUNT", "1", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "bob", "NOACK", "COUNT", "1", "STREAMS", "s", ">");
            s.same("XINFO", "GROUPS", "s");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "0");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "1-0");
            s.same("XREADGROUP", "GROUP", "g", "alice", "COUNT", "1", "STREAMS", "s", "0");
            s.same("XREADGROUP", "GROUP", "g", "bob", "STREAMS", "s", "0");
            s.same("XREADGROUP", "GROUP", "g", "carol", "STREAMS", "s", "0");
            s.same("XDEL", "s", "1-0");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "0");
            s.same("XINFO", "GROUPS", "s");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "alice", "BLOCK", "10", "STREAMS", "s", ">");
            s.same("XINFO", "GROUPS", "s");
            s.same("XINFO", "STREAM", "s");
            s.same("XPENDING", "s", "g");
            // XGROUP SETID back: entries change hands
            s.same("XGROUP", "SETID", "s", "g", "0");
            s.same("XREADGROUP", "GROUP", "g", "bob", "STREAMS", "s", ">");
            s.same("XPENDING", "s", "g");
            s.same("XINFO", "GROUPS", "s");
            consumers(s, "s", "g");
            // two streams, one with nothing new
            s.same("XADD", "t", "1-0", "x", "y");
            s.same("XGROUP", "CREATE", "t", "g", "$");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "t", ">", ">");
            s.same("XADD", "t", "2-0", "x", "y");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "t", ">", ">");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "t", "0", ">");
            s.same("XREADGROUP", "GROUP", "g", "alice", "COUNT", "0", "STREAMS", "s", "t", "0", "0");
            s.same("XINFO", "GROUPS", "t");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "18446744073709551615-18446744073709551615");
            s.same("XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "18446744073709551615-18446744073709551614");
            s.same("XADD", "t", "3-0", "x", "y");
            s.same("XREADGROUP", "GROUP", "g", "zed", "STREAMS", "t", "t", ">", ">");
            s.same("XADD", "t", "4-0", "x", "y");
            s.same("XREADGROUP", "GROUP", "g", "zed", "STREAMS", "t", "t", ">", "0");
            s.same("XREADGROUP", "GROUP", "g", "zed", "STREAMS", "t", "t", "0", ">");
            s.same("XPENDING", "t", "g");
            // a group ahead of the stream, and one on an empty stream
            s.same("XGROUP", "CREATE", "t", "ahead", "99-0");
            s.same("XGROUP", "CREATE", "e", "g", "0", "MKSTREAM");
            s.same("XGROUP", "CREATE", "e", "h", "5-5");
            s.same("XINFO", "GROUPS", "t");
            s.same("XINFO", "GROUPS", "e");
            s.same("XREADGROUP", "GROUP", "ahead", "c", "STREAMS", "t", ">");
            s.same("XADD", "t", "100-0", "x", "y");
            s.same("XINFO", "GROUPS", "t");
            s.same("XREADGROUP", "GROUP", "ahead", "c", "STREAMS", "t", ">");
            s.same("XINFO", "GROUPS", "t");
            s.same("XGROUP", "SETID", "t", "ahead", "1-0", "ENTRIESREAD", "1");
            s.same("XINFO", "GROUPS", "t");
            s.same("XREADGROUP", "GROUP", "ahead", "c", "COUNT", "1", "STREAMS", "t", ">");
            s.same("XINFO", "GROUPS", "t");
            s.same("XSETID", "t", "200-0", "ENTRIESADDED", "50", "MAXDELETEDID", "150-0");
            s.same("XINFO", "GROUPS", "t");
            s.same("XGROUP", "SETID", "t", "ahead", "$");
            s.same("XINFO", "GROUPS", "t");
            // lag and entries-read after deletions and trimming
            s.same("XADD", "u", "1-0", "a", "1");
            s.same("XADD", "u", "2-0", "a", "2");
            s.same("XADD", "u", "3-0", "a", "3");
            s.same("XGROUP", "CREATE", "u", "g", "0");
            s.same("XGROUP", "CREATE", "u", "h", "1-0");
            s.same("XINFO", "GROUPS", "u");
            s.same("XDEL", "u", "2-0");
            s.same("XINFO", "GROUPS", "u");
            s.same("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "u", ">");
            s.same("XINFO", "GROUPS", "u");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "u", ">");
            s.same("XINFO", "GROUPS", "u");
            s.same("XTRIM", "u", "MAXLEN", "0");
            s.same("XINFO", "GROUPS", "u");
            s.same("XINFO", "STREAM", "u");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "u", "0");
        });
    }

    @Test
    void xreadgroupErrors() {
        run(s -> {
            s.same("XADD", "s", "1-0", "f", "v");
            s.same("XGROUP", "CREATE", "s", "g", "0");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "$");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "x");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "-");
            s.same("XREADGROUP", "GROUP", "nog", "c", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "nokey", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "nokey", ">", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "nokey", ">");
            s.same("xreadgroup", "group", "g", "c", "streams", "s", "nokey", ">");
            s.same("xread", "streams", "s", "nokey", "0");
            s.same("XREADGROUP", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "COUNT", "x", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "COUNT", "-1", "STREAMS", "s", "0");
            s.same("XREADGROUP", "GROUP", "g", "c", "BLOCK", "-1", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "BLOCK", "x", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "FOO", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "c");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS");
            s.same("SET", "str", "x");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "str", ">");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "str", ">", ">");
            consumers(s, "s", "g");
        });
    }

    private static void send(ConformanceTest.Session o, String... cmd) {
        byte[] b = RawConnection.encode(RawConnection.utf8(cmd));
        o.real.write(b);
        o.fake.write(b);
        BlockingConformanceTest.pause();
    }

    private static void sameRead(ConformanceTest.Session o) {
        assertEquals(RawConnection.show(o.real.read()), RawConnection.show(o.fake.read()), "RESP" + o.resp);
    }

    @Test
    void xreadgroupBlocking() {
        run(s -> {
            s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
            try (ConformanceTest.Session o = s.another()) {
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("XADD", "s", "1-0", "f", "v");
                sameRead(o);
                s.same("XPENDING", "s", "g");
                s.same("XINFO", "GROUPS", "s");
                // two waiters of one group: the first takes the entry, the second keeps waiting
                try (ConformanceTest.Session o2 = s.another()) {
                    send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                    send(o2, "XREADGROUP", "GROUP", "g", "d", "NOACK", "BLOCK", "0", "STREAMS", "s", ">");
                    s.same("XADD", "s", "2-0", "f", "v");
                    sameRead(o);
                    s.same("XADD", "s", "3-0", "f", "v");
                    sameRead(o2);
                }
                s.same("XPENDING", "s", "g");
                consumers(s, "s", "g");
                // several keys, woken by the second; two groups on one key are both served
                s.same("XGROUP", "CREATE", "t", "g", "$", "MKSTREAM");
                s.same("XGROUP", "CREATE", "t", "h", "$");
                try (ConformanceTest.Session o2 = s.another()) {
                    send(o, "XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "BLOCK", "0", "STREAMS", "s", "t", ">", ">");
                    send(o2, "XREADGROUP", "GROUP", "h", "c", "BLOCK", "0", "STREAMS", "t", ">");
                    s.same("MULTI");
                    s.same("XADD", "t", "1-0", "f", "v");
                    s.same("XADD", "t", "2-0", "f", "v");
                    s.same("EXEC");
                    sameRead(o);
                    sameRead(o2);
                }
                s.same("XINFO", "GROUPS", "t");
                consumers(s, "t", "h");
                // XGROUP CREATECONSUMER and SETID wake nobody; the next XADD serves from the new last ID
                s.same("XGROUP", "SETID", "t", "g", "$");
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "t", ">");
                s.same("XGROUP", "CREATECONSUMER", "t", "g", "newbie");
                s.same("XGROUP", "SETID", "t", "g", "0");
                BlockingConformanceTest.pause();
                s.same("XADD", "t", "3-0", "f", "v");
                sameRead(o);
                // the group goes away
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("XGROUP", "DESTROY", "s", "g");
                sameRead(o);
                // the key goes away, or becomes another type
                s.same("XGROUP", "CREATE", "s", "g", "$");
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("DEL", "s");
                sameRead(o);
                s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("SET", "s", "x");
                sameRead(o);
                // RENAME, FLUSHDB and SWAPDB take the key away too
                s.same("DEL", "s");
                s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("RENAME", "s", "s2");
                sameRead(o);
                s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("FLUSHDB");
                sameRead(o);
                s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("SWAPDB", "0", "9");
                sameRead(o);
                s.same("SWAPDB", "0", "9");
                // expiry (active, without any command touching the key)
                s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
                s.same("PEXPIRE", "s", "100");
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                sameRead(o);
                s.same("EXISTS", "s");
                // deleted and re-created in one transaction: the new stream has no such group
                send(o, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                s.same("MULTI");
                s.same("DEL", "s");
                s.same("XADD", "s", "1-0", "a", "b");
                s.same("EXEC");
                sameRead(o);
                // a plain XREAD waiter is not disturbed by the deletion
                send(o, "XREAD", "BLOCK", "0", "STREAMS", "s", "$");
                s.same("DEL", "s");
                s.same("XADD", "s", "2-0", "a", "b");
                sameRead(o);
                // a woken read without COUNT gets at most 1000 entries
                s.same("DEL", "s");
                s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
                send(o, "XREADGROUP", "GROUP", "g", "c", "NOACK", "BLOCK", "0", "STREAMS", "s", ">");
                try (ConformanceTest.Session o2 = s.another()) {
                    send(o2, "XREAD", "BLOCK", "0", "STREAMS", "s", "$");
                    s.same("MULTI");
                    for (int i = 1; i <= 1003; i++) s.same("XADD", "s", i + "-1", "f", "v");
                    s.same("EXEC");
                    sameRead(o);
                    sameRead(o2);
                }
                s.same("XINFO", "GROUPS", "s");
                // timeout
                s.same("DEL", "s");
                s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
                o.same("XREADGROUP", "GROUP", "g", "c", "BLOCK", "20", "STREAMS", "s", ">");
                // no blocking in MULTI and scripts
                o.same("MULTI");
                o.same("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                o.same("XADD", "s", "5-0", "f", "v");
                o.same("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
                o.same("EXEC");
                o.same("EVAL", "return redis.call('XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', KEYS[1], '>')",
                        "1", "s");
                o.same("EVAL", "redis.call('XADD', KEYS[1], '6-0', 'a', 'b') "
                        + "return redis.call('XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', KEYS[1], '>')",
                        "1", "s");
                s.same("XPENDING", "s", "g");
            }
        });
    }

    @Test
    void xackAndXpending() {
        run(s -> {
            for (int i = 1; i <= 6; i++) s.same("XADD", "s", i + "-0", "f", "v" + i);
            s.same("XGROUP", "CREATE", "s", "g", "0");
            s.same("XPENDING", "s", "g");
            s.same("XPENDING", "s", "g", "-", "+", "10");
            s.same("XREADGROUP", "GROUP", "g", "b", "COUNT", "2", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "a", "COUNT", "3", "STREAMS", "s", ">");
            s.same("XGROUP", "CREATECONSUMER", "s", "g", "z");
            s.same("XPENDING", "s", "g");
            pending(s, "XPENDING", "s", "g", "-", "+", "10");
            pending(s, "XPENDING", "s", "g", "-", "+", "2");
            pending(s, "XPENDING", "s", "g", "(1-0", "(5-0", "10");
            pending(s, "XPENDING", "s", "g", "2", "4", "10");
            pending(s, "XPENDING", "s", "g", "-", "+", "10", "a");
            pending(s, "XPENDING", "s", "g", "-", "+", "10", "z");
            pending(s, "XPENDING", "s", "g", "-", "+", "10", "nobody");
            pending(s, "XPENDING", "s", "g", "IDLE", "0", "-", "+", "10");
            pending(s, "XPENDING", "s", "g", "IDLE", "100000", "-", "+", "10");
            pending(s, "XPENDING", "s", "g", "IDLE", "100000", "-", "+", "10", "a");
            pending(s, "XPENDING", "s", "g", "-", "+", "0");
            pending(s, "XPENDING", "s", "g", "-", "+", "-5");
            pending(s, "XPENDING", "s", "g", "5", "2", "10");
            s.same("XPENDING", "s", "g", "-", "+");
            s.same("XPENDING", "s", "g", "-");
            s.same("XPENDING", "s", "g", "IDLE", "10", "-", "+");
            s.same("XPENDING", "s", "g", "IDLE", "x", "-", "+", "10");
            s.same("XPENDING", "s", "g", "-", "+", "x");
            s.same("XPENDING", "s", "g", "x", "+", "10");
            s.same("XPENDING", "s", "g", "-", "x", "10");
            s.same("XPENDING", "s", "g", "(18446744073709551615-18446744073709551615", "+", "10");
            s.same("XPENDING", "s", "g", "-", "(0-0", "10");
            pending(s, "XPENDING", "s", "g", "-", "+", "10", "a", "b");
            pending(s, "XPENDING", "s", "g", "IDLE", "1", "-", "+", "10", "a", "b");
            s.same("XPENDING", "s", "nog");
            s.same("XPENDING", "nokey", "g");
            s.same("XPENDING", "nokey", "g", "x", "+", "10");
            s.same("XPENDING", "nokey", "g", "-", "+", "10");
            s.same("XPENDING", "s");
            s.same("XACK", "s", "g", "1-0", "1-0", "3", "9-0");
            s.same("XACK", "s", "g", "2-0", "x");
            s.same("XACK", "s", "nog", "x");
            s.same("XACK", "nokey", "g", "x");
            s.same("XACK", "s", "g");
            s.same("XPENDING", "s", "g");
            s.same("XACK", "s", "g", "2-0", "4-0", "5-0");
            s.same("XPENDING", "s", "g");
            s.same("XREADGROUP", "GROUP", "g", "a", "STREAMS", "s", ">");
            s.same("XPENDING", "s", "g");
            s.same("XGROUP", "DELCONSUMER", "s", "g", "a");
            s.same("XPENDING", "s", "g");
            s.same("XINFO", "GROUPS", "s");
            s.same("XREADGROUP", "GROUP", "g", "a", "STREAMS", "s", "0");
            s.same("XGROUP", "DELCONSUMER", "s", "g", "b");
            s.same("XGROUP", "DELCONSUMER", "s", "g", "z");
            s.same("XPENDING", "s", "g");
            s.same("XINFO", "GROUPS", "s");
            s.same("SET", "str", "x");
            s.same("XACK", "str", "g", "1");
            s.same("XPENDING", "str", "g");
        });
    }

    @Test
    void xclaimAndXautoclaim() {
        run(s -> {
            for (int i = 1; i <= 6; i++) s.same("XADD", "s", i + "-0", "f", "v" + i);
            s.same("XGROUP", "CREATE", "s", "g", "0");
            s.same("XREADGROUP", "GROUP", "g", "a", "COUNT", "4", "STREAMS", "s", ">");
            s.same("XCLAIM", "s", "g", "b", "100000", "1-0");
            s.same("XCLAIM", "s", "g", "b", "0", "1-0", "2-0", "9-0");
            s.same("XPENDING", "s", "g");
            pending(s, "XPENDING", "s", "g", "-", "+", "10");
            s.same("XCLAIM", "s", "g", "b", "0", "1-0", "JUSTID");
            s.same("XCLAIM", "s", "g", "c", "0", "3-0", "RETRYCOUNT", "7", "IDLE", "5000000");
            pending(s, "XPENDING", "s", "g", "IDLE", "4000000", "-", "+", "10");
            s.same("XCLAIM", "s", "g", "c", "0", "4-0", "TIME", "1", "JUSTID");
            s.same("XCLAIM", "s", "g", "c", "0", "4-0", "TIME", "99999999999999", "JUSTID", "RETRYCOUNT", "2");
            s.same("XCLAIM", "s", "g", "d", "0", "5-0");
            s.same("XCLAIM", "s", "g", "d", "0", "5-0", "FORCE");
            s.same("XCLAIM", "s", "g", "d", "0", "99-0", "FORCE");
            s.same("XCLAIM", "s", "g", "d", "0", "6-0", "FORCE", "LASTID", "6-0", "JUSTID");
            s.same("XINFO", "GROUPS", "s");
            pending(s, "XPENDING", "s", "g", "-", "+", "10");
            s.same("XDEL", "s", "2-0");
            s.same("XCLAIM", "s", "g", "e", "0", "2-0", "1-0");
            s.same("XPENDING", "s", "g");
            s.same("XCLAIM", "s", "g", "e", "x", "1-0");
            s.same("XCLAIM", "s", "g", "e", "-5", "1-0", "JUSTID");
            s.same("XCLAIM", "s", "g", "e", "0", "1-0", "IDLE", "x");
            s.same("XCLAIM", "s", "g", "e", "0", "1-0", "TIME", "x");
            s.same("XCLAIM", "s", "g", "e", "0", "1-0", "RETRYCOUNT", "x");
            s.same("XCLAIM", "s", "g", "e", "0", "1-0", "LASTID", "x");
            s.same("XCLAIM", "s", "g", "e", "0", "1-0", "FOO");
            s.same("XCLAIM", "s", "g", "e", "0", "1-0", "IDLE");
            s.same("XCLAIM", "s", "g", "e", "0", "x", "1-0");
            s.same("XCLAIM", "s", "nog", "e", "0", "1-0");
            s.same("XCLAIM", "nokey", "g", "e", "x", "1-0");
            s.same("XCLAIM", "s", "g", "e", "0");
            consumers(s, "s", "g");
            // XAUTOCLAIM
            s.same("XADD", "t", "1-0", "f", "1");
            s.same("XADD", "t", "2-0", "f", "2");
            s.same("XADD", "t", "3-0", "f", "3");
            s.same("XADD", "t", "4-0", "f", "4");
            s.same("XGROUP", "CREATE", "t", "g", "0");
            s.same("XREADGROUP", "GROUP", "g", "a", "STREAMS", "t", ">");
            s.same("XAUTOCLAIM", "t", "g", "b", "100000", "0");
            s.same("XAUTOCLAIM", "t", "g", "b", "0", "0", "COUNT", "1");
            s.same("XAUTOCLAIM", "t", "g", "b", "0", "2-0", "COUNT", "2", "JUSTID");
            s.same("XAUTOCLAIM", "t", "g", "b", "0", "(3-0");
            s.same("XDEL", "t", "2-0", "3-0");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "-", "COUNT", "2");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "-");
            s.same("XPENDING", "t", "g");
            s.same("XAUTOCLAIM", "t", "g", "c", "x", "0");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "x");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "(18446744073709551615-18446744073709551615");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "0", "COUNT", "0");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "0", "COUNT", "x");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "0", "COUNT", "2305843009213693952");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "0", "COUNT");
            s.same("XAUTOCLAIM", "t", "g", "c", "0", "0", "FOO");
            s.same("XAUTOCLAIM", "t", "nog", "c", "0", "0");
            s.same("XAUTOCLAIM", "nokey", "g", "c", "0", "0");
            s.same("XAUTOCLAIM", "t", "g", "c", "0");
            s.same("SET", "str", "x");
            s.same("XCLAIM", "str", "g", "c", "0", "1-0");
            s.same("XAUTOCLAIM", "str", "g", "c", "0", "0");
        });
    }

    @Test
    void keyspaceEvents() {
        run(s -> s.sameEvents("KEA",
                new String[] {"XGROUP", "CREATE", "s", "g", "$", "MKSTREAM"},
                new String[] {"XGROUP", "CREATE", "s", "g", "$"},
                new String[] {"XADD", "s", "1-0", "a", "b"},
                new String[] {"XGROUP", "SETID", "s", "g", "0"},
                new String[] {"XGROUP", "CREATECONSUMER", "s", "g", "c"},
                new String[] {"XGROUP", "CREATECONSUMER", "s", "g", "c"},
                new String[] {"XREADGROUP", "GROUP", "g", "d", "STREAMS", "s", ">"},
                new String[] {"XACK", "s", "g", "1-0"},
                new String[] {"XCLAIM", "s", "g", "e", "0", "1-0", "FORCE"},
                new String[] {"XAUTOCLAIM", "s", "g", "f", "0", "0"},
                new String[] {"XGROUP", "DELCONSUMER", "s", "g", "c"},
                new String[] {"XGROUP", "DELCONSUMER", "s", "g", "nobody"},
                new String[] {"XGROUP", "DESTROY", "s", "g"},
                new String[] {"XGROUP", "DESTROY", "s", "g"}));
    }

    private static final Pattern TIMESTAMP = Pattern.compile(":(1[0-9]{12})");

    /** XINFO STREAM FULL with the delivery and seen times (absolute ms) masked; they must agree within two seconds. */
    private static void sameFull(ConformanceTest.Session s, String... cmd) {
        byte[][] r = s.both(cmd);
        List<Long> real = new ArrayList<>();
        List<Long> fake = new ArrayList<>();
        assertEquals(maskTimes(RawConnection.show(r[0]), real), maskTimes(RawConnection.show(r[1]), fake),
                "RESP" + s.resp + " " + String.join(" ", cmd));
        for (int i = 0; i < real.size(); i++) {
            assertTrue(Math.abs(real.get(i) - fake.get(i)) < 2000, "times " + real + " vs " + fake);
        }
    }

    private static String maskTimes(String shown, List<Long> times) {
        Matcher m = TIMESTAMP.matcher(shown);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            times.add(Long.parseLong(m.group(1)));
            m.appendReplacement(b, ":TIME");
        }
        m.appendTail(b);
        return b.toString();
    }

    @Test
    void xinfoStreamFullAndHelp() {
        run(s -> {
            s.same("XINFO", "STREAM", "nokey", "FULL");
            s.same("XINFO", "STREAM", "nokey", "FOO");
            s.same("XADD", "s", "1-0", "a", "1");
            s.same("XADD", "s", "2-0", "a", "2");
            s.same("XADD", "s", "3-0", "a", "3");
            s.same("XINFO", "STREAM", "s", "FULL");
            s.same("XGROUP", "CREATE", "s", "g", "0");
            s.same("XGROUP", "CREATE", "s", "h", "$");
            s.same("XGROUP", "CREATE", "s", "a", "2-0");
            s.same("XREADGROUP", "GROUP", "g", "c1", "COUNT", "1", "STREAMS", "s", ">");
            s.same("XREADGROUP", "GROUP", "g", "c2", "STREAMS", "s", ">");
            s.same("XGROUP", "CREATECONSUMER", "s", "g", "c0");
            s.same("XINFO", "STREAM", "s");
            sameFull(s, "XINFO", "STREAM", "s", "FULL");
            sameFull(s, "XINFO", "STREAM", "s", "full", "COUNT", "1");
            sameFull(s, "XINFO", "STREAM", "s", "FULL", "COUNT", "-5");
            sameFull(s, "XINFO", "STREAM", "s", "FULL", "COUNT", "0");
            s.same("XDEL", "s", "2-0");
            sameFull(s, "XINFO", "STREAM", "s", "FULL", "COUNT", "2");
            s.same("XINFO", "STREAM", "s", "FULL", "COUNT", "x");
            s.same("XINFO", "STREAM", "s", "FULL", "COUNT");
            s.same("XINFO", "STREAM", "s", "FULL", "FOO", "1");
            s.same("XINFO", "STREAM", "s", "FOO");
            s.same("XINFO", "STREAM", "s", "FULL", "COUNT", "1", "x");
            s.same("XINFO", "HELP");
            s.same("XINFO", "HELP", "x");
            s.same("XINFO");
            s.same("XINFO", "FOO");
            s.same("SET", "str", "x");
            s.same("XINFO", "STREAM", "str", "FULL");
        });
    }

    @Test
    void pendingEntriesOfDeletedAndTrimmedEntries() {
        run(s -> {
            for (int i = 1; i <= 5; i++) s.same("XADD", "s", i + "-0", "f", "v" + i);
            s.same("XGROUP", "CREATE", "s", "g", "0");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">");
            s.same("XDEL", "s", "2-0");
            s.same("XTRIM", "s", "MINID", "4");
            s.same("XPENDING", "s", "g");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "0");
            s.same("XINFO", "GROUPS", "s");
            s.same("XAUTOCLAIM", "s", "g", "d", "0", "0", "COUNT", "2");
            s.same("XPENDING", "s", "g");
            s.same("XACK", "s", "g", "3-0");
            s.same("XPENDING", "s", "g");
            s.same("XTRIM", "s", "MAXLEN", "0");
            s.same("EXISTS", "s");
            s.same("XINFO", "GROUPS", "s");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "0");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">");
            s.same("XADD", "s", "9-0", "f", "v");
            s.same("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">");
            s.same("XINFO", "GROUPS", "s");
            // COPY and RESTORE keep the groups
            s.same("COPY", "s", "t");
            s.same("XINFO", "GROUPS", "t");
            s.same("XPENDING", "t", "g");
            s.same("DEL", "s");
            s.same("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
            s.same("XINFO", "GROUPS", "s");
            s.same("XINFO", "STREAM", "s");
            s.same("EVAL", "return redis.call('XREAD', 'BLOCK', '0', 'STREAMS', KEYS[1], '$')", "1", "s");
            s.same("EVAL", "return redis.call('xreadgroup', 'GROUP', 'g', 'c', 'block', '0', 'STREAMS', KEYS[1], '>')", "1", "s");
            s.same("EVAL", "return redis.call('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', KEYS[1], '>')", "1", "s");
        });
    }

    @Test
    void groupCommandsDoNotTouchWatchedKeys() {
        String[][] cmds = {
            {"XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">"}, {"XACK", "s", "g", "1-0"},
            {"XGROUP", "CREATE", "s", "g2", "0"}, {"XGROUP", "CREATECONSUMER", "s", "g", "zz"},
            {"XCLAIM", "s", "g", "d", "0", "1-0"}, {"XGROUP", "SETID", "s", "g", "0"},
            {"XGROUP", "DELCONSUMER", "s", "g", "x"}, {"XGROUP", "DESTROY", "s", "g"},
            {"XAUTOCLAIM", "s", "g", "e", "0", "0"}, {"XREADGROUP", "GROUP", "g", "x", "STREAMS", "s", "0"},
        };
        run(s -> {
            try (ConformanceTest.Session o = s.another()) {
                for (String[] cmd : cmds) {
                    s.same("DEL", "s");
                    s.same("XADD", "s", "1-0", "a", "b");
                    s.same("XADD", "s", "2-0", "a", "b");
                    s.same("XGROUP", "CREATE", "s", "g", "0");
                    s.same("XREADGROUP", "GROUP", "g", "x", "COUNT", "1", "STREAMS", "s", ">");
                    s.same("WATCH", "s");
                    o.same(cmd);
                    s.same("MULTI");
                    s.same("PING");
                    s.same("EXEC");
                }
            }
        });
    }

    @Test
    void xautoclaimAttemptsAndCursor() {
        run(s -> {
            for (int i = 1; i <= 30; i++) s.same("XADD", "s", i + "-0", "f", "v" + i);
            s.same("XGROUP", "CREATE", "s", "g", "0");
            s.same("XREADGROUP", "GROUP", "g", "a", "STREAMS", "s", ">");
            s.same("XAUTOCLAIM", "s", "g", "b", "100000", "0", "COUNT", "2");
            s.same("XAUTOCLAIM", "s", "g", "b", "100000", "21-0", "COUNT", "1");
            s.same("XAUTOCLAIM", "s", "g", "b", "0", "21-0", "COUNT", "3", "JUSTID");
            s.same("XAUTOCLAIM", "s", "g", "b", "0", "28-0", "COUNT", "3", "JUSTID");
            s.same("XAUTOCLAIM", "s", "g", "b", "0", "28-0", "COUNT", "2", "JUSTID");
            s.same("XDEL", "s", "5-0", "6-0", "7-0");
            s.same("XAUTOCLAIM", "s", "g", "b", "0", "0", "COUNT", "6");
            s.same("XAUTOCLAIM", "s", "g", "b", "0", "0", "COUNT", "6");
            s.same("XPENDING", "s", "g");
            sameFull(s, "XINFO", "STREAM", "s", "FULL");
            sameFull(s, "XINFO", "STREAM", "s", "FULL", "COUNT", "25");
        });
    }
}
