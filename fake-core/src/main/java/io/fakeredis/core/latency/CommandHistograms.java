package io.fakeredis.core.latency;

import java.util.Arrays;

/**
 * The per-command latency counts behind LATENCY HISTOGRAM (latency-tracking). Redis records each
 * call's duration in an HdrHistogram (1 ns to 1 s, two significant digits) and prints it through
 * a log iterator that starts at 1024 ns and doubles. Only those steps are ever printed, so the fake
 * keeps one count per step: a duration belongs to the first step k whose highest equivalent value
 * (1024·2^k plus the width of that HdrHistogram bucket, 2^(k+3), minus one) is at least the
 * duration, and the step prints that value in µs. Durations past the 2^29 ns step (up to the 1 s
 * the histogram tracks) land in a last step, which Redis prints at its top value, 1073741 µs.
 */
public final class CommandHistograms {
    /** 20 doubling steps from 1024 ns to 2^29 ns, then the rest. */
    static final int STEPS = 21;
    private static final long MAX_NS = 1_000_000_000L;

    /** By Command.id; null until the command is first recorded, as Redis creates it lazily. */
    private final long[][] counts;

    public CommandHistograms(int commands) {
        counts = new long[commands][];
    }

    /** Counts one call of the command that took micros µs. */
    public void record(int id, long micros) {
        long[] c = counts[id];
        if (c == null) c = counts[id] = new long[STEPS];
        c[step(micros)]++;
    }

    /** The command's counts per step, or null if it was never recorded. */
    public long[] get(int id) {
        return counts[id];
    }

    /** CONFIG RESETSTAT drops every histogram. */
    public void reset() {
        Arrays.fill(counts, null);
    }

    /** The step a duration in µs falls in; Redis records it in ns, clamped to [1 ns, 1 s]. */
    static int step(long micros) {
        long ns = micros >= MAX_NS / 1000 ? MAX_NS : Math.max(1, micros * 1000);
        int k = Math.max(0, 63 - Long.numberOfLeadingZeros(ns) - 10);
        if (ns > highest(k)) k++;
        return Math.min(k, STEPS - 1);
    }

    /** The µs a step prints: its highest equivalent value in ns, divided by 1000. */
    public static long label(int step) {
        return step == STEPS - 1 ? 1_073_741 : highest(step) / 1000;
    }

    private static long highest(int k) {
        return (1024L << k) + (8L << k) - 1;
    }
}
