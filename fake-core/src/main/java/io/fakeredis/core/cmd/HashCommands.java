package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.type.HashValue;
import io.fakeredis.core.util.Bytes;
import io.fakeredis.core.util.LongDouble;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Hash commands, as Redis 7.0's t_hash.c. */
public final class HashCommands {
    private HashCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "hset" -> hset(c, false);
            case "hmset" -> hset(c, true);
            case "hsetnx" -> hsetnx(c);
            case "hget" -> hget(c);
            case "hmget" -> hmget(c);
            case "hdel" -> hdel(c);
            case "hlen" -> hlen(c);
            case "hstrlen" -> hstrlen(c);
            case "hexists" -> hexists(c);
            case "hkeys" -> getall(c, true, false);
            case "hvals" -> getall(c, false, true);
            case "hgetall" -> getall(c, true, true);
            case "hincrby" -> hincrby(c);
            case "hincrbyfloat" -> hincrbyfloat(c);
            case "hrandfield" -> hrandfield(c);
            case "hscan" -> hscan(c);
            default -> throw new IllegalStateException("not bound in HashCommands: " + name);
        }
    }

    static HashValue read(Client c, byte[] key) {
        return Database.typed(c.db.lookupRead(key), HashValue.class);
    }

    /** The hash at key for a write, created (but not yet added to the db) when absent. */
    private static HashValue writeOrNew(Client c, byte[] key, boolean[] created) {
        HashValue h = Database.typed(c.db.lookupWrite(key), HashValue.class);
        if (h == null) {
            h = new HashValue();
            created[0] = true;
        }
        return h;
    }

    /**
     * Adds a new hash to the db. HSET, HSETNX and HINCRBY(FLOAT) reply before they signal the
     * change, as Redis's do: they call signalModifiedKey after the reply.
     */
    private static void store(Client c, byte[] key, HashValue h, boolean created) {
        if (created) c.db.addSignalLater(key, h);
    }

    /** hashTypeTryConversion: any long argument turns a listpack hash into a hashtable. */
    private static void tryConversion(Client c, HashValue h, int from, int to) {
        if (h.isHashtable()) return;
        long max = c.engine.config().getLong("hash-max-listpack-value");
        for (int i = from; i <= to; i++) {
            if (c.argv[i].length > max) {
                h.convertToHashtable();
                return;
            }
        }
    }

    /** hashTypeSet: converts for a long field or value, sets, then converts past the entry limit. */
    private static boolean set(Client c, HashValue h, byte[] f, byte[] v) {
        if (!h.isHashtable()) {
            long max = c.engine.config().getLong("hash-max-listpack-value");
            if (f.length > max || v.length > max) h.convertToHashtable();
        }
        boolean created = h.put(f, v);
        if (!h.isHashtable() && h.size() > c.engine.config().getLong("hash-max-listpack-entries")) h.convertToHashtable();
        return created;
    }

    static void hset(Client c, boolean hmset) {
        if (c.argc() % 2 == 1) throw new RedisException(Errors.wrongArgs(c.cmd.fullName));
        byte[] key = c.argv[1];
        boolean[] created = new boolean[1];
        HashValue h = writeOrNew(c, key, created);
        tryConversion(c, h, 2, c.argc() - 1);
        int n = 0;
        for (int i = 2; i < c.argc(); i += 2) {
            if (set(c, h, c.argv[i], c.argv[i + 1])) n++;
        }
        store(c, key, h, created[0]);
        if (hmset) c.reply.ok();
        else c.reply.integer(n);
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.HASH, "hset", c.db, key);
    }

    static void hsetnx(Client c) {
        byte[] key = c.argv[1];
        boolean[] created = new boolean[1];
        HashValue h = writeOrNew(c, key, created);
        if (!created[0] && h.find(c.argv[2]) >= 0) {
            c.reply.integer(0);
            return;
        }
        tryConversion(c, h, 2, 3);
        set(c, h, c.argv[2], c.argv[3]);
        store(c, key, h, created[0]);
        c.reply.integer(1);
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.HASH, "hset", c.db, key);
    }

    static void hget(Client c) {
        HashValue h = read(c, c.argv[1]);
        byte[] v = h == null ? null : h.get(c.argv[2]);
        if (v == null) c.reply.nullBulk();
        else c.reply.bulk(v);
    }

    static void hmget(Client c) {
        HashValue h = read(c, c.argv[1]);
        c.reply.array(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
            byte[] v = h == null ? null : h.get(c.argv[i]);
            if (v == null) c.reply.nullBulk();
            else c.reply.bulk(v);
        }
    }

    static void hdel(Client c) {
        byte[] key = c.argv[1];
        HashValue h = Database.typed(c.db.lookupWrite(key), HashValue.class);
        if (h == null) {
            c.reply.integer(0);
            return;
        }
        int deleted = 0;
        boolean keyRemoved = false;
        for (int i = 2; i < c.argc(); i++) {
            if (h.remove(c.argv[i])) {
                deleted++;
                if (h.isEmpty()) {
                    c.db.delete(key);
                    keyRemoved = true;
                    break;
                }
            }
        }
        if (deleted > 0) {
            if (!keyRemoved) c.db.signalModifiedKey(key);
            c.engine.notify(Notify.HASH, "hdel", c.db, key);
            if (keyRemoved) c.engine.notify(Notify.GENERIC, "del", c.db, key);
        }
        c.reply.integer(deleted);
    }

    static void hlen(Client c) {
        HashValue h = read(c, c.argv[1]);
        c.reply.integer(h == null ? 0 : h.size());
    }

    static void hstrlen(Client c) {
        HashValue h = read(c, c.argv[1]);
        byte[] v = h == null ? null : h.get(c.argv[2]);
        c.reply.integer(v == null ? 0 : v.length);
    }

    static void hexists(Client c) {
        HashValue h = read(c, c.argv[1]);
        c.reply.integer(h != null && h.find(c.argv[2]) >= 0 ? 1 : 0);
    }

    static void getall(Client c, boolean fields, boolean values) {
        HashValue h = read(c, c.argv[1]);
        boolean both = fields && values;
        int n = h == null ? 0 : h.size();
        if (both) c.reply.map(n);
        else c.reply.array(n);
        for (int i = 0; i < n; i++) {
            if (fields) c.reply.bulk(h.fieldAt(i));
            if (values) c.reply.bulk(h.valueAt(i));
        }
    }

    static void hincrby(Client c) {
        long incr = Bytes.toLong(c.argv[3]);
        byte[] key = c.argv[1];
        boolean[] created = new boolean[1];
        HashValue h = writeOrNew(c, key, created);
        long value = 0;
        byte[] cur = h.get(c.argv[2]);
        if (cur != null) {
            long[] out = new long[1];
            if (!Bytes.parseLong(cur, 0, cur.length, out)) throw new RedisException("ERR hash value is not an integer");
            value = out[0];
        }
        if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
            throw new RedisException(Errors.OVERFLOW);
        }
        value += incr;
        set(c, h, c.argv[2], Bytes.fromLong(value));
        store(c, key, h, created[0]);
        c.reply.integer(value);
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.HASH, "hincrby", c.db, key);
    }

    static void hincrbyfloat(Client c) {
        LongDouble incr = LongDouble.parse(c.argv[3]);
        if (incr == null) throw Errors.notFloat;
        if (incr.isNaN() || incr.isInfinite()) throw new RedisException("ERR value is NaN or Infinity");
        byte[] key = c.argv[1];
        boolean[] created = new boolean[1];
        HashValue h = writeOrNew(c, key, created);
        LongDouble value = LongDouble.ZERO;
        byte[] cur = h.get(c.argv[2]);
        if (cur != null) {
            value = LongDouble.parse(cur);
            if (value == null) throw new RedisException("ERR hash value is not a float");
        }
        LongDouble sum = value.add(incr);
        if (sum.isNaN() || sum.isInfinite()) throw new RedisException("ERR increment would produce NaN or Infinity");
        byte[] out = sum.toHumanString().getBytes(StandardCharsets.US_ASCII);
        set(c, h, c.argv[2], out);
        store(c, key, h, created[0]);
        c.reply.bulk(out);
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.HASH, "hincrbyfloat", c.db, key);
    }

    static void hrandfield(Client c) {
        if (c.argc() == 2) {
            HashValue h = read(c, c.argv[1]);
            if (h == null) c.reply.nullBulk();
            else c.reply.bulk(h.fieldAt(c.engine.random.nextInt(h.size())));
            return;
        }
        long l = Bytes.toLong(c.argv[2]);
        if (l == Long.MIN_VALUE) {
            throw new RedisException("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
        }
        boolean withValues = false;
        if (c.argc() > 4 || (c.argc() == 4 && !Bytes.eq(c.argv[3], "withvalues"))) throw Errors.syntax;
        if (c.argc() == 4) {
            withValues = true;
            if (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2) throw new RedisException("ERR value is out of range");
        }
        boolean uniq = l >= 0;
        long count = uniq ? l : -l;
        HashValue h = read(c, c.argv[1]);
        if (h == null || count == 0) {
            c.reply.array(0);
            return;
        }
        int size = h.size();
        boolean pairs = withValues && c.resp() > 2;
        java.util.Random rnd = c.engine.random;
        if (!uniq || count == 1) {
            replyHeader(c, count, withValues);
            for (long k = 0; k < count; k++) replyEntry(c, h, rnd.nextInt(size), withValues, pairs);
            return;
        }
        if (count >= size) {
            replyHeader(c, size, withValues);
            for (int i = 0; i < size; i++) replyEntry(c, h, i, withValues, pairs);
            return;
        }
        // distinct random positions: a partial Fisher-Yates shuffle
        int n = (int) count;
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        for (int i = 0; i < n; i++) {
            int j = i + rnd.nextInt(size - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        replyHeader(c, n, withValues);
        for (int i = 0; i < n; i++) replyEntry(c, h, idx[i], withValues, pairs);
    }

    private static void replyHeader(Client c, long count, boolean withValues) {
        if (withValues && c.resp() == 2) c.reply.array((int) (count * 2));
        else c.reply.array((int) count);
    }

    private static void replyEntry(Client c, HashValue h, int i, boolean withValues, boolean pairs) {
        if (pairs) c.reply.array(2);
        c.reply.bulk(h.fieldAt(i));
        if (withValues) c.reply.bulk(h.valueAt(i));
    }

    /** Redis's parseScanCursorOrReply: an unsigned 64-bit decimal, as strtoul reads it. */
    static long parseCursor(byte[] b) {
        int i = 0;
        int n = b.length;
        boolean neg = false;
        if (n > 0 && (b[0] == '+' || b[0] == '-')) {
            neg = b[0] == '-';
            i = 1;
        }
        if (i == n) throw new RedisException("ERR invalid cursor");
        long v = 0;
        for (; i < n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) throw new RedisException("ERR invalid cursor");
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) throw new RedisException("ERR invalid cursor");
            long nv = v * 10 + d;
            if (Long.compareUnsigned(nv, v * 10) < 0) throw new RedisException("ERR invalid cursor");
            v = nv;
        }
        return neg ? -v : v;
    }

    static void hscan(Client c) {
        long cursor = parseCursor(c.argv[2]);
        HashValue h = read(c, c.argv[1]);
        if (h == null) {
            c.reply.array(2);
            c.reply.bulk(Bytes.fromLong(0));
            c.reply.array(0);
            return;
        }
        long count = 10;
        byte[] pat = null;
        for (int i = 3; i < c.argc(); ) {
            int j = c.argc() - i;
            if (Bytes.eq(c.argv[i], "count") && j >= 2) {
                count = Bytes.toLong(c.argv[i + 1]);
                if (count < 1) throw Errors.syntax;
                i += 2;
            } else if (Bytes.eq(c.argv[i], "match") && j >= 2) {
                byte[] p = c.argv[i + 1];
                pat = p.length == 1 && p[0] == '*' ? null : p;
                i += 2;
            } else {
                throw Errors.syntax;
            }
        }
        int from, to;
        long next;
        if (!h.isHashtable()) {
            // a listpack is returned whole in one call
            from = 0;
            to = h.size();
            next = 0;
        } else {
            // descending positions: a removal moves the last entry down into unvisited ground,
            // so every entry present for the whole scan is returned
            long bound = cursor == 0 ? h.size() : Math.min(cursor, h.size());
            if (Long.compareUnsigned(cursor, h.size()) > 0) bound = h.size();
            from = (int) Math.max(0, bound - count);
            to = (int) bound;
            next = from;
        }
        int[] keep = new int[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (pat == null || io.fakeredis.core.util.Glob.match(pat, h.fieldAt(i))) keep[n++] = i;
        }
        c.reply.array(2);
        c.reply.bulk(Long.toUnsignedString(next).getBytes(StandardCharsets.US_ASCII));
        c.reply.array(n * 2);
        for (int k = 0; k < n; k++) {
            c.reply.bulk(h.fieldAt(keep[k]));
            c.reply.bulk(h.valueAt(keep[k]));
        }
    }

}
