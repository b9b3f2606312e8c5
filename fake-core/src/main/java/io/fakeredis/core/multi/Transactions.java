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

    /** A key changed: clients watching it will see EXEC fail. */
    public void keyModified(Database db, byte[] key) {
    }

    public void onDisconnect(Client c) {
    }
}
