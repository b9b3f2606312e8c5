package io.fakeredis.core.command;

import io.fakeredis.core.cmd.ConnectionCommands;
import io.fakeredis.core.cmd.StringCommands;

/** Every command family, in one place: each binds its procs to rows of the table. */
final class Families {
    private Families() {}

    static void registerAll(CommandTable t) {
        ConnectionCommands.register(t);
        StringCommands.register(t);
    }
}
