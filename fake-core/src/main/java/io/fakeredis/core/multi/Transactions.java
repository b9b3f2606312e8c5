package io.fakeredis.core.multi;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.db.Database;

/** MULTI/EXEC queues and WATCHed keys. */
public final class Transactions {
    private final Engine engine;

    public Transactions(Engine engine) {
        this.engine = engine;
    }

    /** Queues the command if the client is inside MULTI; true when queued (already replied). */
    public boolean queueIfInMulti(Client c, Command cmd) {
        return false;
    }

    /** A key changed (key == null: every key of db, for FLUSHDB/FLUSHALL/SWAPDB). */
    public void keyModified(Database db, byte[] key) {
    }

    /** Commands queued by the client, or -1 outside MULTI (CLIENT LIST multi=). */
    public int queued(Client c) {
        return -1;
    }

    /** Discards MULTI state and WATCHes of a client that disconnected or was reset. */
    public void onDisconnect(Client c) {
    }
}
