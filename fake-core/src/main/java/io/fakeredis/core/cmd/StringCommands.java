package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.type.MutableString;
import io.fakeredis.core.type.StringValue;
import io.fakeredis.core.util.Bytes;
import io.fakeredis.core.util.LongDouble;
import java.nio.charset.StandardCharsets;

/** String commands, as Redis's t_string.c. */
public final class StringCommands {
    private StringCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "get" -> get(c);
            case "set" -> set(c);
            case "setnx" -> setnx(c);
            case "setex" -> setex(c);
            case "psetex" -> psetex(c);
            case "getex" -> getex(c);
            case "getdel" -> getdel(c);
            case "getset" -> getset(c);
            case "setrange" -> setrange(c);
            case "getrange" -> getrange(c);
            case "substr" -> getrange(c);
            case "mget" -> mget(c);
            case "mset" -> mset(c);
            case "msetnx" -> msetnx(c);
            case "incr" -> incrDecr(c, 1);
            case "decr" -> incrDecr(c, -1);
            case "incrby" -> incrby(c);
            case "decrby" -> decrby(c);
            case "incrbyfloat" -> incrbyfloat(c);
            case "append" -> append(c);
            case "strlen" -> strlen(c);
            case "lcs" -> lcs(c);
            default -> throw new IllegalStateException("not bound in StringCommands: " + name);
        }
    }

    // Option flags of SET and GETEX, as OBJ_* in t_string.c.
    private static final int SET_NX = 1;
    private static final int SET_XX = 1 << 1;
    private static final int EX = 1 << 2;
    private static final int PX = 1 << 3;
    private static final int KEEPTTL = 1 << 4;
    private static final int SET_GET = 1 << 5;
    private static final int EXAT = 1 << 6;
    private static final int PXAT = 1 << 7;
    private static final int PERSIST = 1 << 8;
    private static final int ANY_EXPIRE = EX | PX | EXAT | PXAT;
    /** parseExtended keeps the index of the expire argument above the flag bits. */
    private static final int ARG_SHIFT = 32;

    private static final byte[] EMPTY = Bytes.EMPTY;

    /** The value as a string, null when absent; WRONGTYPE for other types. */
    private static Object checkString(Object v) {
        if (v != null && !StringValue.isString(v)) throw Errors.wrongType;
        return v;
    }

    /** checkStringLength: size + append must fit proto-max-bulk-len, overflow included. */
    private static void checkStringLength(Client c, long size, long append) {
        long total = size + append;
        long max = Math.min(c.engine.config().protoMaxBulkLen(), Integer.MAX_VALUE - 16);
        if (total > max || total < size || total < append) {
            throw new RedisException("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
    }

    // ---- GET and SET families ----

    static void get(Client c) {
        getGeneric(c);
    }

    /** getGenericCommand: replies the value or nil; WRONGTYPE for other types. */
    private static Object getGeneric(Client c) {
        Object v = checkString(c.db.lookupRead(c.argv[1]));
        if (v == null) c.reply.nullBulk();
        else c.reply.bulk(StringValue.bytes(v));
        return v;
    }

    /**
     * parseExtendedStringArgumentsOrReply: SET takes NX/XX/GET, GETEX takes PERSIST, both take
     * one of EX/PX/EXAT/PXAT (and SET also KEEPTTL). Returns flags with the expire argument's index.
     */
    private static long parseExtended(Client c, boolean set) {
        long flags = 0;
        byte[][] argv = c.argv;
        for (int j = set ? 3 : 2; j < argv.length; j++) {
            byte[] opt = argv[j];
            boolean next = j < argv.length - 1;
            if (set && Bytes.eq(opt, "nx") && (flags & SET_XX) == 0) {
                flags |= SET_NX;
            } else if (set && Bytes.eq(opt, "xx") && (flags & SET_NX) == 0) {
                flags |= SET_XX;
            } else if (set && Bytes.eq(opt, "get")) {
                flags |= SET_GET;
            } else if (set && Bytes.eq(opt, "keepttl") && (flags & (PERSIST | ANY_EXPIRE)) == 0) {
                flags |= KEEPTTL;
            } else if (!set && Bytes.eq(opt, "persist") && (flags & (ANY_EXPIRE | KEEPTTL)) == 0) {
                flags |= PERSIST;
            } else if (next && Bytes.eq(opt, "ex") && (flags & (KEEPTTL | PERSIST | EXAT | PX | PXAT)) == 0) {
                flags = withArg(flags, EX, ++j);
            } else if (next && Bytes.eq(opt, "px") && (flags & (KEEPTTL | PERSIST | EX | EXAT | PXAT)) == 0) {
                flags = withArg(flags, PX, ++j);
            } else if (next && Bytes.eq(opt, "exat") && (flags & (KEEPTTL | PERSIST | EX | PX | PXAT)) == 0) {
                flags = withArg(flags, EXAT, ++j);
            } else if (next && Bytes.eq(opt, "pxat") && (flags & (KEEPTTL | PERSIST | EX | EXAT | PX)) == 0) {
                flags = withArg(flags, PXAT, ++j);
            } else {
                throw Errors.syntax;
            }
        }
        return flags;
    }

    /** Sets an expire flag and records its argument; a repeated option's last argument wins, as in Redis. */
    private static long withArg(long flags, int flag, int argIndex) {
        return (flags & 0xffffL) | flag | ((long) argIndex << ARG_SHIFT);
    }

    private static RedisException invalidExpire(Client c) {
        return new RedisException(String.format(Errors.INVALID_EXPIRE, c.cmd.fullName));
    }

    /** getExpireMillisecondsOrReply: the absolute expiry time in ms. */
    private static long expireMillis(Client c, byte[] arg, int flags, boolean seconds) {
        long ms = Bytes.toLong(arg);
        if (ms <= 0 || (seconds && ms > Long.MAX_VALUE / 1000)) throw invalidExpire(c);
        if (seconds) ms *= 1000;
        if ((flags & (EX | PX)) != 0) ms += c.engine.now(); // wraps negative on overflow, like C
        if (ms <= 0) throw invalidExpire(c);
        return ms;
    }

    /**
     * setGenericCommand. expireArg is null for no TTL; okReply/abortReply select the SETNX
     * integer replies instead of +OK and nil.
     */
    private static void setGeneric(Client c, int flags, byte[] key, byte[] val, byte[] expireArg, boolean seconds,
                                   boolean integerReplies) {
        long when = 0;
        if (expireArg != null) when = expireMillis(c, expireArg, flags, seconds);
        if ((flags & SET_GET) != 0) getGeneric(c);
        boolean found = c.db.lookupWrite(key) != null;
        if (((flags & SET_NX) != 0 && found) || ((flags & SET_XX) != 0 && !found)) {
            if ((flags & SET_GET) == 0) {
                if (integerReplies) c.reply.integer(0);
                else c.reply.nullBulk();
            }
            return;
        }
        c.db.setKey(key, val, (flags & KEEPTTL) != 0);
        c.engine.notify(Notify.STRING, "set", c.db, key);
        if (expireArg != null) {
            c.db.setExpire(key, when);
            c.engine.notify(Notify.GENERIC, "expire", c.db, key);
        }
        if ((flags & SET_GET) == 0) {
            if (integerReplies) c.reply.integer(1);
            else c.reply.ok();
        }
    }

    static void set(Client c) {
        long parsed = parseExtended(c, true);
        int arg = (int) (parsed >>> ARG_SHIFT);
        int flags = (int) parsed & 0xffff;
        byte[] expire = arg == 0 ? null : c.argv[arg];
        setGeneric(c, flags, c.argv[1], c.argv[2], expire, (flags & (PX | PXAT)) == 0, false);
    }

    static void setnx(Client c) {
        setGeneric(c, SET_NX, c.argv[1], c.argv[2], null, true, true);
    }

    static void setex(Client c) {
        setGeneric(c, EX, c.argv[1], c.argv[3], c.argv[2], true, false);
    }

    static void psetex(Client c) {
        setGeneric(c, PX, c.argv[1], c.argv[3], c.argv[2], false, false);
    }

    static void getex(Client c) {
        long parsed = parseExtended(c, false);
        int arg = (int) (parsed >>> ARG_SHIFT);
        int flags = (int) parsed & 0xffff;
        byte[] key = c.argv[1];
        Object v = checkString(c.db.lookupRead(key));
        if (v == null) {
            c.reply.nullBulk();
            return;
        }
        long when = 0;
        if (arg != 0) when = expireMillis(c, c.argv[arg], flags, (flags & (PX | PXAT)) == 0);
        c.reply.bulk(StringValue.bytes(v));
        if ((flags & (PXAT | EXAT)) != 0 && when <= c.engine.now()) {
            // an absolute time already past deletes the key
            c.db.delete(key);
            c.engine.notify(Notify.GENERIC, "del", c.db, key);
        } else if (arg != 0) {
            c.db.setExpire(key, when);
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.GENERIC, "expire", c.db, key);
        } else if ((flags & PERSIST) != 0) {
            if (c.db.persist(key)) {
                c.db.signalModifiedKey(key);
                c.engine.notify(Notify.GENERIC, "persist", c.db, key);
            }
        }
    }

    static void getdel(Client c) {
        if (getGeneric(c) == null) return;
        if (c.db.delete(c.argv[1])) c.engine.notify(Notify.GENERIC, "del", c.db, c.argv[1]);
    }

    static void getset(Client c) {
        getGeneric(c);
        c.db.setKey(c.argv[1], c.argv[2], false);
        c.engine.notify(Notify.STRING, "set", c.db, c.argv[1]);
    }

    static void mget(Client c) {
        int n = c.argc() - 1;
        c.reply.array(n);
        for (int j = 1; j <= n; j++) {
            Object v = c.db.lookupRead(c.argv[j]);
            if (v == null || !StringValue.isString(v)) c.reply.nullBulk();
            else c.reply.bulk(StringValue.bytes(v));
        }
    }

    static void mset(Client c) {
        msetGeneric(c, false);
    }

    static void msetnx(Client c) {
        msetGeneric(c, true);
    }

    private static void msetGeneric(Client c, boolean nx) {
        if (c.argc() % 2 == 0) throw new RedisException(Errors.wrongArgs(c.cmd.fullName));
        if (nx) {
            for (int j = 1; j < c.argc(); j += 2) {
                if (c.db.lookupWrite(c.argv[j]) != null) {
                    c.reply.integer(0);
                    return;
                }
            }
        }
        for (int j = 1; j < c.argc(); j += 2) {
            c.db.setKey(c.argv[j], c.argv[j + 1], false);
            c.engine.notify(Notify.STRING, "set", c.db, c.argv[j]);
        }
        if (nx) c.reply.integer(1);
        else c.reply.ok();
    }

    // ---- ranges and lengths ----

    static void setrange(Client c) {
        byte[] key = c.argv[1];
        long offset = Bytes.toLong(c.argv[2]);
        byte[] value = c.argv[3];
        if (offset < 0) throw new RedisException("ERR offset is out of range");
        Object o = c.db.lookupWrite(key);
        MutableString s;
        if (o == null) {
            if (value.length == 0) {
                c.reply.integer(0);
                return;
            }
            checkStringLength(c, offset, value.length);
            s = MutableString.zeros((int) offset + value.length);
            c.db.add(key, s);
        } else {
            checkString(o);
            int olen = StringValue.length(o);
            if (value.length == 0) {
                c.reply.integer(olen);
                return;
            }
            checkStringLength(c, offset, value.length);
            s = unshare(c, key, o, (int) Math.max(0, offset + value.length - olen));
        }
        s.setRange((int) offset, value);
        if (o != null) c.db.signalModifiedKey(key);
        c.engine.notify(Notify.STRING, "setrange", c.db, key);
        c.reply.integer(s.length());
    }

    /** dbUnshareStringValue: the key's value as an editable raw string. */
    private static MutableString unshare(Client c, byte[] key, Object o, int growth) {
        if (o instanceof MutableString) return (MutableString) o;
        MutableString s = MutableString.raw((byte[]) o, growth);
        c.db.replaceValue(key, s);
        return s;
    }

    static void getrange(Client c) {
        long start = Bytes.toLong(c.argv[2]);
        long end = Bytes.toLong(c.argv[3]);
        Object o = checkString(c.db.lookupRead(c.argv[1]));
        if (o == null) {
            c.reply.bulk(EMPTY);
            return;
        }
        long strlen = StringValue.length(o);
        if (start < 0 && end < 0 && start > end) {
            c.reply.bulk(EMPTY);
            return;
        }
        if (start < 0) start = strlen + start;
        if (end < 0) end = strlen + end;
        if (start < 0) start = 0;
        if (end < 0) end = 0;
        if (end >= strlen) end = strlen - 1;
        if (start > end || strlen == 0) {
            c.reply.bulk(EMPTY);
            return;
        }
        if (o instanceof MutableString && end - start + 1 < strlen) {
            // a slice straight from the growable buffer; a whole value goes through bytes(), which
            // marks the array shared so a later edit cannot change what a sink may have kept
            c.reply.bulk(((MutableString) o).buffer(), (int) start, (int) (end - start + 1));
        } else if (o instanceof MutableString) {
            c.reply.bulk(((MutableString) o).bytes());
        } else {
            c.reply.bulk((byte[]) o, (int) start, (int) (end - start + 1));
        }
    }

    static void strlen(Client c) {
        Object o = checkString(c.db.lookupRead(c.argv[1]));
        c.reply.integer(o == null ? 0 : StringValue.length(o));
    }

    static void append(Client c) {
        byte[] key = c.argv[1];
        byte[] tail = c.argv[2];
        Object o = c.db.lookupWrite(key);
        long total;
        if (o == null) {
            c.db.add(key, tail);
            total = tail.length;
        } else {
            checkString(o);
            int len = StringValue.length(o);
            checkStringLength(c, len, tail.length);
            MutableString s = unshare(c, key, o, tail.length);
            s.append(tail);
            total = s.length();
            c.db.signalModifiedKey(key);
        }
        c.engine.notify(Notify.STRING, "append", c.db, key);
        c.reply.integer(total);
    }

    // ---- counters ----

    static void incrby(Client c) {
        incrDecr(c, Bytes.toLong(c.argv[2]));
    }

    static void decrby(Client c) {
        long incr = Bytes.toLong(c.argv[2]);
        if (incr == Long.MIN_VALUE) throw new RedisException("ERR decrement would overflow");
        incrDecr(c, -incr);
    }

    private static void incrDecr(Client c, long incr) {
        byte[] key = c.argv[1];
        Object o = checkString(c.db.lookupWrite(key));
        long value = 0;
        if (o != null) value = Bytes.toLong(StringValue.bytes(o));
        if ((incr < 0 && value < 0 && incr < Long.MIN_VALUE - value)
                || (incr > 0 && value > 0 && incr > Long.MAX_VALUE - value)) {
            throw new RedisException(Errors.OVERFLOW);
        }
        value += incr;
        byte[] nv = Bytes.fromLong(value);
        if (o != null) c.db.setKey(key, nv, true);
        else c.db.add(key, nv);
        c.engine.notify(Notify.STRING, "incrby", c.db, key);
        c.reply.integer(value);
    }

    static void incrbyfloat(Client c) {
        byte[] key = c.argv[1];
        Object o = checkString(c.db.lookupWrite(key));
        LongDouble value = LongDouble.ZERO;
        if (o != null) {
            value = LongDouble.parse(StringValue.bytes(o));
            if (value == null) throw Errors.notFloat;
        }
        LongDouble incr = LongDouble.parse(c.argv[2]);
        if (incr == null) throw Errors.notFloat;
        value = value.add(incr);
        if (value.isNaN() || value.isInfinite()) {
            throw new RedisException("ERR increment would produce NaN or Infinity");
        }
        byte[] nv = value.toHumanString().getBytes(StandardCharsets.US_ASCII);
        // createStringObject never int-encodes: an integral result must still say embstr
        Object stored = nv.length <= 20 && Bytes.isLong(nv) ? MutableString.plain(nv) : nv;
        if (o != null) c.db.setKey(key, stored, true);
        else c.db.add(key, stored);
        c.engine.notify(Notify.STRING, "incrbyfloat", c.db, key);
        c.reply.bulk(nv);
    }

    // ---- LCS ----

    static void lcs(Client c) {
        Object oa = c.db.lookupRead(c.argv[1]);
        Object ob = c.db.lookupRead(c.argv[2]);
        if ((oa != null && !StringValue.isString(oa)) || (ob != null && !StringValue.isString(ob))) {
            throw new RedisException("ERR The specified keys must contain string values");
        }
        byte[] a = oa == null ? EMPTY : StringValue.bytes(oa);
        byte[] b = ob == null ? EMPTY : StringValue.bytes(ob);
        boolean getlen = false, getidx = false, withmatchlen = false;
        long minmatchlen = 0;
        for (int j = 3; j < c.argc(); j++) {
            byte[] opt = c.argv[j];
            int more = c.argc() - 1 - j;
            if (Bytes.eq(opt, "idx")) {
                getidx = true;
            } else if (Bytes.eq(opt, "len")) {
                getlen = true;
            } else if (Bytes.eq(opt, "withmatchlen")) {
                withmatchlen = true;
            } else if (Bytes.eq(opt, "minmatchlen") && more > 0) {
                minmatchlen = Bytes.toLong(c.argv[j + 1]);
                if (minmatchlen < 0) minmatchlen = 0;
                j++;
            } else {
                throw Errors.syntax;
            }
        }
        if (getlen && getidx) {
            throw new RedisException("ERR If you want both the length and indexes, please just use IDX.");
        }
        int alen = a.length, blen = b.length;
        long cells = (long) (alen + 1) * (blen + 1);
        if (cells > Long.MAX_VALUE / 4 || cells * 4 > c.engine.config().protoMaxBulkLen()) {
            throw new RedisException("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
        }
        int[] lcs;
        try {
            if (cells > Integer.MAX_VALUE - 16) throw new OutOfMemoryError();
            lcs = new int[(int) cells];
        } catch (OutOfMemoryError e) {
            throw new RedisException("ERR Insufficient memory, failed allocating transient memory for LCS");
        }
        int w = blen + 1;
        // lcs[i*w+j] is the LCS length of a[0..i-1] and b[0..j-1]; row and column 0 stay zero
        for (int i = 1; i <= alen; i++) {
            byte ai = a[i - 1];
            int row = i * w, prev = row - w;
            for (int j = 1; j <= blen; j++) {
                if (ai == b[j - 1]) {
                    lcs[row + j] = lcs[prev + j - 1] + 1;
                } else {
                    int l1 = lcs[prev + j], l2 = lcs[row + j - 1];
                    lcs[row + j] = l1 > l2 ? l1 : l2;
                }
            }
        }
        int total = lcs[alen * w + blen];
        int idx = total;
        boolean computelcs = getidx || !getlen;
        byte[] result = computelcs ? new byte[total] : null;
        // Ranges are collected first: the reply needs their count up front (Redis defers it).
        int[] ranges = getidx ? new int[16] : null;
        int nranges = 0;
        int arangeStart = alen, arangeEnd = 0, brangeStart = 0, brangeEnd = 0;
        int i = alen, j = blen;
        while (computelcs && i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                result[idx - 1] = a[i - 1];
                if (arangeStart == alen) {
                    arangeStart = i - 1;
                    arangeEnd = i - 1;
                    brangeStart = j - 1;
                    brangeEnd = j - 1;
                } else if (arangeStart == i && brangeStart == j) {
                    // contiguous: extend the range backward
                    arangeStart--;
                    brangeStart--;
                } else {
                    emit = true;
                }
                if (arangeStart == 0 || brangeStart == 0) emit = true;
                idx--;
                i--;
                j--;
            } else {
                int l1 = lcs[(i - 1) * w + j], l2 = lcs[i * w + j - 1];
                if (l1 > l2) i--;
                else j--;
                if (arangeStart != alen) emit = true;
            }
            int matchLen = arangeEnd - arangeStart + 1;
            if (emit) {
                if ((minmatchlen == 0 || matchLen >= minmatchlen) && ranges != null) {
                    if (nranges * 5 + 5 > ranges.length) ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
                    int k = nranges * 5;
                    ranges[k] = arangeStart;
                    ranges[k + 1] = arangeEnd;
                    ranges[k + 2] = brangeStart;
                    ranges[k + 3] = brangeEnd;
                    ranges[k + 4] = matchLen;
                    nranges++;
                }
                arangeStart = alen; // restart at the next match
            }
        }
        if (getidx) {
            c.reply.map(2);
            c.reply.bulk("matches");
            c.reply.array(nranges);
            for (int r = 0; r < nranges; r++) {
                int k = r * 5;
                c.reply.array(withmatchlen ? 3 : 2);
                c.reply.array(2);
                c.reply.integer(ranges[k]);
                c.reply.integer(ranges[k + 1]);
                c.reply.array(2);
                c.reply.integer(ranges[k + 2]);
                c.reply.integer(ranges[k + 3]);
                if (withmatchlen) c.reply.integer(ranges[k + 4]);
            }
            c.reply.bulk("len");
            c.reply.integer(total);
        } else if (getlen) {
            c.reply.integer(total);
        } else {
            c.reply.bulk(result);
        }
    }
}
