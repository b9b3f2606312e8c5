package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** Script commands. */
public final class ScriptCommands {
    private ScriptCommands() {}

    public static void register(CommandTable t) {
    }
}
