package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.type.HyperLogLog;
import io.fakeredis.core.type.MutableString;
import io.fakeredis.core.type.StringValue;
import io.fakeredis.core.util.Bytes;

/** HyperLogLog commands, as Redis 7.0's hyperloglog.c. An HLL is a plain string value. */
public final class HyperLogLogCommands {
    private HyperLogLogCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "pfadd" -> pfadd(c);
            case "pfcount" -> pfcount(c);
            case "pfmerge" -> pfmerge(c);
            case "pfdebug" -> pfdebug(c);
            case "pfselftest" -> pfselftest(c);
            default -> throw new IllegalStateException("not bound in HyperLogLogCommands: " + name);
        }
    }

    private static final RedisException notHll =
            new RedisException("WRONGTYPE Key is not a valid HyperLogLog string value.");
    private static final RedisException corrupted = new RedisException("INVALIDOBJ Corrupted HLL object detected");

    /** isHLLObjectOrReply: the string's bytes, or the WRONGTYPE errors. */
    private static byte[] hllBytes(Object o) {
        if (!StringValue.isString(o)) throw Errors.wrongType;
        byte[] s = StringValue.bytes(o);
        if (!HyperLogLog.isValid(s)) throw notHll;
        return s;
    }

    private static long maxBytes(Client c) {
        return c.engine.config().getLong("hll-sparse-max-bytes");
    }

    /** dbUnshareStringValue on a value read but not edited: an embstr string turns raw. */
    private static void unshare(Client c, byte[] key, Object o) {
        if (o instanceof MutableString && ((MutableString) o).encoding(null).equals("raw")) return;
        c.db.replaceValue(key, MutableString.raw(StringValue.bytes(o)));
    }

    /** Stores an edited HLL as dbUnshareStringValue leaves it: a raw string, TTL kept. */
    private static void store(Client c, byte[] key, HyperLogLog h) {
        c.db.replaceValue(key, MutableString.raw(h.bytes()));
    }

    static void pfadd(Client c) {
        byte[] key = c.argv[1];
        Object o = c.db.lookupWrite(key);
        HyperLogLog h;
        int updated = 0;
        boolean created = o == null;
        if (created) {
            h = HyperLogLog.empty();
            updated++;
        } else {
            h = HyperLogLog.of(hllBytes(o));
        }
        long max = c.argv.length > 2 ? maxBytes(c) : 0;
        boolean failed = false;
        for (int j = 2; j < c.argv.length && !failed; j++) {
            int r = h.add(c.argv[j], max);
            if (r == 1) updated++;
            else if (r == -1) failed = true;
        }
        if (!failed && updated > 0) h.invalidateCache();
        if (created) c.db.add(key, MutableString.raw(h.bytes()));
        else if (updated > 0 || failed) store(c, key, h); // Redis edits in place, even before an error
        else unshare(c, key, o);
        if (failed) throw corrupted;
        if (updated > 0) {
            if (!created) c.db.signalModifiedKey(key);
            c.engine.notify(Notify.STRING, "pfadd", c.db, key);
        }
        c.reply.integer(updated > 0 ? 1 : 0);
    }

    static void pfcount(Client c) {
        if (c.argv.length > 2) {
            byte[] max = new byte[HyperLogLog.REGISTERS];
            for (int j = 1; j < c.argv.length; j++) {
                Object o = c.db.lookupRead(c.argv[j]);
                if (o == null) continue;
                if (!HyperLogLog.merge(max, hllBytes(o))) throw corrupted;
            }
            c.reply.integer(HyperLogLog.countRaw(max));
            return;
        }
        byte[] key = c.argv[1];
        Object o = c.db.lookupWrite(key);
        if (o == null) {
            c.reply.integer(0);
            return;
        }
        byte[] s = hllBytes(o);
        if (HyperLogLog.validCache(s)) {
            // dbUnshareStringValue turns a shared (embstr) string raw even on a read
            unshare(c, key, o);
            c.reply.integer(HyperLogLog.cachedCard(s));
            return;
        }
        HyperLogLog h = HyperLogLog.of(s);
        long card = h.count();
        if (card < 0) {
            unshare(c, key, o);
            throw corrupted;
        }
        h.setCachedCard(card);
        store(c, key, h);
        c.db.signalModifiedKey(key);
        c.reply.integer(card);
    }

    static void pfmerge(Client c) {
        byte[] max = new byte[HyperLogLog.REGISTERS];
        boolean dense = false;
        for (int j = 1; j < c.argv.length; j++) {
            Object o = c.db.lookupRead(c.argv[j]);
            if (o == null) continue;
            byte[] s = hllBytes(o);
            if ((s[4] & 0xff) == HyperLogLog.DENSE) dense = true;
            if (!HyperLogLog.merge(max, s)) throw corrupted;
        }
        byte[] key = c.argv[1];
        Object o = c.db.lookupWrite(key);
        boolean created = o == null;
        HyperLogLog h = created ? HyperLogLog.empty() : HyperLogLog.of(StringValue.bytes(o));
        if (dense && !h.toDense()) throw corrupted;
        long maxBytes = maxBytes(c);
        for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
            if (max[j] != 0) h.setAtLeast(j, max[j], maxBytes);
        }
        h.invalidateCache();
        if (created) {
            c.db.add(key, MutableString.raw(h.bytes()));
        } else {
            store(c, key, h);
            c.db.signalModifiedKey(key);
        }
        // Redis reports a PFMERGE as a mass PFADD
        c.engine.notify(Notify.STRING, "pfadd", c.db, key);
        c.reply.ok();
    }

    static void pfdebug(Client c) {
        byte[] sub = c.argv[1];
        byte[] key = c.argv[2];
        Object o = c.db.lookupWrite(key);
        if (o == null) throw new RedisException("ERR The specified key does not exist");
        byte[] s = hllBytes(o);
        HyperLogLog h = HyperLogLog.of(s);
        unshare(c, key, o);
        if (Bytes.eq(sub, "getreg")) {
            if (h.encoding() == HyperLogLog.SPARSE) {
                if (!h.toDense()) throw corrupted;
                store(c, key, h);
            }
            c.reply.array(HyperLogLog.REGISTERS);
            for (int j = 0; j < HyperLogLog.REGISTERS; j++) c.reply.integer(h.register(j));
        } else if (Bytes.eq(sub, "decode")) {
            if (h.encoding() != HyperLogLog.SPARSE) throw new RedisException("ERR HLL encoding is not sparse");
            c.reply.bulk(h.decode());
        } else if (Bytes.eq(sub, "encoding")) {
            c.reply.status(h.encoding() == HyperLogLog.DENSE ? "dense" : "sparse");
        } else if (Bytes.eq(sub, "todense")) {
            boolean conv = false;
            if (h.encoding() == HyperLogLog.SPARSE) {
                if (!h.toDense()) throw corrupted;
                store(c, key, h);
                conv = true;
            }
            c.reply.integer(conv ? 1 : 0);
        } else {
            String name = Bytes.str(sub).replace('\r', ' ').replace('\n', ' ');
            throw new RedisException("ERR Unknown PFDEBUG subcommand '" + name + "'");
        }
    }

    /** Redis runs its own checks of the register and estimator code; this runs a small one. */
    static void pfselftest(Client c) {
        HyperLogLog h = HyperLogLog.empty();
        byte[] ele = new byte[4];
        for (int i = 0; i < 1000; i++) {
            ele[0] = (byte) i;
            ele[1] = (byte) (i >> 8);
            h.add(ele, 3000);
        }
        long n = h.count();
        if (n < 950 || n > 1050) {
            c.reply.error("TESTFAILED estimate of 1000 elements out of range: " + n);
            return;
        }
        c.reply.ok();
    }
}
