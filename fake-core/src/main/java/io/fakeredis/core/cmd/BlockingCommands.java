package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.blocking.Blocking;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.type.ListValue;
import io.fakeredis.core.util.Bytes;
import io.fakeredis.core.util.LongDouble;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Blocking list commands and CLIENT UNBLOCK, as Redis 7.0's t_list.c and blocking.c. */
public final class BlockingCommands {
    private BlockingCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "blpop" -> bpop(c, true);
            case "brpop" -> bpop(c, false);
            case "blmpop" -> blmpop(c);
            case "blmove" -> blmove(c);
            case "brpoplpush" -> brpoplpush(c);
            case "client|unblock" -> clientUnblock(c);
            default -> throw new IllegalStateException("not bound in BlockingCommands: " + name);
        }
    }

    /**
     * Redis's getTimeoutFromObjectOrReply in seconds: the absolute deadline in engine-clock ms,
     * or 0 for "forever". Public so other blocking families (BZPOPMIN...) parse alike.
     */
    public static long deadline(Client c, byte[] arg) {
        // string2ld then "* 1000" and ceill in long double, as Redis does
        LongDouble ld = LongDouble.parse(arg);
        if (ld == null || ld.isNaN()) throw new RedisException("ERR timeout is not a float or out of range");
        if (ld.isInfinite() || ld.toBigDecimal().signum() < 0) throw new RedisException("ERR timeout is negative");
        BigDecimal ms = ld.toBigDecimal().multiply(THOUSAND);
        // C's (long long) of a value out of range gives LLONG_MIN: Redis then calls it negative
        if (ms.compareTo(TWO_POW_63) >= 0) throw new RedisException("ERR timeout is negative");
        long tval = ms.setScale(0, RoundingMode.CEILING).longValueExact();
        if (tval == 0) return 0;
        long now = c.engine.now();
        if (tval > Long.MAX_VALUE - now) throw new RedisException("ERR timeout is out of range");
        return now + tval;
    }

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal TWO_POW_63 = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(63));

    /**
     * False inside MULTI/EXEC and scripts, where Redis (CLIENT_MULTI, CLIENT_DENY_BLOCKING) makes
     * a blocking command answer at once as if its timeout had expired. Public for BZPOP* and XREAD.
     */
    public static boolean mayBlock(Client c) {
        return !c.inMulti && !c.engine.transactions.inMulti(c);
    }

    /** Timeout reply of the list blocking commands: a null array, BLMOVE included. */
    private abstract static class ListWaiter implements Blocking.Waiter {
        @Override
        public void timeout(Client c) {
            c.reply.nullArray();
        }
    }

    /** Pops one element and replies [key, element], as BLPOP does. */
    private static void popOne(Client c, Database db, byte[] key, ListValue l, boolean head) {
        byte[] v = l.pop(head);
        c.reply.array(2);
        c.reply.bulk(key);
        c.reply.bulk(v);
        c.engine.notify(Notify.LIST, head ? "lpop" : "rpop", db, key);
        ListCommands.deleteIfEmpty(c, db, key, l);
        if (!l.isEmpty()) db.signalModifiedKey(key);
    }

    private static ListValue readyList(Database db, byte[] key) {
        Object v = db.lookupWrite(key);
        if (!(v instanceof ListValue)) return null;
        ListValue l = (ListValue) v;
        return l.isEmpty() ? null : l;
    }

    static void bpop(Client c, boolean head) {
        long deadline = deadline(c, c.argv[c.argc() - 1]);
        byte[][] keys = Arrays.copyOfRange(c.argv, 1, c.argc() - 1);
        popOrBlock(c, keys, head, -1, deadline);
    }

    static void blmpop(Client c) {
        ListCommands.MPop m = ListCommands.parseMPop(c, 2);
        long deadline = deadline(c, c.argv[1]);
        byte[][] keys = Arrays.copyOfRange(c.argv, m.firstKey, m.firstKey + m.numKeys);
        popOrBlock(c, keys, m.head, m.count, deadline);
    }

    /** blockingPopGenericCommand: serve from the first non-empty list, else block. count -1: BLPOP's reply shape. */
    private static void popOrBlock(Client c, byte[][] keys, boolean head, long count, long deadline) {
        for (byte[] key : keys) {
            ListValue l = ListCommands.write(c.db, key);
            if (l == null || l.isEmpty()) continue;
            if (count < 0) popOne(c, c.db, key, l, head);
            else ListCommands.popRangeWithKey(c, c.db, key, l, head, count);
            return;
        }
        if (!mayBlock(c)) {
            c.reply.nullArray();
            return;
        }
        c.engine.blocking().block(c, c.db, keys, deadline, new ListWaiter() {
            @Override
            public boolean serve(Client bc, Database db, byte[] key) {
                ListValue l = readyList(db, key);
                if (l == null) return false;
                if (count < 0) popOne(bc, db, key, l, head);
                else ListCommands.popRangeWithKey(bc, db, key, l, head, count);
                return true;
            }
        });
    }

    static void blmove(Client c) {
        boolean from = ListCommands.where(c.argv[3]);
        boolean to = ListCommands.where(c.argv[4]);
        moveOrBlock(c, from, to, c.argv[5]);
    }

    static void brpoplpush(Client c) {
        moveOrBlock(c, false, true, c.argv[3]);
    }

    private static void moveOrBlock(Client c, boolean from, boolean to, byte[] timeout) {
        long deadline = deadline(c, timeout);
        byte[] src = c.argv[1];
        byte[] dst = c.argv[2];
        ListValue l = ListCommands.write(c.db, src);
        if (l != null && !l.isEmpty()) {
            ListCommands.moveOne(c, c.db, src, l, dst, from, to);
            return;
        }
        if (!mayBlock(c)) {
            c.reply.nullBulk();
            return;
        }
        c.engine.blocking().block(c, c.db, new byte[][] {src}, deadline, new ListWaiter() {
            @Override
            public boolean serve(Client bc, Database db, byte[] key) {
                ListValue sl = readyList(db, key);
                if (sl == null) return false;
                ListCommands.moveOne(bc, db, key, sl, dst, from, to);
                return true; // WRONGTYPE on the destination also ends the wait, as in Redis
            }
        });
    }

    static void clientUnblock(Client c) {
        if (c.argc() > 4) {
            throw new RedisException("ERR unknown subcommand or wrong number of arguments for '"
                    + Bytes.str(c.argv[1]) + "'. Try CLIENT HELP.");
        }
        boolean error = false;
        if (c.argc() == 4) {
            if (Bytes.eq(c.argv[3], "timeout")) error = false;
            else if (Bytes.eq(c.argv[3], "error")) error = true;
            else throw new RedisException("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
        }
        long id = Bytes.toLong(c.argv[2]);
        Client target = c.engine.client(id);
        boolean done = target != null && c.engine.blocking().unblock(target, error);
        c.reply.integer(done ? 1 : 0);
    }

}
