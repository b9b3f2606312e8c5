package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH: thin bindings to the engine's Transactions. */
public final class TransactionCommands {
    private TransactionCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
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
