package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** ZSet commands. */
public final class ZSetCommands {
    private ZSetCommands() {}

    public static void register(CommandTable t) {
    }
}
