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

    /** A list, zset or stream key gained elements. */
    public void keyReady(Database db, byte[] key) {
    }

    /** After each command (and after EXEC or a script): serve clients whose keys became ready. */
    public void afterCommand() {
    }

    /** Time moved: time out clients whose deadline passed. */
    public void tick(long nowMs) {
    }

    public void onDisconnect(Client c) {
    }
}
