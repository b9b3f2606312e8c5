package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.tracking.Tracking;
import io.fakeredis.core.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** CLIENT subcommands, as clientCommand in networking.c. CLIENT UNBLOCK belongs to the blocking family. */
public final class ClientCommands {
    private ClientCommands() {}

    private static final int TYPE_NORMAL = 0;
    private static final int TYPE_SLAVE = 1;
    private static final int TYPE_PUBSUB = 2;
    private static final int TYPE_MASTER = 3;

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "client|id" -> c.reply.integer(c.id);
            case "client|setname" -> setname(c);
            case "client|getname" -> {
                if (c.name == null) c.reply.nullBulk();
                else c.reply.bulk(c.name);
            }
            case "client|info" -> c.reply.verbatim("txt", utf8(info(c) + "\n"));
            case "client|list" -> list(c);
            case "client|kill" -> kill(c);
            case "client|no-evict" -> {
                if (Bytes.eq(c.argv[2], "ON") || Bytes.eq(c.argv[2], "OFF")) c.reply.ok();
                else throw Errors.syntax;
            }
            case "client|pause" -> pause(c);
            case "client|unpause" -> c.reply.ok();
            case "client|reply" -> reply(c);
            case "client|getredir" -> c.reply.integer(c.tracking != null && c.tracking.on ? c.tracking.redirect : -1);
            case "client|trackinginfo" -> trackingInfo(c);
            case "client|tracking" -> tracking(c);
            case "client|caching" -> caching(c);
            case "client|help" -> ServerCommands.help(c, "CLIENT",
                    "CACHING (YES|NO)",
                    "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
                    "GETREDIR",
                    "    Return the client ID we are redirecting to when tracking is enabled.",
                    "GETNAME",
                    "    Return the name of the current connection.",
                    "ID",
                    "    Return the ID of the current connection.",
                    "INFO",
                    "    Return information about the current client connection.",
                    "KILL <ip:port>",
                    "    Kill connection made from <ip:port>.",
                    "KILL <option> <value> [<option> <value> [...]]",
                    "    Kill connections. Options are:",
                    "    * ADDR (<ip:port>|<unixsocket>:0)",
                    "      Kill connections made from the specified address",
                    "    * LADDR (<ip:port>|<unixsocket>:0)",
                    "      Kill connections made to specified local address",
                    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                    "      Kill connections by type.",
                    "    * USER <username>",
                    "      Kill connections authenticated by <username>.",
                    "    * SKIPME (YES|NO)",
                    "      Skip killing current connection (default: yes).",
                    "LIST [options ...]",
                    "    Return information about client connections. Options:",
                    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                    "      Return clients of specified type.",
                    "UNPAUSE",
                    "    Stop the current client pause, resuming traffic.",
                    "PAUSE <timeout> [WRITE|ALL]",
                    "    Suspend all, or just write, clients for <timeout> milliseconds.",
                    "REPLY (ON|OFF|SKIP)",
                    "    Control the replies sent to the current connection.",
                    "SETNAME <name>",
                    "    Assign the name <name> to the current connection.",
                    "UNBLOCK <clientid> [TIMEOUT|ERROR]",
                    "    Unblock the specified blocked client.",
                    "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
                    "         [OPTIN] [OPTOUT] [NOLOOP]",
                    "    Control server assisted client side caching.",
                    "TRACKINGINFO",
                    "    Report tracking status for the current connection.",
                    "NO-EVICT (ON|OFF)",
                    "    Protect current client connection from eviction.");
            default -> throw new IllegalStateException("not bound in ClientCommands: " + name);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void setname(Client c) {
        byte[] name = c.argv[2];
        String err = ConnectionCommands.validateClientName(name);
        if (err != null) {
            c.reply.error(err);
            return;
        }
        c.name = name.length == 0 ? null : Bytes.str(name);
        c.reply.ok();
    }

