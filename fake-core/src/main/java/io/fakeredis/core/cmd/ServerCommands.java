package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Server commands. */
public final class ServerCommands {
    private ServerCommands() {}

    public static void register(CommandTable t) {
    }
}
