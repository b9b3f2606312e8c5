package io.fakeredis.core.command;

import io.fakeredis.core.cmd.BlockingCommands;
import io.fakeredis.core.cmd.ClientCommands;
import io.fakeredis.core.cmd.ConnectionCommands;
import io.fakeredis.core.cmd.FunctionCommands;
import io.fakeredis.core.cmd.HashCommands;
import io.fakeredis.core.cmd.KeyCommands;
import io.fakeredis.core.cmd.ListCommands;
import io.fakeredis.core.cmd.PubSubCommands;
import io.fakeredis.core.cmd.ScriptCommands;
import io.fakeredis.core.cmd.ServerCommands;
import io.fakeredis.core.cmd.SetCommands;
import io.fakeredis.core.cmd.SortCommands;
import io.fakeredis.core.cmd.StringCommands;
import io.fakeredis.core.cmd.TransactionCommands;
import io.fakeredis.core.cmd.ZSetCommands;

/** Every command family, in one place: each binds its procs to rows of the table. */
final class Families {
    private Families() {}

    static void registerAll(CommandTable t) {
        ConnectionCommands.register(t);
        ClientCommands.register(t);
        ServerCommands.register(t);
        KeyCommands.register(t);
        StringCommands.register(t);
        ListCommands.register(t);
        HashCommands.register(t);
        SetCommands.register(t);
        ZSetCommands.register(t);
        io.fakeredis.core.cmd.StreamCommands.register(t);
        SortCommands.register(t);
        BlockingCommands.register(t);
        PubSubCommands.register(t);
        TransactionCommands.register(t);
        ScriptCommands.register(t);
        FunctionCommands.register(t);
        io.fakeredis.core.cmd.BitmapCommands.register(t);
    }
}
