package io.fakeredis.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * LATENCY against the real server. Timings differ between the two, so slow commands are made
 * with a Lua loop that runs for a fixed time on both, and the replies are compared where they are
 * deterministic (texts, event names, counts of calls) and by shape elsewhere. The oracle is
 * shared: every test leaves latency-monitor-threshold at 0 and no events behind.
 */
class LatencyConformanceTest extends ConformanceTest {
    /** Runs for 400 ms of server time, on both servers: far above any stall of a loaded machine. */
    private static final String SPIN_400_MS = "local t = redis.call('time')\n"
            + "while true do\n"
            + "  local n = redis.call('time')\n"
            + "  if (n[1] - t[1]) * 1000000 + (n[2] - t[2]) >= 400000 then return 'done' end\n"
            + "end";

    /** The µs LATENCY HISTOGRAM can print: the steps of Redis's log iterator. */
    private static final Set<Long> LABELS = Set.of(1L, 2L, 4L, 8L, 16L, 33L, 66L, 132L, 264L, 528L, 1056L, 2113L,
            4227L, 8454L, 16908L, 33816L, 67633L, 135266L, 270532L, 541065L, 1073741L);

    private static void clean(Session s) {
        s.both("CONFIG", "SET", "latency-monitor-threshold", "0");
        s.both("LATENCY", "RESET");
    }

    @Test
    void withoutEvents() {
        run(s -> {
            clean(s);
            s.same("LATENCY", "DOCTOR");
            s.same("LATENCY", "LATEST");
            s.same("LATENCY", "HISTORY", "command");
            s.same("LATENCY", "GRAPH", "command");
            s.same("LATENCY", "RESET");
            s.same("LATENCY", "RESET", "command", "fast-command");
            s.same("LATENCY", "HELP");
            s.same("latency", "help");
            s.same("LATENCY");
            s.same("LATENCY", "NOSUCH");
            s.same("LATENCY", "HELP", "x");
            s.same("LATENCY", "LATEST", "x");
            s.same("LATENCY", "DOCTOR", "x");
            s.same("LATENCY", "HISTORY");
            s.same("LATENCY", "HISTORY", "a", "b");
            s.same("LATENCY", "GRAPH");
            // monitoring on, nothing slow enough yet
            s.same("CONFIG", "SET", "latency-monitor-threshold", "10000");
            s.same("CONFIG", "GET", "latency-monitor-threshold");
            s.same("LATENCY", "DOCTOR");
            s.same("LATENCY", "LATEST");
            s.same("CONFIG", "SET", "latency-monitor-threshold", "-1");
            s.same("CONFIG", "SET", "latency-monitor-threshold", "x");
            clean(s);
        });
    }

    @Test
    void slowCommand() {
        run(s -> {
            clean(s);
            try {
                s.same("CONFIG", "SET", "latency-monitor-threshold", "300");
                s.same("EVAL", SPIN_400_MS, "0");
                byte[][] latest = s.both("LATENCY", "LATEST");
                for (byte[] r : latest) {
                    List<byte[]> events = Reply.elements(r);
                    assertEquals(1, events.size(), RawConnection.show(r));
                    List<byte[]> e = Reply.elements(events.get(0));
                    assertEquals("command", Reply.bulkString(e.get(0)));
                    long latency = integer(e.get(2));
                    assertThat(latency).isBetween(300L, 3000L);
                    assertEquals(latency, integer(e.get(3)), "the all-time high of one sample");
                }
                byte[][] history = s.both("LATENCY", "HISTORY", "command");
                for (byte[] r : history) {
                    assertEquals(1, Reply.elements(r).size(), RawConnection.show(r));
                    assertEquals(2, Reply.elements(Reply.elements(r).get(0)).size());
                }
                s.same("LATENCY", "HISTORY", "COMMAND");
                s.same("LATENCY", "HISTORY", "fast-command");
                byte[][] graph = s.both("LATENCY", "GRAPH", "command");
                assertEquals(masked(graph[0]), masked(graph[1]));
                s.same("LATENCY", "GRAPH", "COMMAND");
                byte[][] doctor = s.both("LATENCY", "DOCTOR");
                assertEquals(masked(doctor[0]), masked(doctor[1]));
                // the slow log advice follows slowlog-log-slower-than
                s.same("CONFIG", "SET", "slowlog-log-slower-than", "-1");
                doctor = s.both("LATENCY", "DOCTOR");
                assertEquals(masked(doctor[0]), masked(doctor[1]));
                s.same("CONFIG", "SET", "slowlog-log-slower-than", "200000");
                doctor = s.both("LATENCY", "DOCTOR");
                assertEquals(masked(doctor[0]), masked(doctor[1]));
                s.same("CONFIG", "SET", "slowlog-log-slower-than", "10000");
                // inside a transaction: the script and EXEC fall in the same second, one sample
                s.same("MULTI");
                s.same("EVAL", SPIN_400_MS, "0");
                s.same("EXEC");
                for (byte[] r : s.both("LATENCY", "LATEST")) assertEquals(1, Reply.elements(r).size());
                s.same("LATENCY", "RESET", "nosuch", "COMMAND", "command");
                s.same("LATENCY", "LATEST");
                s.same("LATENCY", "DOCTOR");
            } finally {
                s.both("CONFIG", "SET", "slowlog-log-slower-than", "10000");
                clean(s);
            }
        });
    }

