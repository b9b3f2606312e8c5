package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Set commands. */
public final class SetCommands {
    private SetCommands() {}

    public static void register(CommandTable t) {
    }
}
