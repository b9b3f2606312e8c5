package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.server.FakeRedisServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base for tests that send the same commands to the real redis-server and to the fake, and
 * compare raw reply bytes. Each {@link #run} executes its script twice: over RESP2, then over
 * RESP3 (after HELLO 3), each time on freshly flushed servers.
 */
public abstract class ConformanceTest {
    protected static RealRedis oracle;
    protected static Engine engine;
    protected static FakeRedisServer server;

    @BeforeAll
    static void startServers() {
        oracle = RealRedis.get();
        if (oracle == null) {
            if (RealRedis.required()) fail("FAKEREDIS_REQUIRE_ORACLE=1 but " + RealRedis.whyUnavailable());
            Assumptions.assumeTrue(false, RealRedis.whyUnavailable());
        }
        engine = new Engine(Clock.system());
        server = FakeRedisServer.start(engine);
    }

    @AfterAll
    static void stopServers() {
        if (server != null) server.close();
        if (engine != null) engine.close();
        server = null;
        engine = null;
    }

    @FunctionalInterface
    public interface Script {
        void run(Session s);
    }

    /** Runs the script over RESP2 and over RESP3. */
    protected void run(Script script) {
        run(2, script);
        run(3, script);
    }

    /** Runs the script over one protocol version only. */
    protected void run(int resp, Script script) {
        try (Session s = new Session(resp)) {
            s.reset();
            script.run(s);
        }
    }

    /** The body of a randomized differential run: sends commands, recording each in history. */
    @FunctionalInterface
    public interface Fuzz {
        void run(Session s, java.util.Random rnd, List<String> history);
    }

    /**
     * A randomized differential run over RESP2, then RESP3, each with a Random seeded from
     * -Dfuzz.seed (or the clock) and the protocol. A failure names the seed and the last commands
     * of the history, so -Dfuzz.seed=N replays it.
     */
    protected void fuzz(Fuzz body) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        for (int resp = 2; resp <= 3; resp++) {
            java.util.Random rnd = new java.util.Random(seed + resp);
            run(resp, s -> {
                List<String> history = new ArrayList<>();
                try {
                    body.run(s, rnd, history);
                } catch (AssertionError | RuntimeException e) {
                    int from = Math.max(0, history.size() - 40);
                    throw new AssertionError("fuzz seed " + seed + " (RESP" + s.resp + ") failed; last commands:\n  "
                            + String.join("\n  ", history.subList(from, history.size())) + "\n" + e.getMessage(), e);
                }
            });
        }
    }

    /**
     * The counted part of INFO: errorstats (in order), total_error_replies, and commandstats
     * without timings, sorted: Redis lists commands in its command dict's hash order.
     */
    private static List<String> errorStats(byte[] raw) {
        String text = Reply.bulkString(raw);
        if (raw[0] == '=') text = text.substring(4);
        List<String> out = new ArrayList<>();
        TreeSet<String> commands = new TreeSet<>();
        for (String l : text.split("\r\n")) {
            if (l.startsWith("errorstat_") || l.startsWith("total_error_replies:")) out.add(l);
            else if (l.startsWith("cmdstat_")) commands.add(l.replaceAll("usec=\\d+,usec_per_call=[0-9.]+,", ""));
        }
        out.addAll(commands);
        return out;
    }

    /** Asserts both servers counted the same errors since the last CONFIG RESETSTAT. */
    protected static void sameErrorStats(Session s, String what) {
        byte[][] r = s.both("INFO", "all");
        assertEquals(errorStats(r[0]), errorStats(r[1]), "error stats after " + what);
    }

    /** How many commands a fuzz run sends: -Dfuzz.commands, or the test's own default. */
    protected static int fuzzCommands(int byDefault) {
        return Integer.getInteger("fuzz.commands", byDefault);
    }

    /** A pair of connections, one to each server, speaking the same protocol version. */
    public static final class Session implements AutoCloseable {
        public final int resp;
        public final RawConnection real;
        public final RawConnection fake;

        Session(int resp) {
            this.resp = resp;
            this.real = oracle.connect();
            this.fake = RawConnection.tcp(server.host(), server.port());
            if (resp == 3) {
                real.call("HELLO", "3");
                byte[] hello = fake.call("HELLO", "3");
                if (hello[0] != '%') fail("the fake refused HELLO 3: " + RawConnection.show(hello));
            }
        }

        /**
         * Runs the script with notify-keyspace-events set to flags while a third connection per
         * server listens on every keyspace channel, and asserts both servers emitted the same
         * frames in the same order. Each command's reply is compared too.
         */
        public void sameEvents(String flags, String[]... script) {
            same("CONFIG", "SET", "notify-keyspace-events", flags);
            try (Session sub = new Session(resp)) {
                sub.same("PSUBSCRIBE", "__key*__:*");
                for (String[] cmd : script) same(cmd);
                byte[] unsub = RawConnection.encode(RawConnection.utf8("PUNSUBSCRIBE"));
                sub.real.write(unsub);
                sub.fake.write(unsub);
                assertEquals(String.join("\n", untilUnsubscribed(sub.real)), String.join("\n", untilUnsubscribed(sub.fake)),
                        "RESP" + resp + " keyspace events differ");
            } finally {
                same("CONFIG", "SET", "notify-keyspace-events", "");
            }
        }

        private static List<String> untilUnsubscribed(RawConnection c) {
            List<String> out = new ArrayList<>();
            while (out.size() <= 1000) {
                String m = RawConnection.show(c.read());
                out.add(m);
                if (m.contains("punsubscribe")) break;
            }
            return out;
        }

        /** Another pair of connections with the same protocol, for multi-client scripts. Close it yourself. */
        public Session another() {
            return new Session(resp);
        }

        void reset() {
            real.call("FLUSHALL");
            fake.call("FLUSHALL");
        }

        /** Sends to both and asserts the replies are byte-for-byte equal; returns the reply. */
        public byte[] same(String... args) {
            return same(RawConnection.utf8(args));
        }

        public byte[] same(byte[]... args) {
            byte[] r = real.call(args);
            byte[] f = fake.call(args);
            if (!Arrays.equals(r, f)) {
                fail("RESP" + resp + " reply differs for " + show(args) + "\n  redis: " + RawConnection.show(r)
                        + "\n  fake:  " + RawConnection.show(f));
            }
            return r;
        }

        /** Sends to both without comparing (time-dependent replies); returns {real, fake}. */
        public byte[][] both(String... args) {
            byte[][] a = RawConnection.utf8(args);
            return new byte[][] {real.call(a), fake.call(a)};
        }

        /**
         * For replies whose element order is unspecified (KEYS, SMEMBERS...): compares the
         * header and the multiset of top-level elements.
         */
        public void sameUnordered(String... args) {
            byte[][] a = RawConnection.utf8(args);
            byte[] r = real.call(a);
            byte[] f = fake.call(a);
            assertEquals(Reply.header(r), Reply.header(f), () -> "RESP" + resp + " header differs for " + show(a)
                    + "\n  redis: " + RawConnection.show(r) + "\n  fake:  " + RawConnection.show(f));
            assertEquals(Reply.sortedElements(r), Reply.sortedElements(f), () -> "RESP" + resp + " elements differ for "
                    + show(a) + "\n  redis: " + RawConnection.show(r) + "\n  fake:  " + RawConnection.show(f));
        }

        /**
         * Runs a SCAN-family command to completion on both servers and compares the collected
         * elements as sets. args must hold the cursor "0" at cursorIndex.
         */
        public void sameScan(int cursorIndex, String... args) {
            assertEquals(scanAll(real, cursorIndex, args), scanAll(fake, cursorIndex, args),
                    () -> "RESP" + resp + " scan results differ for " + String.join(" ", args));
        }

        private static TreeSet<String> scanAll(RawConnection c, int cursorIndex, String... args) {
            TreeSet<String> all = new TreeSet<>();
            String[] a = args.clone();
            int guard = 0;
            do {
                byte[] reply = c.call(a);
                if (reply[0] != '*') {
                    // an error (WRONGTYPE, syntax) is compared as it is
                    all.add(RawConnection.show(reply));
                    return all;
                }
                List<byte[]> parts = Reply.elements(reply);
                if (parts.size() != 2) fail("not a scan reply: " + RawConnection.show(reply));
                a[cursorIndex] = Reply.bulkString(parts.get(0));
                for (byte[] e : Reply.elements(parts.get(1))) all.add(RawConnection.show(e));
                if (++guard > 100_000) fail("scan did not terminate");
            } while (!a[cursorIndex].equals("0"));
            return all;
        }

        private static String show(byte[][] args) {
            List<String> s = new ArrayList<>();
            for (byte[] a : args) s.add(new String(a, StandardCharsets.UTF_8));
            return String.join(" ", s);
        }

        @Override
        public void close() {
            real.close();
            fake.close();
        }
    }
}