    /** Two samples in different seconds, the second twice as slow: the graph's shape is fixed. */
    @Test
    void graphOfTwoSamples() {
        run(s -> {
            clean(s);
            try {
                s.same("CONFIG", "SET", "latency-monitor-threshold", "300");
                s.same("EVAL", SPIN_400_MS, "0");
                sleep(1100);
                s.same("EVAL", SPIN_400_MS.replace("400000", "800000"), "0");
                byte[][] graph = s.both("LATENCY", "GRAPH", "command");
                assertEquals(masked(graph[0]), masked(graph[1]));
                for (byte[] r : s.both("LATENCY", "HISTORY", "command")) assertEquals(2, Reply.elements(r).size());
                byte[][] doctor = s.both("LATENCY", "DOCTOR");
                assertEquals(masked(doctor[0]), masked(doctor[1]));
            } finally {
                clean(s);
            }
        });
    }

    @Test
    void histogramCountsCalls() {
        run(s -> {
            s.same("CONFIG", "RESETSTAT");
            sameHistogram(s, "LATENCY", "HISTOGRAM");
            s.same("SET", "a", "1");
            s.same("SET", "a", "2");
            s.same("GET", "a");
            s.same("GET");
            s.same("MULTI");
            s.same("SET", "a", "3");
            s.same("INCR", "a");
            s.same("EXEC");
            s.same("EVAL", "redis.call('set', 'b', '1') return redis.call('get', 'b')", "0");
            s.same("CONFIG", "GET", "maxmemory");
            s.same("DEBUG", "SLEEP", "0");
            try (Session o = s.another()) {
                // served after blocking: counted once served; timed out: not counted
                BusyScriptConformanceTest.send(o, "BLPOP", "list", "0");
                sleep(100);
                s.same("LPUSH", "list", "x");
                BusyScriptConformanceTest.sameReply(o);
                o.same("BLPOP", "list", "0.05");
                o.same("LPUSH", "list", "y");
                o.same("BLPOP", "list", "0");
            }
            sameHistogram(s, "LATENCY", "HISTOGRAM", "set", "GET", "incr", "multi", "exec", "eval", "config", "debug",
                    "blpop", "lpush", "nosuch", "get|x", "config|get", "CONFIG|RESETSTAT", "a|b|c", "");
            sameHistogram(s, "LATENCY", "HISTOGRAM");
            s.same("CONFIG", "SET", "latency-tracking", "no");
            s.same("GET", "a");
            s.same("CONFIG", "SET", "latency-tracking", "yes");
            sameHistogram(s, "LATENCY", "HISTOGRAM", "get");
        });
    }

    /** Compares the commands and their calls; checks the buckets' shape on each side. */
    private static void sameHistogram(Session s, String... args) {
        byte[][] r = s.both(args);
        assertEquals(Reply.header(r[0]).charAt(0), Reply.header(r[1]).charAt(0), "reply type");
        assertEquals(calls(r[0]), calls(r[1]), String.join(" ", args));
    }

    /** "command calls" of each entry of a LATENCY HISTOGRAM reply, sorted: Redis's order is its dict's. */
    private static List<String> calls(byte[] raw) {
        List<String> out = new ArrayList<>();
        List<byte[]> top = Reply.elements(raw);
        for (int i = 0; i < top.size(); i += 2) {
            List<byte[]> fields = Reply.elements(top.get(i + 1));
            assertEquals("calls", Reply.bulkString(fields.get(0)));
            assertEquals("histogram_usec", Reply.bulkString(fields.get(2)));
            long calls = integer(fields.get(1));
            // buckets: known steps, ascending, cumulative counts ending at the calls
            Map<Long, Long> buckets = new LinkedHashMap<>();
            List<byte[]> b = Reply.elements(fields.get(3));
            for (int j = 0; j < b.size(); j += 2) buckets.put(integer(b.get(j)), integer(b.get(j + 1)));
            assertThat(LABELS).containsAll(buckets.keySet());
            assertThat(new ArrayList<>(buckets.keySet())).isSorted();
            assertThat(new ArrayList<>(buckets.values())).isSorted().doesNotHaveDuplicates().endsWith(calls);
            out.add(Reply.bulkString(top.get(i)) + " " + calls);
        }
        out.sort(null);
        return out;
    }

    private static long integer(byte[] raw) {
        return Long.parseLong(Reply.header(raw).substring(1));
    }

    /** A DOCTOR or GRAPH text with its timing-dependent numbers (ms, seconds, labels) masked. */
    private static String masked(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        text = text.substring(text.indexOf("\r\n") + 2); // the $ or = header
        if (raw[0] == '=') text = text.substring(4); // "txt:"
        return text.replaceAll("[0-9]+(\\.[0-9]+)?", "N").replaceAll("(?m)^[N ]*N[N ]*$", "N")
                .replaceAll("(?m)^[smhd ]+$", "s");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
