package io.fakeredis.core.tracking;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.cmd.ClientCommands;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.db.Dict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Server-assisted client-side caching (CLIENT TRACKING), as Redis's tracking.c. Made by the engine
 * the first time a client turns tracking on; until then the command path only checks for null.
 * Everything here runs under the engine lock.
 *
 * <p>Keys read by tracking clients are remembered with the ids of their readers. When a key
 * changes, each reader still tracking gets one invalidation and the key is forgotten until it is
 * read again. Clients in BCAST mode instead subscribe to key prefixes: changed keys are collected
 * per prefix and sent once per batch, as Redis does before it sleeps.
 */
public final class Tracking {
    /** Mode flags of a tracking client (Redis's CLIENT_TRACKING_*). */
    public static final int BCAST = 1;
    public static final int OPTIN = 2;
    public static final int OPTOUT = 4;
    /** CLIENT CACHING yes/no was given for the next command. */
    public static final int CACHING = 8;
    public static final int NOLOOP = 16;
    /** The redirect client was gone when an invalidation was due. */
    public static final int BROKEN_REDIR = 32;

    private static final byte[] INVALIDATE = ascii("invalidate");
    private static final byte[] REDIR_BROKEN = ascii("tracking-redir-broken");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] CHANNEL = ascii("__redis__:invalidate");
    private static final byte[] NULL2 = ascii("$-1\r\n");
    private static final byte[] NULL3 = ascii("_\r\n");

    /**
     * One client's tracking settings. Kept after CLIENT TRACKING OFF (with {@link #on} false), as
     * Redis keeps the redirect id in the client: an invalidation already due still goes there.
     */
    public static final class State {
        public boolean on;
        public int flags;
        public long redirect;
        /** BCAST prefixes, sorted as Redis's rax (memcmp order); null when none. */
        TreeSet<byte[]> prefixes;

        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /** BCAST prefixes in the order CLIENT TRACKINGINFO lists them. */
        public List<byte[]> prefixes() {
            return prefixes == null ? List.of() : new ArrayList<>(prefixes);
        }
    }

    /** A BCAST prefix: its subscribers, and the keys changed since the last broadcast with who changed them last. */
    private static final class Prefix {
        final LinkedHashSet<Client> clients = new LinkedHashSet<>();
        final TreeMap<byte[], Client> keys = new TreeMap<>(Arrays::compareUnsigned);
    }

    /** Ids of a key's readers in Redis's order: its rax sorts the ids' little-endian bytes. */
    private static final class Readers {
        long[] ids = new long[2];
        int n;

        boolean add(long id) {
            long k = Long.reverseBytes(id);
            int i = 0;
            while (i < n && Long.compareUnsigned(Long.reverseBytes(ids[i]), k) < 0) i++;
            if (i < n && ids[i] == id) return false;
            if (n == ids.length) ids = Arrays.copyOf(ids, n * 2);
            System.arraycopy(ids, i, ids, i + 1, n - i);
            ids[i] = id;
            n++;
            return true;
        }
    }

    private final Engine engine;
    /** Key -> Readers (Redis's TrackingTable); keys of every database share it, as in Redis. */
    private Dict table = new Dict();
    private long items;
    private int clients;
    private final TreeMap<byte[], Prefix> prefixTable = new TreeMap<>(Arrays::compareUnsigned);
    /** Some prefix has keys waiting for the next broadcast. */
    private boolean broadcastDue;
    /**
     * Invalidations for the running client, sent after its reply so they do not land inside it
     * (Redis's tracking_pending_keys); a null element stands for a flush.
     */
    private final ArrayList<byte[]> pending = new ArrayList<>();
    /** tracking-table-max-keys, parsed when the config string changes. */
    private String maxKeysSource;
    private long maxKeys;
    /** trackingLimitUsedSlots's timeout_counter: rounds that ended still over the limit. */
    private int limitRounds;

    public Tracking(Engine engine) {
        this.engine = engine;
    }

    // ---- INFO ----

    /** tracking_clients */
    public int clients() {
        return clients;
    }

    /** tracking_total_keys */
    public long totalKeys() {
        return table.size();
    }

    /** tracking_total_items */
    public long totalItems() {
        return items;
    }

    /** tracking_total_prefixes */
    public long totalPrefixes() {
        return prefixTable.size();
    }

    // ---- CLIENT TRACKING ----

    /**
     * enableTracking: the options were checked by CLIENT TRACKING. Switching modes keeps the
     * CACHING flag and the BCAST prefixes already given, as Redis does.
     */
    public void enable(Client c, long redirect, int options, List<byte[]> newPrefixes) {
        State s = c.tracking;
        if (s == null) s = c.tracking = new State();
        if (!s.on) {
            s.on = true;
            clients++;
        }
        s.flags &= ~(BROKEN_REDIR | BCAST | OPTIN | OPTOUT | NOLOOP);
        s.redirect = redirect;
        if ((options & BCAST) != 0) {
            s.flags |= BCAST;
            if (newPrefixes.isEmpty()) subscribe(c, s, new byte[0]);
            for (byte[] p : newPrefixes) subscribe(c, s, p);
        }
        s.flags |= options & (OPTIN | OPTOUT | NOLOOP);
    }

    private void subscribe(Client c, State s, byte[] prefix) {
        Prefix p = prefixTable.get(prefix);
        if (p == null) prefixTable.put(prefix, p = new Prefix());
        if (p.clients.add(c)) {
            if (s.prefixes == null) s.prefixes = new TreeSet<>(Arrays::compareUnsigned);
            s.prefixes.add(prefix);
        }
    }

    /**
     * disableTracking. The keys the client read stay in the table: they are dropped lazily when
     * they change, as in Redis, which saves a walk over the table.
     */
    public void disable(Client c) {
        State s = c.tracking;
        if (s == null || !s.on) return;
        if (s.has(BCAST) && s.prefixes != null) {
            for (byte[] prefix : s.prefixes) {
                Prefix p = prefixTable.get(prefix);
                p.clients.remove(c);
                if (p.clients.isEmpty()) prefixTable.remove(prefix);
            }
        }
        s.prefixes = null;
        s.on = false;
        s.flags = 0;
        clients--;
    }

    /**
     * checkPrefixCollisionsOrReply, quirk included: a clash between two new prefixes after the
     * first one answers the error and lets the command go on, so Redis then also answers OK.
     * Returns false when the command must stop.
     */
    public static boolean checkPrefixes(Client c, List<byte[]> prefixes) {
        State s = c.tracking;
        for (int i = 0; i < prefixes.size(); i++) {
            byte[] p = prefixes.get(i);
            if (s != null && s.prefixes != null) {
                for (byte[] old : s.prefixes) {
                    if (overlap(old, p)) {
                        c.reply.error("ERR Prefix '" + cstr(p) + "' overlaps with an existing prefix '" + cstr(old)
                                + "'. Prefixes for a single client must not overlap.");
                        return false;
                    }
                }
            }
            for (int j = i + 1; j < prefixes.size(); j++) {
                if (overlap(p, prefixes.get(j))) {
                    c.reply.error("ERR Prefix '" + cstr(p) + "' overlaps with another provided prefix '"
                            + cstr(prefixes.get(j)) + "'. Prefixes for a single client must not overlap.");
                    return i != 0;
                }
            }
        }
        return true;
    }

    /** One is a prefix of the other. */
    private static boolean overlap(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        return Arrays.equals(a, 0, n, b, 0, n);
    }

    /** The text %s prints (up to the first NUL byte), line breaks made spaces as addReplyErrorFormat does. */
    private static String cstr(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8).replace('\r', ' ').replace('\n', ' ');
    }

    // ---- remembering keys ----

    /**
     * After a read-only command ran (Redis's call): remembers the keys its tracking client read.
     * A script's reads count for the script's caller, with the caller's own command and arguments
     * (Redis 7.0 asks getKeysFromCommand with those, so EVAL's declared keys are remembered).
     */
    public void commandRan(Client c, Command cmd) {
        Client caller = engine.scriptCaller(c);
        State s = caller.tracking;
        if (s == null || !s.on || s.has(BCAST)) return;
        if ((s.has(OPTIN) && !s.has(CACHING)) || (s.has(OPTOUT) && s.has(CACHING))) return;
        switch (cmd.fullName) {
            case "eval_ro", "evalsha_ro", "fcall_ro" -> {
                return; // only the commands they run count
            }
            default -> { }
        }
        Command called = caller.cmd;
        byte[][] argv = caller.argv;
        if (called == null || argv == null) return;
        if (!called.has(Command.MOVABLE_KEYS)) {
            // getKeysUsingLegacyRangeSpec
            if (called.firstKey <= 0) return;
            int last = called.lastKey < 0 ? argv.length + called.lastKey : called.lastKey;
            for (int j = called.firstKey; j <= last; j += Math.max(1, called.keyStep)) {
                if (j >= argv.length) return; // Redis leaves the arity error to the command
            }
            for (int j = called.firstKey; j <= last; j += Math.max(1, called.keyStep)) remember(argv[j], caller.id);
            return;
        }
        List<int[]> keys = new ArrayList<>();
        List<List<String>> flags = new ArrayList<>();
        if (!io.fakeredis.core.cmd.ServerCommands.commandKeys(called, argv, keys, flags)) return;
        for (int[] k : keys) remember(argv[k[0]], caller.id);
    }

    private void remember(byte[] key, long id) {
        Readers r = (Readers) table.get(key);
        if (r == null) {
            table.put(key, r = new Readers());
            if (overLimit()) engine.needCron();
        }
        if (r.add(id)) items++;
    }

    // ---- invalidation ----

    /**
     * A key changed (Redis's trackingInvalidateKey). modifier is the client whose command changed
     * it: a script's own client for its writes, null for expiry. BCAST NOLOOP compares with it;
     * NOLOOP for read keys compares with the top-level client, as Redis 7.0 does.
     */
    public void keyModified(byte[] key, Client modifier) {
        invalidate(key, modifier, true);
    }

    private void invalidate(byte[] key, Client modifier, boolean bcast) {
        if (bcast && !prefixTable.isEmpty()) rememberForBroadcast(key, modifier);
        int slot = table.find(key);
        if (slot < 0) return;
        Readers r = (Readers) table.valueAt(slot);
        table.removeAt(slot);
        items -= r.n;
        Client current = engine.currentClient();
        for (int i = 0; i < r.n; i++) {
            Client target = engine.client(r.ids[i]);
            if (target == null || target.tracking == null || !target.tracking.on || target.tracking.has(BCAST)) continue;
            if (target.tracking.has(NOLOOP) && target == current) continue;
            if (target == current && engine.inCall()) pending.add(key);
            else send(target, key, null);
        }
    }

    private void rememberForBroadcast(byte[] key, Client modifier) {
        for (var e : prefixTable.entrySet()) {
            byte[] p = e.getKey();
            if (p.length > key.length || !Arrays.equals(p, 0, p.length, key, 0, p.length)) continue;
            e.getValue().keys.put(key, modifier); // the last writer wins, as raxInsert
            broadcastDue = true;
        }
    }

    /** FLUSHDB / FLUSHALL (trackingInvalidateKeysOnFlush): every tracking client gets a null. */
    public void flushed() {
        if (clients > 0) {
            Client current = engine.currentClient();
            for (Client x : engine.clients()) {
                if (x.tracking == null || !x.tracking.on) continue;
                if (x == current) pending.add(null);
                else send(x, null, null);
            }
        }
        table = new Dict();
        items = 0;
    }

    /**
     * After a top-level command ran: its client's own invalidations follow its reply (Redis's
     * trackingHandlePendingKeyInvalidations), even if the command turned tracking off.
     */
    public void sendPending(Client c) {
        if (pending.isEmpty() || engine.inCall()) return;
        if (c.tracking != null) {
            for (int i = 0; i < pending.size(); i++) send(c, pending.get(i), null);
        }
        pending.clear();
    }

    /**
     * After any top-level command, as Redis's resetClient: CLIENT CACHING lasts for one command
     * (for the whole transaction inside MULTI), and a CLIENT subcommand leaves it in place.
     */
    public void afterCommand(Client c, Command cmd) {
        State s = c.tracking;
        if (s != null && (s.flags & CACHING) != 0 && c.multi == null
                && (cmd == null || cmd.parent == null || !cmd.parent.name.equals("client"))) {
            s.flags &= ~CACHING;
        }
    }

    /** A client went away or was RESET: it stops tracking. */
    public void onDisconnect(Client c) {
        disable(c);
    }

    /** Before Redis would sleep (after a batch): sends the keys changed under BCAST prefixes. */
    public void broadcast() {
        if (!broadcastDue) return;
        broadcastDue = false;
        for (Prefix p : prefixTable.values()) {
            if (p.keys.isEmpty()) continue;
            List<byte[]> all = new ArrayList<>(p.keys.keySet());
            for (Client c : p.clients.toArray(new Client[0])) {
                if (!c.tracking.has(NOLOOP)) {
                    send(c, null, all);
                    continue;
                }
                List<byte[]> others = new ArrayList<>(all.size());
                for (var e : p.keys.entrySet()) if (e.getValue() != c) others.add(e.getKey());
                if (!others.isEmpty()) send(c, null, others);
            }
            p.keys.clear();
        }
    }

    // ---- tracking-table-max-keys ----

    /**
     * trackingLimitUsedSlots: over tracking-table-max-keys, forgets random keys and tells their
     * readers as if the keys had changed. The effort grows each round that ends still over.
     * Redis runs it before each command and from its cron.
     */
    public void limitUsedSlots() {
        if (clients == 0) return;
        if (table.size() == 0) {
            limitRounds = 0;
            return;
        }
        long max = maxKeys();
        if (max == 0) return;
        if (table.size() <= max) {
            limitRounds = 0;
            return;
        }
        int effort = 100 * (limitRounds + 1);
        while (effort-- > 0 && table.size() > 0) {
            int slot = table.randomSlot(engine.random);
            if (slot < 0) break;
            invalidate(table.keyAt(slot), null, false);
            if (table.size() <= max) {
                limitRounds = 0;
                return;
            }
        }
        limitRounds++;
    }

    /** The table is over its limit: the cron should keep trimming it between commands. */
    public boolean overLimit() {
        long max = maxKeys();
        return clients > 0 && max > 0 && table.size() > max;
    }

    private long maxKeys() {
        String v = engine.config().get("tracking-table-max-keys");
        if (v != maxKeysSource) {
            maxKeysSource = v;
            try {
                maxKeys = v == null ? 0 : Long.parseLong(v);
            } catch (NumberFormatException e) {
                maxKeys = 0;
            }
        }
        return maxKeys;
    }

    // ---- sending ----

    /**
     * sendTrackingMessage: one invalidation for tracking client c, on its own connection (RESP3
     * push) or to its redirect client (a push, or a message on __redis__:invalidate for a RESP2
     * subscriber). key: one key; keys: a BCAST list; neither: the flush null, written in c's own
     * protocol even when the redirect client speaks the other one, as Redis does.
     */
    private void send(Client c, byte[] key, List<byte[]> keys) {
        State s = c.tracking;
        Client to = c;
        boolean redirected = false;
        if (s.redirect != 0) {
            Client r = engine.client(s.redirect);
            if (r == null) {
                s.flags |= BROKEN_REDIR;
                if (c.resp() > 2) {
                    ReplySink out = ClientCommands.pushSink(c);
                    if (out != null) {
                        out.push(2);
                        out.bulk(REDIR_BROKEN);
                        out.integer(s.redirect);
                        wake(c);
                    }
                }
                return;
            }
            to = r;
            redirected = true;
        }
        ReplySink out = ClientCommands.pushSink(to);
        if (out == null) return;
        if (to.resp() > 2) {
            out.push(2);
            out.bulk(INVALIDATE);
        } else if (redirected && engine.inSubscribedContext(to)) {
            out.push(3);
            out.bulk(MESSAGE);
            out.bulk(CHANNEL);
        } else {
            return; // RESP2 has no push on the client's own connection
        }
        if (key != null) {
            out.array(1);
            out.bulk(key);
        } else if (keys != null) {
            out.array(keys.size());
            for (byte[] k : keys) out.bulk(k);
        } else if (c.resp() == to.resp() || !out.encoded(c.resp() == 2 ? NULL2 : NULL3)) {
            out.nullBulk();
        }
        wake(to);
    }

    private void wake(Client c) {
        if (c != engine.currentClient()) c.transport.wake();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
