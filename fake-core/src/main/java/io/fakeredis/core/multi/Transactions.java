package io.fakeredis.core.multi;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.util.ByteKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MULTI/EXEC queues and WATCHed keys, as Redis's multi.c. Runs under the engine lock. */
public final class Transactions {
    private final Engine engine;
    /** Per database: watched key -> the watches on it. Empty maps are removed, so writes stay cheap. */
    private final Map<Database, Map<ByteKey, List<Watch>>> watched = new HashMap<>();

    public Transactions(Engine engine) {
        this.engine = engine;
    }

    /** The MULTI state of a client: queued commands and whether EXEC must fail. */
    public static final class State {
        final List<Command> commands = new ArrayList<>();
        final List<byte[][]> argvs = new ArrayList<>();
        /** A command was rejected while queueing: EXEC answers EXECABORT. */
        boolean dirtyExec;
    }

    /** One client's watch on one key. */
    public static final class Watch {
        final Client client;
        final Database db;
        final ByteKey key;
        /** The key was already logically expired when watched. */
        boolean expired;

        Watch(Client client, Database db, ByteKey key, boolean expired) {
            this.client = client;
            this.db = db;
            this.key = key;
            this.expired = expired;
        }
    }

    public boolean inMulti(Client c) {
        return c.multi != null;
    }

    /** Queues the command if the client is inside MULTI; true when queued (already replied). */
    public boolean queueIfInMulti(Client c, Command cmd) {
        State m = c.multi;
        if (m == null) return false;
        switch (cmd.fullName) {
            case "exec": case "discard": case "multi": case "watch": case "quit": case "reset":
                return false;
            default:
        }
        if (cmd.has(Command.NO_MULTI)) {
            m.dirtyExec = true;
            c.reply.error("ERR Command not allowed inside a transaction");
            return true;
        }
        m.commands.add(cmd);
        m.argvs.add(c.argv);
        c.reply.status("QUEUED");
        return true;
    }

    /** A command was rejected (unknown, arity, auth) while queueing: EXEC will abort. */
    public void flagRejected(Client c) {
        if (c.multi != null) c.multi.dirtyExec = true;
    }

    public void multi(Client c) {
        if (c.multi != null) {
            c.reply.error("ERR MULTI calls can not be nested");
            return;
        }
        c.multi = new State();
        c.reply.ok();
    }

    public void discard(Client c) {
        if (c.multi == null) {
            c.reply.error("ERR DISCARD without MULTI");
            return;
        }
        c.multi = null;
        c.dirtyCas = false;
        unwatchAll(c);
        c.reply.ok();
    }

    /** Redis's discardTransaction without a reply: EXEC refused (e.g. BUSY) drops MULTI and WATCHes. */
    public void abort(Client c) {
        c.multi = null;
        c.dirtyCas = false;
        unwatchAll(c);
    }

    public void exec(Client c) {
        State m = c.multi;
        if (m == null) {
            c.reply.error("ERR EXEC without MULTI");
            return;
        }
        if (watchedKeyExpired(c)) c.dirtyCas = true;
        if (m.dirtyExec || c.dirtyCas) {
            if (m.dirtyExec) c.reply.error("EXECABORT Transaction discarded because of previous errors.");
            else c.reply.nullArray();
            c.multi = null;
            c.dirtyCas = false;
            unwatchAll(c);
            return;
        }
        unwatchAll(c);
        c.dirtyCas = false;
        byte[][] execArgv = c.argv;
        Command execCmd = c.cmd;
        c.reply.array(m.commands.size());
        // c.multi stays set while the queue runs: blocking commands then act at once, as in Redis.
        for (int i = 0; i < m.commands.size(); i++) {
            c.argv = m.argvs.get(i);
            if (!c.aclUser.unrestricted) {
                // the user's rules may have changed since the command was queued
                String denied = engine.acl.check(c.aclUser, m.commands.get(i), c.argv);
                if (denied != null) {
                    c.cmd = execCmd; // Redis's client-info names EXEC here
                    engine.acl.addLog(c, io.fakeredis.core.acl.Acl.reason(denied), "multi", engine.acl.deniedObject,
                            c.user, io.fakeredis.core.cmd.ClientCommands.info(c));
                    c.reply.error(io.fakeredis.core.acl.Acl.execError(denied));
                    continue;
                }
            }
            engine.call(c, m.commands.get(i));
        }
        c.multi = null;
        c.argv = execArgv;
        c.cmd = execCmd;
    }

