package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Hash commands. */
public final class HashCommands {
    private HashCommands() {}

    public static void register(CommandTable t) {
    }
}
