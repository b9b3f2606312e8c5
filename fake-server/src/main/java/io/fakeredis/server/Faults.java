package io.fakeredis.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a server injects into the commands its clients send, to test how code copes with a
 * Redis that errors, hangs or goes away:
 *
 * <pre>{@code
 * server.faults().onCommand("GET").times(1).replyError("LOADING Redis is loading the dataset in memory");
 * server.faults().onCommand("SET", "lock").disconnect();
 * server.faults().onCommand("*").delay(Duration.ofMillis(300));
 * server.faults().clear();
 * }</pre>
 *
 * A rule matches a command by name (case-insensitive, {@code "*"} for any) and, when given, by
 * its first arguments (compared ignoring ASCII case). The first matching rule applies; a rule
 * with {@code times(n)} is used up after n matches. Only wire clients see faults: the typed API
 * is the test's own view of the data. {@code @FakeRedis} clears them before each test.
 */
public final class Faults {
    /** Rules in the order added; replaced, never changed, so the event loops read it without a lock. */
    private volatile Rule[] rules = new Rule[0];

    Faults() {}

    /** Starts a rule for commands with this name ({@code "*"}: any command) and these first arguments. */
    public Match onCommand(String name, String... args) {
        byte[][] want = new byte[args.length + 1][];
        want[0] = name.equals("*") ? null : name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < args.length; i++) want[i + 1] = args[i].getBytes(StandardCharsets.UTF_8);
        return new Match(want);
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules = new Rule[0];
    }

    private synchronized void add(Rule r) {
        Rule[] now = Arrays.copyOf(rules, rules.length + 1);
        now[now.length - 1] = r;
        rules = now;
    }

    /** What a rule matches; one of its actions installs it. */
    public final class Match {
        private final byte[][] want;
        private int times = -1;

        private Match(byte[][] want) {
            this.want = want;
        }

        /** Applies to the next n matching commands only (default: every one until cleared). */
        public Match times(int n) {
            if (n < 1) throw new IllegalArgumentException("times must be at least 1: " + n);
            times = n;
            return this;
        }

        /** Answers this error instead of running the command, e.g. {@code "LOADING ..."} or {@code "ERR boom"}. */
        public void replyError(String error) {
            String e = error.startsWith("-") ? error.substring(1) : error;
            if (e.indexOf('\r') >= 0 || e.indexOf('\n') >= 0) throw new IllegalArgumentException("an error reply is one line: " + error);
            add(new Rule(want, times, Kind.ERROR, e, 0));
        }

        /** Closes the client's connection without running the command, as if the server went away. */
        public void disconnect() {
            add(new Rule(want, times, Kind.DISCONNECT, null, 0));
        }

        /**
         * Stalls the server for this long before it runs the command, as a slow Redis does: its
         * single thread serves nobody meanwhile, so every client (and the typed API) waits.
         */
        public void delay(Duration d) {
            if (d.isNegative()) throw new IllegalArgumentException("negative delay: " + d);
            add(new Rule(want, times, Kind.DELAY, null, d.toMillis()));
        }
    }

    enum Kind { ERROR, DISCONNECT, DELAY }

    static final class Rule {
        final byte[][] want;
        final Kind kind;
        final String error;
        final long delayMs;
        /** Matches left, or -1 for unlimited. */
        private final AtomicInteger left;

        Rule(byte[][] want, int times, Kind kind, String error, long delayMs) {
            this.want = want;
            this.kind = kind;
            this.error = error;
            this.delayMs = delayMs;
            this.left = new AtomicInteger(times);
        }

        boolean matches(byte[][] argv) {
            if (argv.length < want.length) return false;
            for (int i = 0; i < want.length; i++) {
                if (want[i] != null && !sameIgnoringCase(argv[i], want[i])) return false;
            }
            return true;
        }

        private static boolean sameIgnoringCase(byte[] a, byte[] b) {
            if (a.length != b.length) return false;
            for (int i = 0; i < a.length; i++) {
                int x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] | 0x20 : a[i];
                int y = b[i] >= 'A' && b[i] <= 'Z' ? b[i] | 0x20 : b[i];
                if (x != y) return false;
            }
            return true;
        }

        /** Takes one use; false when used up. */
        boolean take() {
            while (true) {
                int n = left.get();
                if (n < 0) return true;
                if (n == 0) return false;
                if (left.compareAndSet(n, n - 1)) return true;
            }
        }
    }

    /** The rule for this command, null when none applies (the usual case: no rules, one volatile read). */
    Rule match(byte[][] argv) {
        Rule[] rs = rules;
        if (rs.length == 0) return null;
        for (Rule r : rs) if (r.matches(argv) && r.take()) return r;
        return null;
    }
}
