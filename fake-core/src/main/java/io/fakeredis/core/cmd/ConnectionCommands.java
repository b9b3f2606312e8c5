package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.Errors;
import io.fakeredis.core.util.Bytes;

/** Connection commands: PING, ECHO, QUIT, SELECT, and the rest of the handshake. */
public final class ConnectionCommands {
    private ConnectionCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "ping" -> ping(c);
            case "echo" -> c.reply.bulk(c.argv[1]);
            case "quit" -> quit(c);
            case "select" -> select(c);
            case "hello" -> hello(c);
            case "auth" -> auth(c);
            case "reset" -> reset(c);
            default -> throw new IllegalStateException("not bound in ConnectionCommands: " + name);
        }
    }

    private static final byte[] PONG = {'p', 'o', 'n', 'g'};
    private static final byte[] EMPTY = {};

    static void ping(Client c) {
        if (c.argc() > 2) {
            c.reply.error(Errors.wrongArgs("ping"));
            return;
        }
        if (c.engine.pubsub().inSubscribedContext(c)) {
            // RESP2 subscribers can only read pushes, so PING answers in the same shape.
            c.reply.array(2);
            c.reply.bulk("pong");
            c.reply.bulk(c.argc() == 1 ? Bytes.EMPTY : c.argv[1]);
            return;
        }
        if (c.argc() == 1) c.reply.status("PONG");
        else c.reply.bulk(c.argv[1]);
    }

    /** clearClientConnectionState: back to a fresh connection's state, then +RESET over RESP2. */
    static void reset(Client c) {
        ClientCommands.restoreReplies(c);
        c.engine.resetClientState(c);
        c.db = c.engine.db(0);
        c.reply.resp(2);
        c.user = "default";
        c.aclUser = c.engine.acl.defaultUser();
        c.authenticated = c.engine.acl.authenticatedOnConnect();
        c.name = null;
        c.reply.status("RESET");
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

    static void hello(Client c) {
        long ver = 0;
        int next = 1;
        if (c.argc() >= 2) {
            ver = Bytes.toLong(c.argv[next++], "ERR Protocol version is not an integer or out of range");
            if (ver < 2 || ver > 3) {
                c.reply.error("NOPROTO unsupported protocol version");
                return;
            }
        }
        // Redis 7.0 applies each option as it reads it: a failure further on (or NOAUTH) leaves
        // the authentication and the name already set.
        for (int j = next; j < c.argc(); j++) {
            int more = c.argc() - 1 - j;
            if (Bytes.eq(c.argv[j], "AUTH") && more >= 2) {
                c.redact(j + 1);
                c.redact(j + 2);
                if (!authenticate(c, c.argv[j + 1], c.argv[j + 2])) return;
                j += 2;
            } else if (Bytes.eq(c.argv[j], "SETNAME") && more >= 1) {
                byte[] name = c.argv[j + 1];
                String err = validateClientName(name);
                if (err != null) {
                    c.reply.error(err);
                    return;
                }
                c.name = name.length == 0 ? null : Bytes.str(name);
                j++;
            } else {
                c.reply.error("ERR Syntax error in HELLO option '" + Bytes.str(c.argv[j]) + "'");
                return;
            }
        }
        if (!c.authenticated) {
            c.reply.error("NOAUTH HELLO must be called with the client already authenticated, otherwise the "
                    + "HELLO AUTH <user> <pass> option can be used to authenticate the client and select "
                    + "the RESP protocol version at the same time");
            return;
        }
        if (ver != 0) c.reply.resp((int) ver);
        c.reply.map(7);
        c.reply.bulk("server");
        c.reply.bulk("redis");
        c.reply.bulk("version");
        c.reply.bulk(Engine.VERSION);
        c.reply.bulk("proto");
        c.reply.integer(c.reply.resp());
        c.reply.bulk("id");
        c.reply.integer(c.id);
        c.reply.bulk("mode");
        c.reply.bulk("standalone");
        c.reply.bulk("role");
        c.reply.bulk("master");
        c.reply.bulk("modules");
        c.reply.array(0);
    }

    /** Null when the name is acceptable, else Redis's error text. */
    static String validateClientName(byte[] name) {
        for (byte b : name) {
            if (b < '!' || b > '~') {
                return "ERR Client names cannot contain spaces, newlines or special characters.";
            }
        }
        return null;
    }

    static void auth(Client c) {
        if (c.argc() > 3) throw Errors.syntax;
        c.redact(1);
        if (c.argc() == 3) c.redact(2);
        if (c.argc() == 2 && c.engine.acl.defaultUser().nopassword()) {
            c.reply.error("ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?");
            return;
        }
        byte[] user = c.argc() == 3 ? c.argv[1] : Bytes.utf8("default");
        byte[] pass = c.argv[c.argc() - 1];
        if (authenticate(c, user, pass)) c.reply.ok();
    }

    /** Checks credentials against the ACL users; replies with the error on failure. */
    static boolean authenticate(Client c, byte[] user, byte[] pass) {
        io.fakeredis.core.acl.User u = c.engine.acl.authenticate(user, pass);
        if (u == null) {
            // inside EXEC, Redis logs the multi context and its client-info names EXEC
            boolean inExec = c.multi != null;
            io.fakeredis.core.command.Command running = c.cmd;
            if (inExec) c.cmd = c.engine.commands().lookup("exec");
            c.engine.acl.addLog(c, "auth", inExec ? "multi" : "toplevel", c.argv[0],
                    new String(user, java.nio.charset.StandardCharsets.ISO_8859_1), ClientCommands.info(c));
            c.cmd = running;
            c.reply.error(Errors.WRONGPASS);
            return false;
        }
        c.authenticated = true;
        c.user = u.name;
        c.aclUser = u;
        return true;
    }
}
