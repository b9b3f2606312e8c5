package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.command.CommandTable;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH: thin bindings to the engine's Transactions. */
public final class TransactionCommands {
    private TransactionCommands() {}

    public static void register(CommandTable t) {
        t.bind(TransactionCommands::dispatch,
                "multi", "exec", "discard", "watch", "unwatch");
    }

    /** Runs this family's command by full name (one dispatcher per family: see CommandTable.bind). */
    static void dispatch(String name, Client c) {
        switch (name) {
            case "multi" -> c.engine.transactions.multi(c);
            case "exec" -> c.engine.transactions.exec(c);
            case "discard" -> c.engine.transactions.discard(c);
            case "watch" -> c.engine.transactions.watch(c);
            case "unwatch" -> c.engine.transactions.unwatch(c);
            default -> throw new IllegalStateException("not bound in TransactionCommands: " + name);
        }
    }
}
