package io.fakeredis.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the engine received from its clients, oldest first, for test assertions ("the cache wrote
 * SET ... EX 300"). A ring of the last {@link #capacity()} commands; clear() is O(1). Commands run
 * through the typed API are not recorded: their transports implement {@link Unlogged}.
 */
public final class CommandLog {
    public static final int DEFAULT_CAPACITY = 100_000;

    /** Marker for transports whose commands are not recorded (the typed API, scripts). */
    public interface Unlogged {}

    /** One received command. argv is a private copy; time is the engine clock's ms. */
    public record Entry(long clientId, int db, byte[][] argv, long timeMs) {
        /** The command name, upper-cased as Redis documents it. */
        public String name() {
            return new String(argv[0], StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT);
        }

        /** The arguments after the command name, decoded as UTF-8. */
        public List<String> args() {
            List<String> out = new ArrayList<>(argv.length - 1);
            for (int i = 1; i < argv.length; i++) out.add(new String(argv[i], StandardCharsets.UTF_8));
            return out;
        }

        public Instant time() {
            return Instant.ofEpochMilli(timeMs);
        }

        /** Same command (name case-insensitive) with exactly these arguments. */
        public boolean is(String name, String... args) {
            if (!name().equalsIgnoreCase(name) || args.length != argv.length - 1) return false;
            for (int i = 0; i < args.length; i++) {
                if (!Arrays.equals(argv[i + 1], args[i].getBytes(StandardCharsets.UTF_8))) return false;
            }
            return true;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append('[').append(clientId).append(" db").append(db).append("] ");
            for (int i = 0; i < argv.length; i++) {
                if (i > 0) b.append(' ');
                String s = new String(argv[i], StandardCharsets.UTF_8);
                if (s.length() > 64) s = s.substring(0, 64) + "...";
                b.append(i == 0 ? s.toUpperCase(java.util.Locale.ROOT) : '"' + s + '"');
            }
            return b.toString();
        }
    }

    /**
     * Grows by doubling up to capacity: an engine per test is the default, and most record a
     * few commands, so a full 100,000-slot ring for each was most of a warm engine's allocation.
     */
    private Entry[] ring;
    private final int capacity;
    /** Index of the next write, and how many entries are valid behind it. */
    private int head;
    private int count;
    private volatile boolean enabled = true;

    public CommandLog() {
        this(DEFAULT_CAPACITY);
    }

    public CommandLog(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
        ring = new Entry[Math.min(capacity, 256)];
    }

    /** Called by Engine.execute for every received command, under the engine lock. */
    void record(Client c, byte[][] argv, long timeMs) {
        if (!enabled || c.transport instanceof Unlogged) return;
        byte[][] copy = new byte[argv.length][];
        for (int i = 0; i < argv.length; i++) copy[i] = argv[i].clone();
        Entry e = new Entry(c.id, c.db.id, copy, timeMs);
        synchronized (this) {
            if (count == ring.length && ring.length < capacity) {
                // not wrapped yet: entries sit at 0..count-1, oldest first
                ring = Arrays.copyOf(ring, (int) Math.min(capacity, 2L * ring.length));
                head = count;
            }
            ring[head] = e;
            head = (head + 1) % ring.length;
            if (count < ring.length) count++;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Switches recording on or off; the standalone server runs with it off. */
    public CommandLog enabled(boolean on) {
        enabled = on;
        return this;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return count;
    }

    /** Forgets everything recorded so far. O(1): old entries are overwritten later. */
    public synchronized void clear() {
        count = 0;
        head = 0; // a ring still growing keeps its entries at 0..count-1
    }

    /** A snapshot of the recorded commands, oldest first. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>(count);
        int start = Math.floorMod(head - count, ring.length);
        for (int i = 0; i < count; i++) out.add(ring[(start + i) % ring.length]);
        return out;
    }

    /** True if some recorded command has this name (case-insensitive) and exactly these args. */
    public boolean contains(String name, String... args) {
        for (Entry e : entries()) if (e.is(name, args)) return true;
        return false;
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder("CommandLog[" + count + "]");
        for (Entry e : entries()) b.append("\n  ").append(e);
        return b.toString();
    }
}
