package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.command.CommandTable;

/** String commands, as Redis's t_string.c. */
public final class StringCommands {
    private StringCommands() {}

    public static void register(CommandTable t) {
        t.bind("get", StringCommands::get);
        t.bind("set", StringCommands::set);
    }

    static void get(Client c) {
        Object v = c.db.lookupRead(c.argv[1]);
        if (v == null) c.reply.nullBulk();
        else if (v instanceof byte[]) c.reply.bulk((byte[]) v);
        else throw Errors.wrongType;
    }

    static void set(Client c) {
        if (c.argc() != 3) throw Errors.syntax;
        c.db.setKey(c.argv[1], c.argv[2], false);
        c.engine.notify(Notify.STRING, "set", c.db, c.argv[1]);
        c.reply.ok();
    }
}
