package io.fakeredis.core.cmd;

import io.fakeredis.core.command.CommandTable;

/** PubSub commands. */
public final class PubSubCommands {
    private PubSubCommands() {}

    public static void register(CommandTable t) {
    }
}
