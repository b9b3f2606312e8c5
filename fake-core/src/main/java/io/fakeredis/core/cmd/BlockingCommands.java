package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Blocking commands. */
public final class BlockingCommands {
    private BlockingCommands() {}

    public static void register(CommandTable t) {
    }
}