    public void watch(Client c) {
        if (c.multi != null) {
            c.reply.error("ERR WATCH inside MULTI is not allowed");
            return;
        }
        // Redis skips watching once the client is already dirty: EXEC will fail anyway.
        if (!c.dirtyCas) {
            for (int i = 1; i < c.argc(); i++) watchKey(c, c.db, c.argv[i]);
        }
        c.reply.ok();
    }

    public void unwatch(Client c) {
        unwatchAll(c);
        c.dirtyCas = false;
        c.reply.ok();
    }

    private void watchKey(Client c, Database db, byte[] key) {
        ByteKey k = new ByteKey(key.clone());
        if (c.watches != null) {
            for (Watch w : c.watches) if (w.db == db && w.key.equals(k)) return;
        }
        boolean expired = isLogicallyExpired(db, key);
        Watch w = new Watch(c, db, k, expired);
        watched.computeIfAbsent(db, d -> new HashMap<>()).computeIfAbsent(k, x -> new ArrayList<>()).add(w);
        if (c.watches == null) c.watches = new ArrayList<>();
        c.watches.add(w);
    }

    private boolean isLogicallyExpired(Database db, byte[] key) {
        int s = db.dict().find(key);
        if (s < 0) return false;
        long when = db.dict().expireAt(s);
        return when != 0 && when <= engine.now();
    }

    private boolean watchedKeyExpired(Client c) {
        if (c.watches == null) return false;
        for (Watch w : c.watches) {
            if (!w.expired && isLogicallyExpired(w.db, w.key.bytes)) return true;
        }
        return false;
    }

    private void unwatchAll(Client c) {
        if (c.watches == null) return;
        for (Watch w : c.watches) {
            Map<ByteKey, List<Watch>> keys = watched.get(w.db);
            if (keys == null) continue;
            List<Watch> list = keys.get(w.key);
            if (list == null) continue;
            list.remove(w);
            if (list.isEmpty()) keys.remove(w.key);
            if (keys.isEmpty()) watched.remove(w.db);
        }
        c.watches = null;
    }

    /** A key changed (key == null: every key of db, for FLUSHDB/FLUSHALL; call before emptying). */
    public void keyModified(Database db, byte[] key) {
        if (watched.isEmpty()) return;
        Map<ByteKey, List<Watch>> keys = watched.get(db);
        if (keys == null) return;
        if (key == null) {
            for (List<Watch> list : new ArrayList<>(keys.values())) {
                for (Watch w : new ArrayList<>(list)) {
                    if (db.dict().find(w.key.bytes) < 0) continue;
                    touch(w);
                }
            }
            return;
        }
        List<Watch> list = keys.get(new ByteKey(key));
        if (list == null) return;
        for (Watch w : new ArrayList<>(list)) {
            if (w.expired) {
                // Deleting a key that was already expired when watched is no logical change.
                if (db.dict().find(key) < 0) {
                    w.expired = false;
                    continue;
                }
            }
            touch(w);
        }
    }

    /** SWAPDB: watchers of keys present in either database see a change. Call before swapping. */
    public void databasesSwapped(Database a, Database b) {
        for (Database[] pair : new Database[][] {{a, b}, {b, a}}) {
            Map<ByteKey, List<Watch>> keys = watched.get(pair[0]);
            if (keys == null) continue;
            for (List<Watch> list : new ArrayList<>(keys.values())) {
                for (Watch w : new ArrayList<>(list)) {
                    boolean inThis = pair[0].dict().find(w.key.bytes) >= 0;
                    boolean inOther = pair[1].dict().find(w.key.bytes) >= 0;
                    if (inThis || inOther) touch(w);
                }
            }
        }
    }

    private void touch(Watch w) {
        Client c = w.client;
        c.dirtyCas = true;
        // Dirty already: no need to keep watching anything.
        unwatchAll(c);
    }

    /** Commands queued by the client, or -1 outside MULTI (CLIENT LIST multi=). */
    public int queued(Client c) {
        return c.multi == null ? -1 : c.multi.commands.size();
    }

    /** Discards MULTI state and WATCHes of a client that disconnected or was reset. */
    public void onDisconnect(Client c) {
        c.multi = null;
        unwatchAll(c);
        c.dirtyCas = false;
    }
}
