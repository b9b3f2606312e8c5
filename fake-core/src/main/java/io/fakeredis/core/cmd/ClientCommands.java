package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Client commands. */
public final class ClientCommands {
    private ClientCommands() {}

    public static void register(CommandTable t) {
    }
}
