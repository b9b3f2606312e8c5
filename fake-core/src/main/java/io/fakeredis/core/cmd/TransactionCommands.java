package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Transaction commands. */
public final class TransactionCommands {
    private TransactionCommands() {}

    public static void register(CommandTable t) {
    }
}
