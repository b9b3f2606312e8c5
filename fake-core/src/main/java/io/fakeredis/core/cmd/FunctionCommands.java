package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Function commands. */
public final class FunctionCommands {
    private FunctionCommands() {}

    public static void register(CommandTable t) {
    }
}
