package io.fakeredis.core.blocking;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.db.Database;

/**
 * Clients parked by blocking commands (BLPOP, BZPOPMIN, XREAD BLOCK...), woken by writes to the
 * keys they wait on, never by polling. Runs under the engine lock.
 */
public final class Blocking {
    private final Engine engine;

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

    /**
     * Parks the client on keys of db until one is served or the deadline (engine-clock ms, 0 for
     * never) passes. The caller has not replied. Sets {@code c.blocked}.
     */
    public void block(Client c, Database db, byte[][] keys, long deadlineMs, Waiter waiter) {
    }

    /** A list, zset or stream key gained elements. */
    public void keyReady(Database db, byte[] key) {
    }

    /** After each command (and after EXEC or a script): serve clients whose keys became ready. */
    public void afterCommand() {
    }

    /** Time moved: time out clients whose deadline passed. */
    public void tick(long nowMs) {
    }

    /** Number of blocked clients, for INFO clients. */
    public int blockedCount() {
        return 0;
    }

    /** Forgets a client that disconnected or was reset. */
    public void onDisconnect(Client c) {
    }
}
