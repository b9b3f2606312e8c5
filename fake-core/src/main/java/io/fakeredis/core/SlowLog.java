package io.fakeredis.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * SLOWLOG: the latest commands that ran for at least slowlog-log-slower-than µs, newest first,
 * as Redis's slowlog.c keeps them. Lock holders only.
 */
public final class SlowLog {
    /** SLOWLOG_ENTRY_MAX_ARGC and SLOWLOG_ENTRY_MAX_STRING: what an entry keeps of long commands. */
    static final int MAX_ARGC = 32;
    static final int MAX_STRING = 128;

    /** One logged command: id, unix time in s, duration in µs, arguments, client address and name. */
    public record Entry(long id, long time, long durationUs, byte[][] argv, String peer, String name) {}

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /** Never reset, not even by SLOWLOG RESET, as in Redis. */
    private long nextId;

    /** slowlogPushEntryIfNeeded after the caller checked the threshold: adds, then trims to maxLen. */
    void push(byte[][] argv, long durationUs, long timeSec, Client c, long maxLen) {
        String addr = c.transport.addr();
        entries.addFirst(new Entry(nextId++, timeSec, durationUs, kept(argv), addr.isEmpty() ? "?:0" : addr,
                c.name == null ? "" : c.name));
        while (entries.size() > maxLen) entries.removeLast();
    }

    /** slowlogCreateEntry: at most 32 arguments, the last saying how many more; strings cut at 128 bytes. */
    private static byte[][] kept(byte[][] argv) {
        int n = Math.min(argv.length, MAX_ARGC);
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            if (n != argv.length && i == n - 1) {
                out[i] = ("... (" + (argv.length - n + 1) + " more arguments)").getBytes(StandardCharsets.US_ASCII);
            } else if (argv[i].length > MAX_STRING) {
                byte[] more = ("... (" + (argv[i].length - MAX_STRING) + " more bytes)").getBytes(StandardCharsets.US_ASCII);
                out[i] = java.util.Arrays.copyOf(argv[i], MAX_STRING + more.length);
                System.arraycopy(more, 0, out[i], MAX_STRING, more.length);
            } else {
                out[i] = argv[i].clone();
            }
        }
        return out;
    }

    public int size() {
        return entries.size();
    }

    public void reset() {
        entries.clear();
    }

    /** Newest first. */
    public Iterator<Entry> iterator() {
        return entries.iterator();
    }
}
