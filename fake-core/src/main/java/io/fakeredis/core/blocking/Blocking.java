package io.fakeredis.core.blocking;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.db.Database;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeSet;

/**
 * Clients parked by blocking commands (BLPOP, BZPOPMIN, XREAD BLOCK...), woken by writes to the
 * keys they wait on, never by polling. Runs under the engine lock.
 *
 * <p>As in Redis's blocking.c: each key has a FIFO of waiters; a write marks the key ready, and
 * after the command {@link #afterCommand} serves the ready keys in the order they became ready,
 * each to its waiters first-blocked first-served. Deadlines live in an ordered set, so a tick
 * only looks at clients whose time has come.
 */
public final class Blocking {
    private final Engine engine;
    private final Map<Client, Entry> byClient = new IdentityHashMap<>();
    private final Map<DbKey, ArrayDeque<Entry>> waiting = new HashMap<>();
    private final LinkedHashSet<DbKey> ready = new LinkedHashSet<>();
    private final TreeSet<Entry> deadlines = new TreeSet<>((a, b) -> a.deadline != b.deadline
            ? Long.compare(a.deadline, b.deadline) : Long.compare(a.seq, b.seq));
    private long seq;

    public Blocking(Engine engine) {
        this.engine = engine;
    }

    /** What a blocked command does when one of its keys may be ready, or when it times out. */
    public interface Waiter {
        /** Tries to serve the client from the ready key; true when it replied and is done. */
        boolean serve(Client c, Database db, byte[] key);

        /** The deadline passed: reply (usually a null array) and finish. */
        void timeout(Client c);
    }

    /** A key of one database; the map key of the waiting lists. */
    private static final class DbKey {
        final Database db;
        final byte[] key;
        final int hash;

        DbKey(Database db, byte[] key) {
            this.db = db;
            this.key = key;
            this.hash = Arrays.hashCode(key) * 31 + db.id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DbKey && ((DbKey) o).db == db && Arrays.equals(((DbKey) o).key, key);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Entry {
        final Client client;
        final DbKey[] keys;
        final long deadline;
        final Waiter waiter;
        final long seq;

        Entry(Client client, DbKey[] keys, long deadline, Waiter waiter, long seq) {
            this.client = client;
            this.keys = keys;
            this.deadline = deadline;
            this.waiter = waiter;
            this.seq = seq;
        }
    }

    /**
     * Parks the client on keys of db until one is served or the deadline (engine-clock ms, 0 for
     * never) passes. The caller has not replied. Sets {@code c.blocked}.
     */
    public void block(Client c, Database db, byte[][] keys, long deadlineMs, Waiter waiter) {
        onDisconnect(c); // a client waits for one thing at a time
        // a key named twice is waited on once, as Redis's blockForKeys does
        DbKey[] dk = new DbKey[keys.length];
        int n = 0;
        outer:
        for (byte[] k : keys) {
            DbKey d = new DbKey(db, k);
            for (int i = 0; i < n; i++) if (dk[i].equals(d)) continue outer;
            dk[n++] = d;
        }
        Entry e = new Entry(c, n == dk.length ? dk : Arrays.copyOf(dk, n), deadlineMs, waiter, seq++);
        byClient.put(c, e);
        for (DbKey d : e.keys) waiting.computeIfAbsent(d, x -> new ArrayDeque<>()).addLast(e);
        if (deadlineMs > 0) {
            deadlines.add(e);
            engine.scheduleTick(deadlineMs);
        }
        c.blocked = true;
    }

    /** A list, zset or stream key gained elements. */
    public void keyReady(Database db, byte[] key) {
        if (waiting.isEmpty()) return;
        DbKey d = new DbKey(db, key);
        if (waiting.containsKey(d)) ready.add(d);
    }

    /**
     * FLUSHDB, FLUSHALL, SWAPDB: any key waited on in db may have vanished, which XREADGROUP
     * waiters answer with an error (Redis's scanDatabaseForDeletedStreams).
     */
    public void waitedKeysMayHaveGone(Database db) {
        for (DbKey d : waiting.keySet()) if (d.db == db) ready.add(d);
    }

    /** After each command (and after EXEC or a script): serve clients whose keys became ready. */
    public void afterCommand() {
        while (!ready.isEmpty()) {
            Iterator<DbKey> it = ready.iterator();
            DbKey d = it.next();
            it.remove();
            ArrayDeque<Entry> q = waiting.get(d);
            if (q == null) continue;
            // serving removes entries from q, and may make other keys ready (BLMOVE pushes)
            for (Entry e : q.toArray(new Entry[0])) {
                if (byClient.get(e.client) != e) continue;
                boolean served;
                long t0 = engine.clock().nanoTime();
                try {
                    served = engine.serveBlocked(e.client, () -> e.waiter.serve(e.client, d.db, d.key));
                } catch (RedisException ex) {
                    e.client.reply.error(ex.getMessage());
                    served = true;
                }
                if (served) {
                    engine.servedBlocked(e.client, (engine.clock().nanoTime() - t0) / 1000);
                    finish(e, true);
                }
            }
        }
    }

    /** Time moved: time out clients whose deadline passed. */
    public void tick(long nowMs) {
        while (!deadlines.isEmpty() && deadlines.first().deadline <= nowMs) {
            Entry e = deadlines.pollFirst();
            e.waiter.timeout(e.client);
            finish(e, true);
        }
    }

    /**
     * CLIENT UNBLOCK: ends the wait of a blocked client as a timeout, or with the UNBLOCKED
     * error. False when the client is not blocked.
     */
    public boolean unblock(Client c, boolean error) {
        Entry e = byClient.get(c);
        if (e == null) return false;
        if (error) c.reply.error("UNBLOCKED client unblocked via CLIENT UNBLOCK");
        else e.waiter.timeout(c);
        finish(e, true);
        return true;
    }

    public boolean isBlocked(Client c) {
        return byClient.containsKey(c);
    }

    /** Number of blocked clients, for INFO clients. */
    public int blockedCount() {
        return byClient.size();
    }

    /** Forgets a client that disconnected or was reset. */
    public void onDisconnect(Client c) {
        Entry e = byClient.get(c);
        if (e != null) finish(e, false);
    }

    private void finish(Entry e, boolean wake) {
        byClient.remove(e.client);
        for (DbKey d : e.keys) {
            ArrayDeque<Entry> q = waiting.get(d);
            if (q == null) continue;
            q.remove(e);
            if (q.isEmpty()) waiting.remove(d);
        }
        if (e.deadline > 0) deadlines.remove(e);
        e.client.blocked = false;
        if (wake) e.client.transport.wake();
    }
}
