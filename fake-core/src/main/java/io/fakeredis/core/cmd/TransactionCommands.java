package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH: thin bindings to the engine's Transactions. */
public final class TransactionCommands {
    private TransactionCommands() {}

    public static void register(CommandTable t) {
        t.bind("multi", c -> c.engine.transactions.multi(c));
        t.bind("exec", c -> c.engine.transactions.exec(c));
        t.bind("discard", c -> c.engine.transactions.discard(c));
        t.bind("watch", c -> c.engine.transactions.watch(c));
        t.bind("unwatch", c -> c.engine.transactions.unwatch(c));
    }
}
