package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.config.Config;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.db.Dict;
import io.fakeredis.core.db.Lfu;
import io.fakeredis.core.type.Values;
import io.fakeredis.core.util.Bytes;
import io.fakeredis.core.util.Glob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/** The generic keyspace commands, as Redis 7.0's db.c, expire.c and object.c. */
public final class KeyCommands {
    private KeyCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "del" -> del(c);
            case "unlink" -> del(c);
            case "exists" -> exists(c);
            case "type" -> type(c);
            case "expire" -> expire(c, c.engine.now(), true);
            case "pexpire" -> expire(c, c.engine.now(), false);
            case "expireat" -> expire(c, 0, true);
            case "pexpireat" -> expire(c, 0, false);
            case "ttl" -> ttl(c, false, false);
            case "pttl" -> ttl(c, true, false);
            case "expiretime" -> ttl(c, false, true);
            case "pexpiretime" -> ttl(c, true, true);
            case "persist" -> persist(c);
            case "keys" -> keys(c);
            case "scan" -> scan(c);
            case "randomkey" -> randomkey(c);
            case "rename" -> rename(c, false);
            case "renamenx" -> rename(c, true);
            case "copy" -> copy(c);
            case "move" -> move(c);
            case "touch" -> touch(c);
            case "dbsize" -> c.reply.integer(c.db.size());
            case "flushdb" -> flushdb(c);
            case "flushall" -> flushall(c);
            case "swapdb" -> swapdb(c);
            case "wait" -> waitCommand(c);
            case "object|help" -> objectHelp(c);
            case "object|encoding" -> objectEncoding(c);
            case "object|refcount" -> objectRefcount(c);
            case "object|idletime" -> objectIdletime(c);
            case "object|freq" -> objectFreq(c);
            default -> throw new IllegalStateException("not bound in KeyCommands: " + name);
        }
    }

    // ---- lookups Redis's commands use that Database has no shorthand for ----

    /**
     * lookupKeyReadWithFlags(LOOKUP_NOTOUCH): expires lazily and counts hits and misses, but leaves
     * the access time alone. keymiss is emitted unless the caller is OBJECT (LOOKUP_NONOTIFY).
     */
    static Object readNoTouch(Client c, byte[] key, boolean notifyMiss) {
        Database db = c.db;
        int s = db.slot(key);
        if (s < 0) {
            c.engine.stats.keyspaceMisses++;
            if (notifyMiss) c.engine.notify(Notify.KEY_MISS, "keymiss", db, key);
            return null;
        }
        c.engine.stats.keyspaceHits++;
        return db.dict().valueAt(s);
    }

    /** getIntFromObjectOrReply: a long first, then the int range with its own message. */
    static int parseInt(byte[] arg, String msg) {
        long v = Bytes.toLong(arg, msg != null ? msg : Errors.NOT_INTEGER);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new RedisException(msg != null ? msg
                    : "ERR value is out of range, value must between -2147483648 and 2147483647");
        }
        return (int) v;
    }

    /** An argument quoted in an error as C's %s would: cut at the first NUL, no line breaks. */
    static String errorArg(byte[] arg) {
        int n = 0;
        while (n < arg.length && arg[n] != 0) n++;
        return Bytes.str(Arrays.copyOf(arg, n)).replace('\r', ' ').replace('\n', ' ');
    }

    // ---- DEL, UNLINK, EXISTS, TYPE, TOUCH ----

    static void del(Client c) {
        long n = 0;
        for (int j = 1; j < c.argc(); j++) {
            // delete() expires first, so an expired key emits 'expired' and does not count
            if (c.db.delete(c.argv[j])) {
                c.engine.notify(Notify.GENERIC, "del", c.db, c.argv[j]);
                n++;
            }
        }
        c.reply.integer(n);
    }

    static void exists(Client c) {
        long n = 0;
        for (int j = 1; j < c.argc(); j++) {
            if (readNoTouch(c, c.argv[j], true) != null) n++;
        }
        c.reply.integer(n);
    }

    static void type(Client c) {
        Object v = readNoTouch(c, c.argv[1], true);
        c.reply.status(v == null ? "none" : Values.typeOf(v).redisName);
    }

    static void touch(Client c) {
        long n = 0;
        for (int j = 1; j < c.argc(); j++) {
            if (c.db.lookupRead(c.argv[j]) != null) n++;
        }
        c.reply.integer(n);
    }

    // ---- expiry ----

    private static final int EXPIRE_NX = 1, EXPIRE_XX = 2, EXPIRE_GT = 4, EXPIRE_LT = 8;

    /** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT: basetime is now for relative forms, 0 for absolute. */
    static void expire(Client c, long basetime, boolean seconds) {
        byte[] key = c.argv[1];
        int flags = 0;
        for (int j = 3; j < c.argc(); j++) {
            byte[] opt = c.argv[j];
            if (Bytes.eq(opt, "nx")) flags |= EXPIRE_NX;
            else if (Bytes.eq(opt, "xx")) flags |= EXPIRE_XX;
            else if (Bytes.eq(opt, "gt")) flags |= EXPIRE_GT;
            else if (Bytes.eq(opt, "lt")) flags |= EXPIRE_LT;
            else throw new RedisException("ERR Unsupported option " + errorArg(opt));
        }
        if ((flags & EXPIRE_NX) != 0 && (flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) != 0) {
            throw new RedisException("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if ((flags & EXPIRE_GT) != 0 && (flags & EXPIRE_LT) != 0) {
            throw new RedisException("ERR GT and LT options at the same time are not compatible");
        }
        long when = Bytes.toLong(c.argv[2]);
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) throw invalidExpire(c);
            when *= 1000;
        }
        if (when > Long.MAX_VALUE - basetime) throw invalidExpire(c);
        when += basetime;

        if (c.db.lookupWrite(key) == null) {
            c.reply.integer(0);
            return;
        }
        if (flags != 0) {
            long current = c.db.expireAt(key);
            boolean refuse = ((flags & EXPIRE_NX) != 0 && current != -1)
                    || ((flags & EXPIRE_XX) != 0 && current == -1)
                    // no TTL counts as infinite: GT never beats it, LT always does
                    || ((flags & EXPIRE_GT) != 0 && (current == -1 || when <= current))
                    || ((flags & EXPIRE_LT) != 0 && current != -1 && when >= current);
            if (refuse) {
                c.reply.integer(0);
                return;
            }
        }
        if (when <= c.engine.now()) {
            // a time already past deletes the key, and Redis reports it as a DEL
            c.db.delete(key);
            c.engine.notify(Notify.GENERIC, "del", c.db, key);
            c.reply.integer(1);
        } else {
            // Redis replies before it signals here: a push to this client (it may be a tracking
            // redirect target) follows the reply
            c.db.setExpire(key, when);
            c.reply.integer(1);
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.GENERIC, "expire", c.db, key);
        }
    }

    private static RedisException invalidExpire(Client c) {
        return new RedisException(String.format(Errors.INVALID_EXPIRE, c.cmd.fullName));
    }

    /** TTL, PTTL, EXPIRETIME, PEXPIRETIME. */
    static void ttl(Client c, boolean ms, boolean absolute) {
        byte[] key = c.argv[1];
        if (readNoTouch(c, key, true) == null) {
            c.reply.integer(-2);
            return;
        }
        long expire = c.db.expireAt(key);
        if (expire == -1) {
            c.reply.integer(-1);
            return;
        }
        long ttl = absolute ? expire : expire - c.engine.now();
        if (ttl < 0) ttl = 0;
        // seconds round to nearest; Redis's compiled arithmetic does not wrap near Long.MAX_VALUE
        c.reply.integer(ms ? ttl : Long.divideUnsigned(ttl + 500, 1000));
    }

    static void persist(Client c) {
        byte[] key = c.argv[1];
        if (c.db.lookupWrite(key) != null && c.db.persist(key)) {
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.GENERIC, "persist", c.db, key);
            c.reply.integer(1);
        } else {
            c.reply.integer(0);
        }
    }

    // ---- KEYS, SCAN, RANDOMKEY ----

    static void keys(Client c) {
        byte[] pattern = c.argv[1];
        boolean all = Glob.matchesEverything(pattern);
        Dict d = c.db.dict();
        long now = c.engine.now();
        List<byte[]> out = new ArrayList<>();
        for (int s = 0, cap = d.capacity(); s < cap; s++) {
            byte[] k = d.keyAt(s);
            if (k == null) continue;
            if (!all && !Glob.match(pattern, k)) continue;
            // KEYS hides expired keys but, unlike SCAN, does not delete them
            long when = d.expireAt(s);
            if (when != 0 && when <= now) continue;
            out.add(k);
        }
        c.reply.array(out.size());
        for (byte[] k : out) c.reply.bulk(k);
    }

    static void scan(Client c) {
        long cursor = parseCursor(c.argv[1]);
        long count = 10;
        byte[] pattern = null;
        byte[] typeName = null;
        for (int i = 2; i < c.argc(); ) {
            int left = c.argc() - i;
            byte[] opt = c.argv[i];
            if (Bytes.eq(opt, "count") && left >= 2) {
                count = Bytes.toLong(c.argv[i + 1]);
                if (count < 1) throw Errors.syntax;
                i += 2;
            } else if (Bytes.eq(opt, "match") && left >= 2) {
                pattern = c.argv[i + 1];
                if (Glob.matchesEverything(pattern)) pattern = null;
                i += 2;
            } else if (Bytes.eq(opt, "type") && left >= 2) {
                typeName = c.argv[i + 1];
                i += 2;
            } else {
                throw Errors.syntax;
            }
        }

        Dict d = c.db.dict();
        List<byte[]> found = new ArrayList<>();
        long next = d.scan(cursor, (int) Math.min(count, Integer.MAX_VALUE), s -> found.add(d.keyAt(s)));

        // Filter after collecting, as Redis does: expiring a key reshuffles the table.
        int n = 0;
        for (int j = 0; j < found.size(); j++) {
            byte[] k = found.get(j);
            if (pattern != null && !Glob.match(pattern, k)) continue;
            if (typeName != null) {
                // Redis looks the key up (expiring it) and compares the type name, "none" if gone
                Object v = readNoTouch(c, k, true);
                String tn = v == null ? "none" : Values.typeOf(v).redisName;
                if (!Bytes.eq(cString(typeName), tn)) continue;
            } else if (c.db.slot(k) < 0) {
                continue; // expired: deleted now, with its 'expired' event
            }
            found.set(n++, k);
        }
        c.reply.array(2);
        c.reply.bulk(Bytes.utf8(Long.toUnsignedString(next)));
        c.reply.array(n);
        for (int j = 0; j < n; j++) c.reply.bulk(found.get(j));
    }

    /** The bytes C sees as a string: up to the first NUL. */
    private static byte[] cString(byte[] b) {
        for (int i = 0; i < b.length; i++) if (b[i] == 0) return Arrays.copyOf(b, i);
        return b;
    }

    /**
     * parseScanCursorOrReply: strtoul with Redis's extra checks. A leading space, trailing junk or
     * overflow is "invalid cursor"; a sign is accepted ("-1" wraps), the empty string is 0, and
     * the text ends at a NUL as in C.
     */
    public static long parseCursor(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) end++;
        if (end == 0) return 0;
        byte first = b[0];
        if (first == ' ' || (first >= '\t' && first <= '\r')) throw invalidCursor();
        int i = 0;
        boolean neg = false;
        if (first == '+' || first == '-') {
            neg = first == '-';
            i++;
        }
        if (i == end || b[i] < '0' || b[i] > '9') throw invalidCursor(); // no digits: strtoul consumed nothing
        long v = 0;
        boolean overflow = false;
        for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
            int dgt = b[i] - '0';
            if (Long.compareUnsigned(v, 0x1999999999999999L) > 0) overflow = true;
            long m = v * 10;
            long r = m + dgt;
            if (Long.compareUnsigned(r, m) < 0) overflow = true;
            v = r;
        }
        if (i != end || overflow) throw invalidCursor();
        return neg ? -v : v;
    }

    private static RedisException invalidCursor() {
        return new RedisException("ERR invalid cursor");
    }

    static void randomkey(Client c) {
        Dict d = c.db.dict();
        long now = c.engine.now();
        while (true) {
            int s = d.randomSlot(c.engine.random);
            if (s < 0) {
                c.reply.nullBulk();
                return;
            }
            long when = d.expireAt(s);
            if (when != 0 && when <= now) {
                c.db.slot(d.keyAt(s)); // expires it; try another
                continue;
            }
            c.reply.bulk(d.keyAt(s));
            return;
        }
    }

    // ---- RENAME, RENAMENX, COPY, MOVE ----

    static void rename(Client c, boolean nx) {
        byte[] src = c.argv[1];
        byte[] dst = c.argv[2];
        boolean same = Arrays.equals(src, dst);
        Object v = c.db.lookupWrite(src);
        if (v == null) throw new RedisException(Errors.NO_SUCH_KEY);
        if (same) {
            if (nx) c.reply.integer(0);
            else c.reply.ok();
            return;
        }
        long expire = c.db.expireAt(src);
        int access = accessOf(c.db, src);
        boolean overwrite = c.db.lookupWrite(dst) != null;
        if (overwrite && nx) {
            c.reply.integer(0);
            return;
        }
        // the source changes first, then the destination, as Redis signals them (tracking clients
        // see the invalidations in that order)
        c.db.delete(src);
        if (overwrite) c.db.delete(dst);
        addKeepingAccess(c.db, dst, v, expire, access);
        c.engine.notify(Notify.GENERIC, "rename_from", c.db, src);
        c.engine.notify(Notify.GENERIC, "rename_to", c.db, dst);
        if (nx) c.reply.integer(1);
        else c.reply.ok();
    }

    /** The access field travels with the object: RENAME and MOVE keep its LRU time or LFU count. */
    private static int accessOf(Database db, byte[] key) {
        return db.dict().accessAt(db.dict().find(key));
    }

    private static void addKeepingAccess(Database db, byte[] key, Object v, long expire, int access) {
        db.add(key, v);
        if (expire != -1) db.setExpire(key, expire);
        db.dict().setAccessAt(db.dict().find(key), access);
    }

    static void copy(Client c) {
        Database src = c.db;
        Database dst = c.db;
        boolean replace = false;
        for (int j = 3; j < c.argc(); j++) {
            int additional = c.argc() - j - 1;
            if (Bytes.eq(c.argv[j], "replace")) {
                replace = true;
            } else if (Bytes.eq(c.argv[j], "db") && additional >= 1) {
                int id = parseInt(c.argv[j + 1], null);
                if (id < 0 || id >= Engine.DATABASES) throw new RedisException(Errors.DB_INDEX_OUT_OF_RANGE);
                dst = c.engine.db(id);
                j++;
            } else {
                throw Errors.syntax;
            }
        }
        byte[] key = c.argv[1];
        byte[] newkey = c.argv[2];
        if (src == dst && Arrays.equals(key, newkey)) {
            throw new RedisException("ERR source and destination objects are the same");
        }
        Object v = src.lookupRead(key);
        if (v == null) {
            c.reply.integer(0);
            return;
        }
        long expire = src.expireAt(key);
        boolean delete = false;
        if (dst.lookupWrite(newkey) != null) {
            if (!replace) {
                c.reply.integer(0);
                return;
            }
            delete = true;
        }
        Object copy = Values.copy(v);
        if (copy instanceof byte[] && refcount(copy, c.engine.config()) != 1) UNSHARED.put((byte[]) copy, Boolean.TRUE);
        if (delete) dst.delete(newkey);
        dst.add(newkey, copy);
        if (expire != -1) dst.setExpire(newkey, expire);
        c.engine.notify(Notify.GENERIC, "copy_to", dst, newkey);
        c.reply.integer(1);
    }

    static void move(Client c) {
        Database src = c.db;
        int id = parseInt(c.argv[2], null);
        if (id < 0 || id >= Engine.DATABASES) throw new RedisException(Errors.DB_INDEX_OUT_OF_RANGE);
        Database dst = c.engine.db(id);
        if (src == dst) throw new RedisException("ERR source and destination objects are the same");
        byte[] key = c.argv[1];
        Object v = src.lookupWrite(key);
        if (v == null) {
            c.reply.integer(0);
            return;
        }
        long expire = src.expireAt(key);
        int access = accessOf(src, key);
        if (dst.lookupWrite(key) != null) {
            c.reply.integer(0);
            return;
        }
        addKeepingAccess(dst, key, v, expire, access);
        src.delete(key);
        c.engine.notify(Notify.GENERIC, "move_from", src, key);
        c.engine.notify(Notify.GENERIC, "move_to", dst, key);
        c.reply.integer(1);
    }

    // ---- FLUSHDB, FLUSHALL, SWAPDB, WAIT ----

    /** getFlushCommandFlags: only a lone SYNC or ASYNC is accepted. Both flush at once here. */
    private static void checkFlushArgs(Client c) {
        if (c.argc() == 1) return;
        if (c.argc() == 2 && (Bytes.eq(c.argv[1], "sync") || Bytes.eq(c.argv[1], "async"))) return;
        throw Errors.syntax;
    }

    static void flushdb(Client c) {
        checkFlushArgs(c);
        c.engine.flushed();
        flush(c.engine, c.db);
        c.reply.ok();
    }

    static void flushall(Client c) {
        checkFlushArgs(c);
        c.engine.flushed();
        for (int i = 0; i < Engine.DATABASES; i++) flush(c.engine, c.engine.db(i));
        c.reply.ok();
    }

    private static void flush(Engine engine, Database db) {
        // WATCHed keys are touched while the keys are still there, as signalFlushedDb does
        engine.keyModified(db, null);
        db.clear();
        engine.blocking().waitedKeysMayHaveGone(db);
    }

    static void swapdb(Client c) {
        int id1 = parseInt(c.argv[1], "ERR invalid first DB index");
        int id2 = parseInt(c.argv[2], "ERR invalid second DB index");
        if (id1 < 0 || id1 >= Engine.DATABASES || id2 < 0 || id2 >= Engine.DATABASES) {
            throw new RedisException(Errors.DB_INDEX_OUT_OF_RANGE);
        }
        if (id1 != id2) {
            Database a = c.engine.db(id1);
            Database b = c.engine.db(id2);
            // WATCH sees keys present in either database before the swap, as touchAllWatchedKeysInDb
            c.engine.transactions.databasesSwapped(a, b);
            a.swapWith(b);
            // clients stay in their db: those blocked there may now find their keys
            if (c.engine.blocking().blockedCount() > 0) {
                signalAllReady(a);
                signalAllReady(b);
            }
            c.engine.blocking().waitedKeysMayHaveGone(a);
            c.engine.blocking().waitedKeysMayHaveGone(b);
        }
        c.reply.ok();
    }

    private static void signalAllReady(Database db) {
        Dict d = db.dict();
        List<byte[]> keys = new ArrayList<>(d.size());
        for (int s = 0, cap = d.capacity(); s < cap; s++) {
            if (d.keyAt(s) != null) keys.add(d.keyAt(s));
        }
        for (byte[] k : keys) db.signalKeyAsReady(k);
    }

    /**
     * WAIT numreplicas timeout. There are never replicas, so the answer is 0 at once. (Real Redis
     * blocks until the timeout when numreplicas > 0; a fake answering at once is kinder to tests.)
     */
    static void waitCommand(Client c) {
        Bytes.toLong(c.argv[1]);
        long timeout = Bytes.toLong(c.argv[2], "ERR timeout is not an integer or out of range");
        if (timeout < 0) throw new RedisException("ERR timeout is negative");
        c.reply.integer(0);
    }

    // ---- OBJECT ----

    private static final String[] OBJECT_HELP = {
        "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.",
        "HELP",
        "    Prints this help.",
    };

    static void objectHelp(Client c) {
        c.reply.array(OBJECT_HELP.length);
        for (String line : OBJECT_HELP) c.reply.status(line);
    }

    /** objectCommandLookup: counts hits and misses, no access update, no keymiss event. */
    private static Object objectLookup(Client c) {
        Object v = readNoTouch(c, c.argv[2], false);
        if (v == null) c.reply.nullBulk();
        return v;
    }

    static void objectEncoding(Client c) {
        Object v = objectLookup(c);
        if (v != null) c.reply.bulk(Values.encoding(v, c.engine.config()));
    }

    static void objectRefcount(Client c) {
        Object v = objectLookup(c);
        if (v != null) c.reply.integer(refcount(v, c.engine.config()));
    }

    /**
     * What OBJECT REFCOUNT prints: integers 0..9999 stored as strings are Redis's shared objects
     * (refcount INT_MAX) unless maxmemory is set with an LRU/LFU policy; everything else is 1.
     */
    static long refcount(Object v, Config cfg) {
        if (!(v instanceof byte[])) return 1;
        byte[] b = (byte[]) v;
        if (UNSHARED.containsKey(b)) return 1;
        if (!"int".equals(Values.stringEncoding(b))) return 1;
        long n = Bytes.toLong(b);
        if (n < 0 || n >= 10000) return 1;
        String policy = cfg.get("maxmemory-policy");
        boolean noShared = !"0".equals(cfg.get("maxmemory")) && policy != null
                && (policy.endsWith("-lru") || policy.endsWith("-lfu"));
        return noShared ? 1 : Integer.MAX_VALUE;
    }

    /**
     * Small integers that COPY duplicated: Redis's copy is a private object (refcount 1) although
     * its encoding is int. Arrays hash by identity, so this marks exactly those copies.
     */
    private static final Map<byte[], Boolean> UNSHARED = Collections.synchronizedMap(new WeakHashMap<>());

    static void objectIdletime(Client c) {
        Object v = objectLookup(c);
        if (v == null) return;
        if (c.engine.config().lfu()) {
            throw new RedisException("ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that "
                    + "when switching between policies at runtime LRU and LFU data will take some time to adjust.");
        }
        long idle = c.engine.now() / 1000 - accessOf(c.db, c.argv[2]);
        c.reply.integer(Math.max(0, idle));
    }

    static void objectFreq(Client c) {
        Object v = objectLookup(c);
        if (v == null) return;
        if (!c.engine.config().lfu()) {
            throw new RedisException("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please "
                    + "note that when switching between policies at runtime LRU and LFU data will take some time to adjust.");
        }
        c.reply.integer(Lfu.freq(accessOf(c.db, c.argv[2]), c.engine.now(), c.engine.config()));
    }
}
