package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** List commands. */
public final class ListCommands {
    private ListCommands() {}

    public static void register(CommandTable t) {
    }
}
