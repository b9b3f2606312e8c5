package io.fakeredis.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MONITOR against the real server, over RESP2 and RESP3: which commands are fed, in which order
 * and how they are quoted, compared line by line with the time and the client's address masked
 * (the oracle's clients all show its Unix socket path; the fake's show 127.0.0.1:port). A feed is
 * read up to a marker ECHO sent last, so a missing or extra line shows.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MonitorConformanceTest extends ConformanceTest {
    private int markers;

    /** Runs the script with a monitor session m beside s; both are closed afterwards. */
    private void monitored(MonitorScript script) {
        run(s -> {
            try (Session m = s.another()) {
                m.same("MONITOR");
                script.run(s, m);
            }
        });
    }

    @FunctionalInterface
    interface MonitorScript {
        void run(Session s, Session m);
    }

    /** Sends a marker from s, then compares what each monitor was fed up to it. */
    private void sameFeed(Session s, Session... monitors) {
        String marker = "marker-" + (++markers);
        s.same("ECHO", marker);
        for (Session m : monitors) {
            List<String> real = feed(m.real, marker);
            List<String> fake = feed(m.fake, marker);
            assertEquals(String.join("\n", real), String.join("\n", fake), "RESP" + s.resp + " monitor feed");
        }
    }

    /** Replies read from c up to the line holding the marker, with time and address masked. */
    private static List<String> feed(RawConnection c, String marker) {
        List<String> lines = new ArrayList<>();
        while (lines.size() < 1000) {
            String l = mask(RawConnection.show(c.read()));
            lines.add(l);
            if (l.contains(marker)) return lines;
        }
        throw new AssertionError("no marker in " + lines);
    }

    static String mask(String line) {
        return line.replaceFirst("^\\+[0-9]+\\.[0-9]{6} \\[([0-9]+) (?!lua\\])[^\\]]*\\]", "+T [$1 ADDR]")
                .replaceFirst("^\\+[0-9]+\\.[0-9]{6} \\[([0-9]+) lua\\]", "+T [$1 lua]");
    }

    /** The fake's lines carry the engine clock's time: now, give or take. */
    @Test
    void lineTimeIsTheEngineClock() {
        run(s -> {
            try (Session m = s.another()) {
                m.same("MONITOR");
                s.same("PING");
                String line = RawConnection.show(m.fake.read());
                m.real.read();
                long seconds = Long.parseLong(line.substring(1, line.indexOf('.')));
                assertThat(seconds).isBetween(System.currentTimeMillis() / 1000 - 5, System.currentTimeMillis() / 1000 + 5);
                assertThat(line).matches("\\+[0-9]+\\.[0-9]{6} \\[0 127\\.0\\.0\\.1:[0-9]+\\] \"PING\"\\\\r\\\\n");
            }
        });
    }

    @Test
    void commandsAndQuoting() {
        monitored((s, m) -> {
            s.same("SET", "k", "123");
            s.same("set", "k", "a b\"\\\n\r\t\u0007\b\u0000end");
            s.same("SET".getBytes(), "bytes".getBytes(), new byte[] {(byte) 0xff, (byte) 0x80, 0x7f, 0x1f, 'x'});
            s.same("SET", "utf8", "h\u00e9llo");
            s.same("GET", "k");
            s.same("SET", "", "");
            s.same("SELECT", "3");
            s.same("SET", "k", "in db 3");
            s.same("SELECT", "0");
            // refused before running: not fed
            s.same("NOSUCH", "x");
            s.same("GET");
            s.same("SET", "k", "v", "EX", "0");
            s.same("DEBUG", "SLEEP", "0");
            // admin commands are not fed
            s.same("CONFIG", "GET", "maxmemory");
            s.same("MODULE", "LIST");
            s.same("LATENCY", "LATEST");
            // s monitors for a moment: MONITOR is not fed, RESET (which ends it) is
            s.same("monitor");
            s.same("RESET");
            if (s.resp == 3) s.both("HELLO", "3"); // its reply holds the client id
            s.both("client", "id");
            s.sameUnordered("COMMAND", "LIST", "FILTERBY", "PATTERN", "ping");
            s.same("PING");
            s.same("ECHO", "x");
            s.both("time");
            sameFeed(s, m);
        });
    }

    @Test
    void passwordsAreRedacted() {
        monitored((s, m) -> {
            String v = Integer.toString(s.resp);
            s.same("AUTH", "pw");
            s.same("AUTH", "user", "pw");
            s.same("AUTH", "a", "b", "c");
            s.both("HELLO", v, "AUTH", "default", "pw"); // its reply holds the client id
            s.same("HELLO", v, "AUTH", "nouser", "pw");
            s.same("HELLO", v, "SETNAME", "me", "AUTH", "nouser", "pw");
            s.same("HELLO", v, "AUTH", "default");
            s.same("HELLO", v, "FOO", "AUTH", "a", "b");
            s.same("HELLO", v, "AUTH", "a", "b", "FOO");
            s.same("HELLO", "4", "AUTH", "a", "b");
            s.same("MULTI");
            s.same("AUTH", "pw");
            s.same("EXEC");
            sameFeed(s, m);
        });
    }

    @Test
    void transactionsAreFedAsTheyRun() {
        monitored((s, m) -> {
            s.same("MULTI");
            s.same("SET", "a", "1");
            s.same("INCR", "a");
            s.same("EXEC");
            s.same("MULTI");
            s.same("SET", "a", "1");
            s.same("NOSUCH");
            s.same("EXEC");
            s.same("MULTI");
            s.same("GET", "a");
            s.same("DISCARD");
            s.same("EXEC");
            s.same("WATCH", "a");
            s.same("MULTI");
            s.same("EVAL", "return redis.call('incr', 'a')", "0");
            s.same("EXEC");
            sameFeed(s, m);
        });
    }

    @Test
    void scriptsAreFedBeforeTheirCommands() {
        monitored((s, m) -> {
            s.same("EVAL", "redis.call('set', 'x', '1') return redis.call('get', 'x')", "0");
            s.same("SELECT", "2");
            s.same("EVAL", "redis.call('select', '5') redis.call('set', 'y', '1') return 1", "0");
            s.same("SELECT", "0");
            s.same("EVAL", "return 1 +", "0");
            s.same("EVAL", "return 1", "-1");
            s.same("EVAL", "return 1", "x");
            s.same("EVAL", "return 1", "5", "a");
            s.same("EVALSHA", "0000000000000000000000000000000000000000", "0");
            s.same("EVAL", "return redis.pcall('nosuch')", "0");
            s.same("EVAL", "return redis.pcall('get')", "0");
            s.same("EVAL", "return redis.pcall('config', 'get', 'x')", "0");
            s.same("EVAL", "return redis.pcall('lpush', 'x', 'a')", "0");
            s.same("EVAL_RO", "return redis.call('get', 'x')", "0");
            String sha = Reply.bulkString(s.same("SCRIPT", "LOAD", "return redis.call('ping')"));
            s.same("EVALSHA", sha, "0");
            s.same("FUNCTION", "LOAD", "#!lua name=monlib\nredis.register_function('f', function(k, a) "
                    + "return redis.call('echo', a[1]) end)");
            s.same("FCALL", "f", "0", "hi");
            s.same("FCALL_RO", "f", "0", "hi");
            s.same("FCALL", "nosuch", "0");
            s.same("FUNCTION", "DELETE", "monlib");
            s.same("SCRIPT", "FLUSH");
            sameFeed(s, m);
        });
    }

    @Test
    void blockedCommandsAreFedOnce() {
        monitored((s, m) -> {
            try (Session o = s.another()) {
                BusyScriptConformanceTest.send(o, "BLPOP", "list", "0");
                sleep(100);
                s.same("LPUSH", "list", "x");
                BusyScriptConformanceTest.sameReply(o);
                o.same("BLPOP", "list", "0.05");
                o.same("CLIENT", "SETNAME", "other");
            }
            sameFeed(s, m);
        });
    }

    /** What a monitor may still send: its own commands are fed too, keyspace commands refused. */
    @Test
    void theMonitorsOwnCommands() {
        monitored((s, m) -> {
            ownCommand(m, 2, "PING");
            ownCommand(m, 1, "GET", "k");
            ownCommand(m, 1, "SET", "k", "v");
            ownCommand(m, 1, "PUBLISH", "ch", "x");
            ownCommand(m, 1, "PFCOUNT", "h");
            ownCommand(m, 1, "EVAL", "return 1", "0");
            ownCommand(m, 1, "FCALL", "f", "0");
            ownCommand(m, 1, "FUNCTION", "FLUSH");
            ownCommand(m, 1, "KEYS", "*");
            ownCommand(m, 1, "DBSIZE");
            ownCommand(m, 2, "FUNCTION", "LIST");
            ownCommand(m, 2, "SCRIPT", "EXISTS", "a");
            ownCommand(m, 2, "ECHO", "x");
            ownCommand(m, 2, "SELECT", "2");
            ownCommand(m, 2, "WATCH", "k");
            ownCommand(m, 2, "MULTI");
            ownCommand(m, 1, "GET", "k");
            ownCommand(m, 2, "EXEC");
            ownCommand(m, 2, "CLIENT", "SETNAME", "mon");
            ownCommand(m, 1, "CONFIG", "GET", "maxmemory");
            // a second MONITOR is ignored, without a reply: the next reply is PING's
            ownCommand(m, 0, "MONITOR");
            ownCommand(m, 2, "PING");
            ownCommand(m, 2, "SUBSCRIBE", "ch");
            // RESP2's subscribed context is checked first; RESP3 has none, so the replica check answers
            ownCommand(m, 1, "GET", "k");
            ownCommand(m, m.resp == 2 ? 1 : 2, "ECHO", "x");
            // the message, PUBLISH's line, then PING's reply and line
            s.same("PUBLISH", "ch", "msg");
            ownCommand(m, 4, "PING");
            s.same("SET", "k", "v");
            sameFeed(s, m);
            // RESET ends MONITOR mode
            m.same("RESET");
            s.same("SET", "k", "v2");
            m.same("PING");
        });
    }

    /** Sends a command on the monitor and compares the next n replies (its answer, then its own line). */
    private static void ownCommand(Session m, int n, String... cmd) {
        BusyScriptConformanceTest.send(m, cmd);
        for (int i = 0; i < n; i++) {
            assertEquals(mask(RawConnection.show(m.real.read())), mask(RawConnection.show(m.fake.read())),
                    "RESP" + m.resp + " after " + String.join(" ", cmd));
        }
    }

    @Test
    void whoMayMonitor() {
        run(s -> {
            s.same("MULTI");
            s.same("MONITOR");
            s.same("EXEC");
            s.same("EVAL", "return redis.pcall('monitor')", "0");
            try (Session o = s.another()) {
                // CLIENT REPLY OFF: no +OK, but monitoring all the same
                BusyScriptConformanceTest.send(s, "CLIENT", "REPLY", "OFF");
                BusyScriptConformanceTest.send(s, "MONITOR");
                sleep(100);
                o.same("SET", "k", "v");
                // +OK, then the line for CLIENT REPLY ON itself; SET's line was not sent
                ownCommand(s, 2, "CLIENT", "REPLY", "ON");
                sameFeed(o, s);
                // two monitors both get every line, and one that went away is no longer fed
                try (Session m2 = o.another()) {
                    m2.same("MONITOR");
                    o.same("SET", "k", "w");
                    sameFeed(o, s, m2);
                }
                o.same("SET", "k", "x");
                sameFeed(o, s);
                s.same("RESET");
                o.same("SET", "k", "y");
                s.same("PING");
            }
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
