package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Key commands. */
public final class KeyCommands {
    private KeyCommands() {}

    public static void register(CommandTable t) {
    }
}
