package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Sort commands. */
public final class SortCommands {
    private SortCommands() {}

    public static void register(CommandTable t) {
    }
}
