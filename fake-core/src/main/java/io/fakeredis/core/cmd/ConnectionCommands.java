package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.Errors;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.core.util.Bytes;

/** Connection commands: PING, ECHO, QUIT, SELECT, and the rest of the handshake. */
public final class ConnectionCommands {
    private ConnectionCommands() {}

    public static void register(CommandTable t) {
        t.bind("ping", ConnectionCommands::ping);
        t.bind("echo", c -> c.reply.bulk(c.argv[1]));
        t.bind("quit", ConnectionCommands::quit);
        t.bind("select", ConnectionCommands::select);
    }

    static void ping(Client c) {
        if (c.argc() > 2) {
            c.reply.error(Errors.wrongArgs("ping"));
            return;
        }
        if (c.argc() == 1) c.reply.status("PONG");
        else c.reply.bulk(c.argv[1]);
    }

    static void quit(Client c) {
        c.reply.ok();
        c.closing = true;
        c.transport.closeAfterReply();
    }

    static void select(Client c) {
        long id = Bytes.toLong(c.argv[1], "ERR value is not an integer or out of range");
        if (id < 0 || id >= Engine.DATABASES) {
            c.reply.error(Errors.DB_INDEX_OUT_OF_RANGE);
            return;
        }
        c.db = c.engine.db((int) id);
        c.reply.ok();
    }
}
