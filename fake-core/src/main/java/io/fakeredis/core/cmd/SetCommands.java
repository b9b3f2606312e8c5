package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.util.ByteKey;
import io.fakeredis.core.type.SetValue;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/** Set commands, as Redis 7.0's t_set.c. */
public final class SetCommands {
    private SetCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "sadd" -> sadd(c);
            case "srem" -> srem(c);
            case "scard" -> scard(c);
            case "sismember" -> sismember(c);
            case "smismember" -> smismember(c);
            case "smembers" -> sinter(c, 1, 1, null, false, 0);
            case "srandmember" -> srandmember(c);
            case "spop" -> spop(c);
            case "smove" -> smove(c);
            case "sinter" -> sinter(c, 1, c.argc() - 1, null, false, 0);
            case "sinterstore" -> sinter(c, 2, c.argc() - 2, c.argv[1], false, 0);
            case "sintercard" -> sintercard(c);
            case "sunion" -> setOp(c, 1, c.argc() - 1, null, UNION);
            case "sunionstore" -> setOp(c, 2, c.argc() - 2, c.argv[1], UNION);
            case "sdiff" -> setOp(c, 1, c.argc() - 1, null, DIFF);
            case "sdiffstore" -> setOp(c, 2, c.argc() - 2, c.argv[1], DIFF);
            case "sscan" -> sscan(c);
            default -> throw new IllegalStateException("not bound in SetCommands: " + name);
        }
    }

    private static final int UNION = 0, DIFF = 1;

    static SetValue readSet(Client c, byte[] key) {
        return Database.typed(c.db.lookupRead(key), SetValue.class);
    }

    static SetValue writeSet(Client c, byte[] key) {
        return Database.typed(c.db.lookupWrite(key), SetValue.class);
    }

    static void sadd(Client c) {
        byte[] key = c.argv[1];
        SetValue s = writeSet(c, key);
        long max = SetValue.maxIntset(c.engine.config());
        if (s == null) {
            s = SetValue.forFirst(c.argv[2]);
            c.db.add(key, s);
        }
        int added = 0;
        for (int j = 2; j < c.argc(); j++) if (s.add(c.argv[j], max)) added++;
        if (added > 0) {
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.SET, "sadd", c.db, key);
        }
        c.reply.integer(added);
    }

    static void srem(Client c) {
        byte[] key = c.argv[1];
        SetValue s = writeSet(c, key);
        if (s == null) {
            c.reply.integer(0);
            return;
        }
        int removed = 0;
        boolean keyRemoved = false;
        for (int j = 2; j < c.argc(); j++) {
            if (s.remove(c.argv[j])) {
                removed++;
                if (s.size() == 0) {
                    c.db.delete(key);
                    keyRemoved = true;
                    break;
                }
            }
        }
        if (removed > 0) {
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.SET, "srem", c.db, key);
            if (keyRemoved) c.engine.notify(Notify.GENERIC, "del", c.db, key);
        }
        c.reply.integer(removed);
    }

    static void scard(Client c) {
        SetValue s = readSet(c, c.argv[1]);
        c.reply.integer(s == null ? 0 : s.size());
    }

    static void sismember(Client c) {
        SetValue s = readSet(c, c.argv[1]);
        c.reply.integer(s != null && s.contains(c.argv[2]) ? 1 : 0);
    }

    static void smismember(Client c) {
        SetValue s = readSet(c, c.argv[1]);
        c.reply.array(c.argc() - 2);
        for (int j = 2; j < c.argc(); j++) c.reply.integer(s != null && s.contains(c.argv[j]) ? 1 : 0);
    }

    static void smove(Client c) {
        byte[] src = c.argv[1], dst = c.argv[2], m = c.argv[3];
        Object sv = c.db.lookupWrite(src);
        Object dv = c.db.lookupWrite(dst);
        if (sv == null) {
            c.reply.integer(0);
            return;
        }
        SetValue s = Database.typed(sv, SetValue.class);
        SetValue d = Database.typed(dv, SetValue.class);
        if (s == d) {
            c.reply.integer(s.contains(m) ? 1 : 0);
            return;
        }
        if (!s.remove(m)) {
            c.reply.integer(0);
            return;
        }
        c.engine.notify(Notify.SET, "srem", c.db, src);
        if (s.size() == 0) {
            c.db.delete(src);
            c.engine.notify(Notify.GENERIC, "del", c.db, src);
        }
        if (d == null) {
            d = SetValue.forFirst(m);
            c.db.addSignalLater(dst, d); // smoveCommand signals the source first
        }
        c.db.signalModifiedKey(src);
        if (d.add(m, SetValue.maxIntset(c.engine.config()))) {
            c.db.signalModifiedKey(dst);
            c.engine.notify(Notify.SET, "sadd", c.db, dst);
        }
        c.reply.integer(1);
    }

    static void spop(Client c) {
        if (c.argc() == 3) {
            spopCount(c);
            return;
        }
        if (c.argc() > 3) throw Errors.syntax;
        byte[] key = c.argv[1];
        SetValue s = writeSet(c, key);
        if (s == null) {
            c.reply.nullBulk();
            return;
        }
        byte[] m = s.pop(c.engine.random);
        c.engine.notify(Notify.SET, "spop", c.db, key);
        c.reply.bulk(m);
        if (s.size() == 0) {
            c.db.delete(key);
            c.engine.notify(Notify.GENERIC, "del", c.db, key);
        }
        c.db.signalModifiedKey(key);
    }

    private static void spopCount(Client c) {
        long count = positive(c.argv[2], "ERR value is out of range, must be positive");
        byte[] key = c.argv[1];
        SetValue s = writeSet(c, key);
        if (s == null || count == 0) {
            c.reply.set(0);
            return;
        }
        c.engine.notify(Notify.SET, "spop", c.db, key);
        if (count >= s.size()) {
            List<byte[]> all = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) all.add(s.get(i));
            replyBuilt(c, all);
            c.db.delete(key);
            c.engine.notify(Notify.GENERIC, "del", c.db, key);
            c.db.signalModifiedKey(key);
            return;
        }
        c.reply.set((int) count);
        for (long i = 0; i < count; i++) c.reply.bulk(s.pop(c.engine.random));
        c.db.signalModifiedKey(key);
    }

    /** getPositiveLongFromObjectOrReply with a message: the message for any failure. */
    static long positive(byte[] arg, String msg) {
        long[] out = new long[1];
        if (!Bytes.parseLong(arg, 0, arg.length, out) || out[0] < 0) throw new RedisException(msg);
        return out[0];
    }

    static void srandmember(Client c) {
        if (c.argc() > 3) throw Errors.syntax;
        if (c.argc() == 2) {
            SetValue s = readSet(c, c.argv[1]);
            if (s == null) c.reply.nullBulk();
            else c.reply.bulk(s.random(c.engine.random));
            return;
        }
        long l = Bytes.toLong(c.argv[2]);
        if (l == Long.MIN_VALUE) {
            throw new RedisException("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
        }
        boolean uniq = l >= 0;
        long count = Math.abs(l);
        SetValue s = readSet(c, c.argv[1]);
        if (s == null || count == 0) {
            c.reply.array(0);
            return;
        }
        if (!uniq || count == 1) {
            c.reply.array((int) count);
            for (long i = 0; i < count; i++) c.reply.bulk(s.random(c.engine.random));
            return;
        }
        int n = s.size();
        if (count >= n) {
            c.reply.array(n);
            for (int i = 0; i < n; i++) c.reply.bulk(s.get(i));
            return;
        }
        // distinct picks: a partial Fisher-Yates over the indexes
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        c.reply.array((int) count);
        for (int i = 0; i < count; i++) {
            int j = i + c.engine.random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            c.reply.bulk(s.get(idx[i]));
        }
    }

    static void sintercard(Client c) {
        long numkeys = positive(c.argv[1], "ERR numkeys should be greater than 0");
        if (numkeys == 0) throw new RedisException("ERR numkeys should be greater than 0");
        if (numkeys > c.argc() - 2) throw new RedisException("ERR Number of keys can't be greater than number of args");
        long limit = 0;
        for (int j = 2 + (int) numkeys; j < c.argc(); j++) {
            if (Bytes.eq(c.argv[j], "limit") && j + 1 < c.argc()) {
                limit = positive(c.argv[++j], "ERR LIMIT can't be negative");
            } else {
                throw Errors.syntax;
            }
        }
        sinter(c, 2, (int) numkeys, null, true, limit);
    }

    /** SINTER, SINTERSTORE and SINTERCARD, as sinterGenericCommand. */
    static void sinter(Client c, int first, int n, byte[] dst, boolean cardOnly, long limit) {
        SetValue[] sets = new SetValue[n];
        boolean empty = false;
        for (int j = 0; j < n; j++) {
            byte[] k = c.argv[first + j];
            Object v = dst != null ? c.db.lookupWrite(k) : c.db.lookupRead(k);
            if (v == null) {
                empty = true;
                continue;
            }
            sets[j] = Database.typed(v, SetValue.class);
        }
        if (empty) {
            if (dst != null) {
                if (c.db.delete(dst)) c.engine.notify(Notify.GENERIC, "del", c.db, dst);
                c.reply.integer(0);
            } else if (cardOnly) {
                c.reply.integer(0);
            } else {
                c.reply.set(0);
            }
            return;
        }
        Arrays.sort(sets, Comparator.comparingInt(SetValue::size));
        List<byte[]> out = new ArrayList<>();
        long card = 0;
        SetValue small = sets[0];
        for (int i = 0; i < small.size(); i++) {
            byte[] m = small.get(i);
            boolean all = true;
            for (int j = 1; j < n && all; j++) {
                if (sets[j] != small && !sets[j].contains(m)) all = false;
            }
            if (!all) continue;
            if (cardOnly) {
                card++;
                if (limit != 0 && card >= limit) break;
            } else {
                out.add(m);
            }
        }
        if (cardOnly) {
            c.reply.integer(card);
            return;
        }
        if (dst == null) {
            c.reply.set(out.size());
            for (byte[] m : out) c.reply.bulk(m);
            return;
        }
        store(c, dst, out, "sinterstore");
    }

    private static void store(Client c, byte[] dst, List<byte[]> members, String event) {
        if (members.isEmpty()) {
            c.reply.integer(0);
            if (c.db.delete(dst)) c.engine.notify(Notify.GENERIC, "del", c.db, dst);
            return;
        }
        long max = SetValue.maxIntset(c.engine.config());
        SetValue d = new SetValue();
        for (byte[] m : members) d.add(m, max);
        c.db.setKey(dst, d, false);
        c.reply.integer(d.size());
        c.engine.notify(Notify.SET, event, c.db, dst);
    }

    /** SUNION, SDIFF, SMEMBERS and their STORE forms, as sunionDiffGenericCommand. */
    static void setOp(Client c, int first, int n, byte[] dst, int op) {
        SetValue[] sets = new SetValue[n];
        for (int j = 0; j < n; j++) {
            byte[] k = c.argv[first + j];
            Object v = dst != null ? c.db.lookupWrite(k) : c.db.lookupRead(k);
            sets[j] = Database.typed(v, SetValue.class);
        }
        List<byte[]> out = new ArrayList<>();
        HashSet<ByteKey> seen = new HashSet<>();
        if (op == UNION) {
            for (SetValue s : sets) {
                if (s == null) continue;
                for (int i = 0; i < s.size(); i++) {
                    byte[] m = s.get(i);
                    if (seen.add(new ByteKey(m))) out.add(m);
                }
            }
        } else if (sets[0] != null) {
            SetValue s0 = sets[0];
            for (int i = 0; i < s0.size(); i++) {
                byte[] m = s0.get(i);
                boolean keep = true;
                for (int j = 1; j < n && keep; j++) {
                    if (sets[j] == s0 || (sets[j] != null && sets[j].contains(m))) keep = false;
                }
                if (keep) out.add(m);
            }
        }
        if (dst == null) {
            replyBuilt(c, out);
            return;
        }
        store(c, dst, out, op == UNION ? "sunionstore" : "sdiffstore");
    }

    /** Replies with a set Redis builds afresh (starting as an intset), so all-integer results come out sorted. */
    static void replyBuilt(Client c, List<byte[]> out) {
        if (isAllIntegers(out) && out.size() <= SetValue.maxIntset(c.engine.config())) {
            out.sort(SetCommands::compareAsLongs);
        }
        c.reply.set(out.size());
        for (byte[] m : out) c.reply.bulk(m);
    }

    private static boolean isAllIntegers(List<byte[]> l) {
        for (byte[] m : l) if (!Bytes.isLong(m)) return false;
        return true;
    }

    private static int compareAsLongs(byte[] a, byte[] b) {
        return Long.compare(Bytes.toLong(a), Bytes.toLong(b));
    }

    static void sscan(Client c) {
        long cursor = parseCursor(c.argv[2]);
        SetValue s = readSet(c, c.argv[1]);
        if (s == null) {
            emptyScan(c);
            return;
        }
        ScanArgs a = ScanArgs.parse(c, 3);
        List<byte[]> out = new ArrayList<>();
        long next;
        if (s.isIntset()) {
            for (int i = 0; i < s.size(); i++) out.add(s.get(i));
            next = 0;
        } else {
            // walks the dense array downwards: swap-removal only moves visited members into unvisited slots
            long p = cursor == 0 ? s.size() : Math.min(cursor, s.size());
            long steps = a.count;
            while (p > 0 && steps-- > 0) out.add(s.get((int) --p));
            next = p;
        }
        if (a.pattern != null) out.removeIf(m -> !a.matches(m));
        c.reply.array(2);
        c.reply.bulk(Long.toUnsignedString(next));
        c.reply.array(out.size());
        for (byte[] m : out) c.reply.bulk(m);
    }

    static void emptyScan(Client c) {
        c.reply.array(2);
        c.reply.bulk("0");
        c.reply.array(0);
    }

    /** parseScanCursorOrReply: C strtoul, so an optional sign is accepted and "-1" wraps. */
    static long parseCursor(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == ' ' || (b[i] >= 9 && b[i] <= 13))) i++;
        boolean neg = false;
        if (i < b.length && (b[i] == '+' || b[i] == '-')) neg = b[i++] == '-';
        int start = i;
        long v = 0;
        for (; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) throw new RedisException("ERR invalid cursor");
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0) throw new RedisException("ERR invalid cursor");
            long nv = v * 10 + d;
            if (Long.compareUnsigned(nv, v * 10) < 0) throw new RedisException("ERR invalid cursor");
            v = nv;
        }
        if (i == start) throw new RedisException("ERR invalid cursor");
        return neg ? -v : v;
    }

    /** MATCH and COUNT of the SCAN family. */
    static final class ScanArgs {
        byte[] pattern;
        long count = 10;

        static ScanArgs parse(Client c, int from) {
            ScanArgs a = new ScanArgs();
            for (int j = from; j < c.argc(); j++) {
                int left = c.argc() - j - 1;
                if (Bytes.eq(c.argv[j], "count") && left >= 1) {
                    a.count = Bytes.toLong(c.argv[++j]);
                    if (a.count < 1) throw Errors.syntax;
                } else if (Bytes.eq(c.argv[j], "match") && left >= 1) {
                    a.pattern = c.argv[++j];
                    // "*" matches everything: Redis skips the filter too
                    if (a.pattern.length == 1 && a.pattern[0] == '*') a.pattern = null;
                } else {
                    throw Errors.syntax;
                }
            }
            return a;
        }

        boolean matches(byte[] s) {
            return pattern == null || io.fakeredis.core.util.Glob.match(pattern, s);
        }
    }

}