    /** getClientTypeByName; -1 when unknown. */
    private static int typeByName(byte[] b) {
        String s = Bytes.str(b).toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "normal": return TYPE_NORMAL;
            case "slave": case "replica": return TYPE_SLAVE;
            case "pubsub": return TYPE_PUBSUB;
            case "master": return TYPE_MASTER;
            default: return -1;
        }
    }

    private static boolean subscribed(Client c) {
        return c.engine.pubsub().channels(c) + c.engine.pubsub().patterns(c) + c.engine.pubsub().shardChannels(c) > 0;
    }

    private static int typeOf(Client c) {
        return subscribed(c) ? TYPE_PUBSUB : TYPE_NORMAL;
    }

    /** One line of CLIENT LIST, with the fields of Redis 7.0.15 in their order (catClientInfoString). */
    public static String info(Client c) {
        long now = c.engine.clock().millis();
        int multi = c.engine.transactions.queued(c);
        StringBuilder flags = new StringBuilder();
        if (c.monitor) flags.append('O'); // a monitor is a replica to Redis
        if (subscribed(c)) flags.append('P');
        if (multi >= 0) flags.append('x');
        if (c.blocked) flags.append('b');
        Tracking.State ts = c.tracking;
        if (ts != null && ts.on) flags.append('t');
        if (ts != null && ts.has(Tracking.BROKEN_REDIR)) flags.append('R');
        if (ts != null && ts.has(Tracking.BCAST)) flags.append('B');
        if (c.dirtyCas) flags.append('d');
        if (c.closing) flags.append('c');
        if (flags.length() == 0) flags.append('N');
        long obl = c.transport.outputBufferBytes();
        String events = obl > 0 ? "rw" : "r";
        StringBuilder b = new StringBuilder(256);
        b.append("id=").append(c.id)
                .append(" addr=").append(c.transport.addr())
                .append(" laddr=").append(c.transport.laddr())
                .append(" fd=").append(c.transport.fd())
                .append(" name=").append(c.name == null ? "" : c.name)
                .append(" age=").append((now - c.createdMs) / 1000)
                .append(" idle=").append((now - c.lastInteractionMs) / 1000)
                .append(" flags=").append(flags)
                .append(" db=").append(c.dbIndex())
                .append(" sub=").append(c.engine.pubsub().channels(c))
                .append(" psub=").append(c.engine.pubsub().patterns(c))
                .append(" ssub=").append(c.engine.pubsub().shardChannels(c))
                .append(" multi=").append(multi)
                .append(" qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=16384 rbp=16384")
                .append(" obl=").append(obl)
                .append(" oll=0")
                .append(" omem=").append(obl)
                .append(" tot-mem=").append(obl + 16384)
                .append(" events=").append(events)
                .append(" cmd=").append(c.cmd == null ? "NULL" : c.cmd.fullName)
                .append(" user=").append(c.user)
                .append(" redir=").append(ts != null && ts.on ? ts.redirect : -1)
                .append(" resp=").append(c.resp());
        return b.toString();
    }

    static void list(Client c) {
        StringBuilder b = new StringBuilder();
        if (c.argc() == 2) {
            for (Client x : c.engine.clients()) if (!gone(c, x)) b.append(info(x)).append('\n');
        } else if (c.argc() == 4 && Bytes.eq(c.argv[2], "TYPE")) {
            int type = typeByName(c.argv[3]);
            if (type == -1) {
                c.reply.error("ERR Unknown client type '" + Bytes.str(c.argv[3]) + "'");
                return;
            }
            for (Client x : c.engine.clients()) if (!gone(c, x) && typeOf(x) == type) b.append(info(x)).append('\n');
        } else if (c.argc() > 3 && Bytes.eq(c.argv[2], "ID")) {
            List<Client> found = new ArrayList<>();
            for (int j = 3; j < c.argc(); j++) {
                long id = Bytes.toLong(c.argv[j], "ERR Invalid client ID");
                Client x = c.engine.client(id);
                if (x != null && !gone(c, x)) found.add(x);
            }
            for (Client x : found) b.append(info(x)).append('\n');
        } else {
            throw Errors.syntax;
        }
        c.reply.verbatim("txt", utf8(b.toString()));
    }

    /** A killed client whose socket is still closing: Redis frees it at once, so it is no longer listed. */
    private static boolean gone(Client self, Client x) {
        return x != self && x.closing;
    }

    static void kill(Client c) {
        String addr = null, laddr = null, user = null;
        long id = 0;
        int type = -1;
        boolean skipme = true;
        if (c.argc() == 3) {
            addr = Bytes.str(c.argv[2]);
            skipme = false;
        } else if (c.argc() > 3) {
            for (int i = 2; i < c.argc(); i += 2) {
                boolean more = c.argc() > i + 1;
                byte[] opt = c.argv[i];
                if (Bytes.eq(opt, "ID") && more) {
                    long[] out = new long[1];
                    byte[] a = c.argv[i + 1];
                    if (!Bytes.parseLong(a, 0, a.length, out) || out[0] < 1) {
                        throw new RedisException("ERR client-id should be greater than 0");
                    }
                    id = out[0];
                } else if (Bytes.eq(opt, "TYPE") && more) {
                    type = typeByName(c.argv[i + 1]);
                    if (type == -1) {
                        c.reply.error("ERR Unknown client type '" + Bytes.str(c.argv[i + 1]) + "'");
                        return;
                    }
                } else if (Bytes.eq(opt, "ADDR") && more) {
                    addr = Bytes.str(c.argv[i + 1]);
                } else if (Bytes.eq(opt, "LADDR") && more) {
                    laddr = Bytes.str(c.argv[i + 1]);
                } else if (Bytes.eq(opt, "USER") && more) {
                    user = Bytes.str(c.argv[i + 1]);
                    if (!user.equals("default")) {
                        c.reply.error("ERR No such user '" + user + "'");
                        return;
                    }
                } else if (Bytes.eq(opt, "SKIPME") && more) {
                    if (Bytes.eq(c.argv[i + 1], "YES")) skipme = true;
                    else if (Bytes.eq(c.argv[i + 1], "NO")) skipme = false;
                    else throw Errors.syntax;
                } else {
                    throw Errors.syntax;
                }
            }
        } else {
            throw Errors.syntax;
        }
        List<Client> victims = new ArrayList<>();
        for (Client x : c.engine.clients()) {
            if (gone(c, x)) continue;
            if (addr != null && !x.transport.addr().equals(addr)) continue;
            if (laddr != null && !x.transport.laddr().equals(laddr)) continue;
            if (type != -1 && typeOf(x) != type) continue;
            if (id != 0 && x.id != id) continue;
            if (user != null && !x.user.equals(user)) continue;
            if (x == c && skipme) continue;
            victims.add(x);
        }
        for (Client x : victims) {
            x.closing = true;
            x.transport.closeAfterReply();
            if (x != c) x.transport.wake();
        }
        if (c.argc() == 3) {
            if (victims.isEmpty()) c.reply.error("ERR No such client");
            else c.reply.ok();
        } else {
            c.reply.integer(victims.size());
        }
    }

    static void pause(Client c) {
        if (c.argc() > 4) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for '" + Bytes.str(c.argv[1])
                    + "'. Try CLIENT HELP.");
            return;
        }
        long ms = Bytes.toLong(c.argv[2], "ERR timeout is not an integer or out of range");
        if (ms < 0) throw new RedisException("ERR timeout is negative");
        if (c.argc() == 4 && !Bytes.eq(c.argv[3], "WRITE") && !Bytes.eq(c.argv[3], "ALL")) {
            throw new RedisException("ERR CLIENT PAUSE mode must be WRITE or ALL");
        }
        c.reply.ok();
    }

    static void reply(Client c) {
        byte[] mode = c.argv[2];
        if (Bytes.eq(mode, "ON")) {
            if (c.reply instanceof Muted) c.reply = ((Muted) c.reply).real;
            c.reply.ok();
        } else if (Bytes.eq(mode, "OFF")) {
            if (c.reply instanceof Muted) ((Muted) c.reply).skipOnly = false;
            else c.reply = new Muted(c, c.reply, false);
        } else if (Bytes.eq(mode, "SKIP")) {
            // The SKIP command itself gets no reply, and neither does the next one.
            if (!(c.reply instanceof Muted)) c.reply = new Muted(c, c.reply, true);
        } else {
            throw Errors.syntax;
        }
    }

    /**
     * CLIENT TRACKING ON|OFF [REDIRECT id] [BCAST] [PREFIX p ...] [OPTIN] [OPTOUT] [NOLOOP]: every
     * option is parsed (and REDIRECT checked) before ON or OFF is looked at, then ON checks the
     * modes in Redis's order.
     */
    static void tracking(Client c) {
        long redirect = 0;
        int options = 0;
        List<byte[]> prefixes = new ArrayList<>();
        for (int j = 3; j < c.argc(); j++) {
            boolean more = c.argc() - 1 - j > 0;
            byte[] a = c.argv[j];
            if (Bytes.eq(a, "redirect") && more) {
                j++;
                if (redirect != 0) throw new RedisException("ERR A client can only redirect to a single other client");
                redirect = Bytes.toLong(c.argv[j]);
                // it may go away later; it has to be there now
                if (c.engine.client(redirect) == null) {
                    throw new RedisException("ERR The client ID you want redirect to does not exist");
                }
            } else if (Bytes.eq(a, "bcast")) {
                options |= Tracking.BCAST;
            } else if (Bytes.eq(a, "optin")) {
                options |= Tracking.OPTIN;
            } else if (Bytes.eq(a, "optout")) {
                options |= Tracking.OPTOUT;
            } else if (Bytes.eq(a, "noloop")) {
                options |= Tracking.NOLOOP;
            } else if (Bytes.eq(a, "prefix") && more) {
                prefixes.add(c.argv[++j]);
            } else {
                throw Errors.syntax;
            }
        }
        Tracking.State s = c.tracking;
        boolean on = s != null && s.on;
        if (Bytes.eq(c.argv[2], "on")) {
            if ((options & Tracking.BCAST) == 0 && !prefixes.isEmpty()) {
                throw new RedisException("ERR PREFIX option requires BCAST mode to be enabled");
            }
            if (on && s.has(Tracking.BCAST) != ((options & Tracking.BCAST) != 0)) {
                throw new RedisException("ERR You can't switch BCAST mode on/off before disabling tracking for this "
                        + "client, and then re-enabling it with a different mode.");
            }
            if ((options & Tracking.BCAST) != 0 && (options & (Tracking.OPTIN | Tracking.OPTOUT)) != 0) {
                throw new RedisException("ERR OPTIN and OPTOUT are not compatible with BCAST");
            }
            if ((options & Tracking.OPTIN) != 0 && (options & Tracking.OPTOUT) != 0) {
                throw new RedisException("ERR You can't specify both OPTIN mode and OPTOUT mode");
            }
            if (on && (((options & Tracking.OPTIN) != 0 && s.has(Tracking.OPTOUT))
                    || ((options & Tracking.OPTOUT) != 0 && s.has(Tracking.OPTIN)))) {
                throw new RedisException("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this "
                        + "client, and then re-enabling it with a different mode.");
            }
            if ((options & Tracking.BCAST) != 0 && !Tracking.checkPrefixes(c, prefixes)) return;
            c.engine.tracking().enable(c, redirect, options, prefixes);
        } else if (Bytes.eq(c.argv[2], "off")) {
            if (on) c.engine.tracking().disable(c);
        } else {
            throw Errors.syntax;
        }
        c.reply.ok();
    }

    /** CLIENT CACHING YES|NO: the next command's keys are (OPTIN) or are not (OPTOUT) remembered. */
    static void caching(Client c) {
        Tracking.State s = c.tracking;
        if (s == null || !s.on) {
            throw new RedisException("ERR CLIENT CACHING can be called only when the client is in tracking mode with "
                    + "OPTIN or OPTOUT mode enabled");
        }
        if (Bytes.eq(c.argv[2], "yes")) {
            if (!s.has(Tracking.OPTIN)) {
                throw new RedisException("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
            }
        } else if (Bytes.eq(c.argv[2], "no")) {
            if (!s.has(Tracking.OPTOUT)) {
                throw new RedisException("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
            }
        } else {
            throw Errors.syntax;
        }
        s.flags |= Tracking.CACHING;
        c.reply.ok();
    }

    /** CLIENT TRACKINGINFO: flags, redirect and prefixes, in Redis's order. */
    static void trackingInfo(Client c) {
        Tracking.State s = c.tracking;
        boolean on = s != null && s.on;
        List<String> flags = new ArrayList<>();
        flags.add(on ? "on" : "off");
        if (s != null) {
            if (s.has(Tracking.BCAST)) flags.add("bcast");
            if (s.has(Tracking.OPTIN)) {
                flags.add("optin");
                if (s.has(Tracking.CACHING)) flags.add("caching-yes");
            }
            if (s.has(Tracking.OPTOUT)) {
                flags.add("optout");
                if (s.has(Tracking.CACHING)) flags.add("caching-no");
            }
            if (s.has(Tracking.NOLOOP)) flags.add("noloop");
            if (s.has(Tracking.BROKEN_REDIR)) flags.add("broken_redirect");
        }
        c.reply.map(3);
        c.reply.bulk("flags");
        c.reply.set(flags.size());
        for (String f : flags) c.reply.bulk(f);
        c.reply.bulk("redirect");
        c.reply.integer(on ? s.redirect : -1);
        c.reply.bulk("prefixes");
        List<byte[]> prefixes = s == null ? List.of() : s.prefixes();
        c.reply.array(prefixes.size());
        for (byte[] p : prefixes) c.reply.bulk(p);
    }

    /**
     * Where a tracking invalidation for c goes: null once c is closing. CLIENT REPLY OFF and SKIP
     * do not silence it (Redis's CLIENT_PUSHING), and it does not count as the skipped reply.
     */
    public static ReplySink pushSink(Client c) {
        if (c.closing) return null;
        ReplySink r = c.reply;
        return r instanceof Muted m ? m.real : r;
    }

    /** Lets RESET drop CLIENT REPLY OFF/SKIP. */
    public static void restoreReplies(Client c) {
        if (c.reply instanceof Muted) c.reply = ((Muted) c.reply).real;
    }

    /**
     * CLIENT REPLY OFF / SKIP: swallows replies. In SKIP mode it counts top-level replies and puts
     * the real sink back once the command after CLIENT REPLY SKIP has answered in full.
     */
    static final class Muted implements ReplySink {
        final Client client;
        final ReplySink real;
        boolean skipOnly;
        /** Replies still owed by the current top-level reply; the SKIP command itself owes none. */
        private long pending;
        private boolean started;

        Muted(Client client, ReplySink real, boolean skipOnly) {
            this.client = client;
            this.real = real;
            this.skipOnly = skipOnly;
        }

        /** One value written: count down the enclosing aggregates; n children still to come. */
        private void value(long children) {
            if (!skipOnly) return;
            if (!started) {
                started = true;
                pending = 1;
            }
            pending += children - 1;
            if (pending == 0 && client.reply == this) client.reply = real;
        }

        @Override public int resp() { return real.resp(); }
        @Override public void resp(int version) { real.resp(version); }
        @Override public void status(String s) { value(0); }
        @Override public void error(String s) { client.engine.stats.error(s); value(0); }
        @Override public void errorCounted(String s) { client.engine.stats.errorNotCounted(); value(0); }
        @Override public void integer(long v) { value(0); }
        @Override public void bulk(byte[] b, int off, int len) { value(0); }
        @Override public void nullBulk() { value(0); }
        @Override public void nullArray() { value(0); }
        @Override public void array(int n) { value(n); }
        @Override public void map(int n) { value(2L * n); }
        @Override public void set(int n) { value(n); }
        @Override public void push(int n) { value(n); }
        @Override public void dbl(double d) { value(0); }
        @Override public void bool(boolean b) { value(0); }
        @Override public void verbatim(String format, byte[] text) { value(0); }
    }
}
