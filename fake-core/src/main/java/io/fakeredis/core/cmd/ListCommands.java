package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.type.ListValue;
import io.fakeredis.core.util.Bytes;
import java.util.Arrays;

/** List commands, as Redis 7.0's t_list.c. */
public final class ListCommands {
    private ListCommands() {}

    static final String MUST_BE_POSITIVE = "ERR value is out of range, must be positive";

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "lpush" -> push(c, true, false);
            case "rpush" -> push(c, false, false);
            case "lpushx" -> push(c, true, true);
            case "rpushx" -> push(c, false, true);
            case "lpop" -> pop(c, true);
            case "rpop" -> pop(c, false);
            case "llen" -> llen(c);
            case "lrange" -> lrange(c);
            case "lindex" -> lindex(c);
            case "lset" -> lset(c);
            case "linsert" -> linsert(c);
            case "lrem" -> lrem(c);
            case "ltrim" -> ltrim(c);
            case "lpos" -> lpos(c);
            case "lmove" -> lmove(c);
            case "rpoplpush" -> rpoplpush(c);
            case "lmpop" -> lmpop(c);
            default -> throw new IllegalStateException("not bound in ListCommands: " + name);
        }
    }

    static ListValue read(Client c, byte[] key) {
        return Database.typed(c.db.lookupRead(key), ListValue.class);
    }

    static ListValue write(Database db, byte[] key) {
        return Database.typed(db.lookupWrite(key), ListValue.class);
    }

    /** LEFT or RIGHT; true for LEFT (the head). */
    static boolean where(byte[] arg) {
        if (Bytes.eq(arg, "left")) return true;
        if (Bytes.eq(arg, "right")) return false;
        throw Errors.syntax;
    }

    static long positive(byte[] arg, String error) {
        long[] out = new long[1];
        if (!Bytes.parseLong(arg, 0, arg.length, out) || out[0] < 0) throw new RedisException(error);
        return out[0];
    }

    static void push(Client c, boolean head, boolean onlyIfExists) {
        byte[] key = c.argv[1];
        ListValue l = write(c.db, key);
        if (l == null) {
            if (onlyIfExists) {
                c.reply.integer(0);
                return;
            }
            l = new ListValue();
            for (int i = 2; i < c.argc(); i++) l.push(c.argv[i], head);
            c.db.addSignalLater(key, l);
        } else {
            for (int i = 2; i < c.argc(); i++) l.push(c.argv[i], head);
            c.db.signalKeyAsReady(key);
        }
        // pushGenericCommand replies, then signals the change
        c.reply.integer(l.size());
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.LIST, head ? "lpush" : "rpush", c.db, key);
    }

    /** Deletes the key when the list became empty, with Redis's 'del' event. */
    static void deleteIfEmpty(Client c, Database db, byte[] key, ListValue l) {
        if (l.isEmpty()) {
            db.delete(key);
            c.engine.notify(Notify.GENERIC, "del", db, key);
        }
    }

    static void pop(Client c, boolean head) {
        if (c.argc() > 3) throw new RedisException(Errors.wrongArgs(c.cmd.fullName));
        boolean hasCount = c.argc() == 3;
        long count = hasCount ? positive(c.argv[2], MUST_BE_POSITIVE) : 1;
        byte[] key = c.argv[1];
        ListValue l = write(c.db, key);
        if (l == null) {
            if (hasCount) c.reply.nullArray();
            else c.reply.nullBulk();
            return;
        }
        if (hasCount && count == 0) {
            c.reply.array(0);
            return;
        }
        if (!hasCount) {
            c.reply.bulk(l.pop(head));
        } else {
            int n = (int) Math.min(count, l.size());
            c.reply.array(n);
            for (int i = 0; i < n; i++) c.reply.bulk(l.pop(head));
        }
        c.engine.notify(Notify.LIST, head ? "lpop" : "rpop", c.db, key);
        deleteIfEmpty(c, c.db, key, l);
        if (!l.isEmpty()) c.db.signalModifiedKey(key);
    }

    static void llen(Client c) {
        ListValue l = read(c, c.argv[1]);
        c.reply.integer(l == null ? 0 : l.size());
    }

    static void lrange(Client c) {
        long start = Bytes.toLong(c.argv[2]);
        long end = Bytes.toLong(c.argv[3]);
        ListValue l = read(c, c.argv[1]);
        if (l == null) {
            c.reply.array(0);
            return;
        }
        int size = l.size();
        if (start < 0) start += size;
        if (end < 0) end += size;
        if (start < 0) start = 0;
        if (start > end || start >= size) {
            c.reply.array(0);
            return;
        }
        if (end >= size) end = size - 1;
        int n = (int) (end - start + 1);
        c.reply.array(n);
        for (int i = 0; i < n; i++) c.reply.bulk(l.get((int) start + i));
    }

    static void lindex(Client c) {
        ListValue l = read(c, c.argv[1]);
        if (l == null) {
            c.reply.nullBulk();
            return;
        }
        long index = Bytes.toLong(c.argv[2]);
        if (index < 0) index += l.size();
        if (index < 0 || index >= l.size()) c.reply.nullBulk();
        else c.reply.bulk(l.get((int) index));
    }

    static void lset(Client c) {
        byte[] key = c.argv[1];
        ListValue l = write(c.db, key);
        if (l == null) throw new RedisException(Errors.NO_SUCH_KEY);
        long index = Bytes.toLong(c.argv[2]);
        if (index < 0) index += l.size();
        if (index < 0 || index >= l.size()) throw new RedisException("ERR index out of range");
        l.set((int) index, c.argv[3]);
        c.reply.ok();
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.LIST, "lset", c.db, key);
    }

    static void linsert(Client c) {
        boolean after;
        if (Bytes.eq(c.argv[2], "after")) after = true;
        else if (Bytes.eq(c.argv[2], "before")) after = false;
        else throw Errors.syntax;
        byte[] key = c.argv[1];
        ListValue l = write(c.db, key);
        if (l == null) {
            c.reply.integer(0);
            return;
        }
        byte[] pivot = c.argv[3];
        for (int i = 0; i < l.size(); i++) {
            if (Arrays.equals(l.get(i), pivot)) {
                l.insert(after ? i + 1 : i, c.argv[4]);
                c.db.signalModifiedKey(key);
                c.engine.notify(Notify.LIST, "linsert", c.db, key);
                c.reply.integer(l.size());
                return;
            }
        }
        c.reply.integer(-1);
    }

    static void lrem(Client c) {
        long toRemove = Bytes.toLong(c.argv[2]);
        byte[] key = c.argv[1];
        ListValue l = write(c.db, key);
        if (l == null) {
            c.reply.integer(0);
            return;
        }
        byte[] elem = c.argv[3];
        int size = l.size();
        boolean[] keep = new boolean[size];
        Arrays.fill(keep, true);
        long removed = 0;
        if (toRemove < 0) {
            long limit = -toRemove;
            for (int i = size - 1; i >= 0 && removed < limit; i--) {
                if (Arrays.equals(l.get(i), elem)) {
                    keep[i] = false;
                    removed++;
                }
            }
        } else {
            for (int i = 0; i < size && (toRemove == 0 || removed < toRemove); i++) {
                if (Arrays.equals(l.get(i), elem)) {
                    keep[i] = false;
                    removed++;
                }
            }
        }
        if (removed > 0) {
            l.retain(keep);
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.LIST, "lrem", c.db, key);
            deleteIfEmpty(c, c.db, key, l);
        }
        c.reply.integer(removed);
    }

    static void ltrim(Client c) {
        long start = Bytes.toLong(c.argv[2]);
        long end = Bytes.toLong(c.argv[3]);
        byte[] key = c.argv[1];
        ListValue l = write(c.db, key);
        if (l == null) {
            c.reply.ok();
            return;
        }
        int size = l.size();
        if (start < 0) start += size;
        if (end < 0) end += size;
        if (start < 0) start = 0;
        if (start > end || start >= size) {
            l.trim(0, -1);
        } else {
            if (end >= size) end = size - 1;
            l.trim((int) start, (int) end);
        }
        c.engine.notify(Notify.LIST, "ltrim", c.db, key);
        deleteIfEmpty(c, c.db, key, l);
        c.db.signalModifiedKey(key);
        c.reply.ok();
    }

    static void lpos(Client c) {
        long rank = 1, count = -1, maxlen = 0;
        for (int j = 3; j < c.argc(); j++) {
            byte[] opt = c.argv[j];
            int more = c.argc() - 1 - j;
            if (Bytes.eq(opt, "rank") && more > 0) {
                rank = Bytes.toLong(c.argv[++j]);
                if (rank == 0) {
                    throw new RedisException("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
                }
            } else if (Bytes.eq(opt, "count") && more > 0) {
                count = positive(c.argv[++j], "ERR COUNT can't be negative");
            } else if (Bytes.eq(opt, "maxlen") && more > 0) {
                maxlen = positive(c.argv[++j], "ERR MAXLEN can't be negative");
            } else {
                throw Errors.syntax;
            }
        }
        ListValue l = read(c, c.argv[1]);
        if (l == null) {
            if (count != -1) c.reply.array(0);
            else c.reply.nullBulk();
            return;
        }
        boolean fromHead = rank > 0;
        long skip = fromHead ? rank : -rank;
        if (skip < 0) skip = 1; // LONG_MIN: Redis's negation overflows and matches the first hit
        byte[] elem = c.argv[2];
        int size = l.size();
        long matches = 0;
        long[] found = new long[(int) Math.min(count > 0 ? count : size, size)];
        int nfound = 0;
        for (int k = 0; k < size && (maxlen == 0 || k < maxlen); k++) {
            int i = fromHead ? k : size - 1 - k;
            if (Arrays.equals(l.get(i), elem)) {
                matches++;
                if (matches >= skip) {
                    found[nfound++] = i;
                    if (count == -1 || (count > 0 && nfound == count)) break;
                }
            }
        }
        if (count == -1) {
            if (nfound == 0) c.reply.nullBulk();
            else c.reply.integer(found[0]);
            return;
        }
        c.reply.array(nfound);
        for (int i = 0; i < nfound; i++) c.reply.integer(found[i]);
    }

    static void lmove(Client c) {
        boolean from = where(c.argv[3]);
        boolean to = where(c.argv[4]);
        move(c, from, to);
    }

    static void rpoplpush(Client c) {
        move(c, false, true);
    }

    private static void move(Client c, boolean from, boolean to) {
        ListValue src = write(c.db, c.argv[1]);
        if (src == null) {
            c.reply.nullBulk();
            return;
        }
        moveOne(c, c.db, c.argv[1], src, c.argv[2], from, to);
    }

    /**
     * Moves one element from the non-empty src list to dst and replies with it, as
     * lmoveGenericCommand: the reply comes between the destination's change and the source's.
     * Returns the element, or null after replying WRONGTYPE when dst holds another type.
     */
    static byte[] moveOne(Client c, Database db, byte[] srcKey, ListValue src, byte[] dstKey, boolean from, boolean to) {
        Object d = db.lookupWrite(dstKey);
        if (d != null && !(d instanceof ListValue)) {
            c.reply.error(Errors.WRONGTYPE);
            return null;
        }
        ListValue dst = (ListValue) d;
        byte[] v = src.pop(from);
        if (dst == null) {
            dst = new ListValue();
            dst.push(v, to);
            db.add(dstKey, dst);
        } else {
            dst.push(v, to);
            db.signalModifiedKey(dstKey);
            db.signalKeyAsReady(dstKey);
        }
        c.engine.notify(Notify.LIST, to ? "lpush" : "rpush", db, dstKey);
        c.reply.bulk(v);
        c.engine.notify(Notify.LIST, from ? "lpop" : "rpop", db, srcKey);
        deleteIfEmpty(c, db, srcKey, src);
        if (!src.isEmpty()) db.signalModifiedKey(srcKey);
        return v;
    }

    /** Parsed LMPOP/BLMPOP arguments. */
    static final class MPop {
        int firstKey;
        int numKeys;
        boolean head;
        long count;
    }

    /** Parses "numkeys key... LEFT|RIGHT [COUNT n]" starting at numkeysIdx, as mpopGenericCommand. */
    static MPop parseMPop(Client c, int numkeysIdx) {
        MPop m = new MPop();
        long[] out = new long[1];
        byte[] nk = c.argv[numkeysIdx];
        if (!Bytes.parseLong(nk, 0, nk.length, out) || out[0] < 1) {
            throw new RedisException("ERR numkeys should be greater than 0");
        }
        long numkeys = out[0];
        // whereIdx = numkeysIdx + numkeys + 1 must be inside argv; compared without overflow
        if (numkeys >= c.argc() - numkeysIdx - 1) throw Errors.syntax;
        long whereIdx = numkeysIdx + numkeys + 1;
        m.firstKey = numkeysIdx + 1;
        m.numKeys = (int) numkeys;
        m.head = where(c.argv[(int) whereIdx]);
        long count = -1;
        for (int j = (int) whereIdx + 1; j < c.argc(); j++) {
            int more = c.argc() - 1 - j;
            if (count == -1 && Bytes.eq(c.argv[j], "count") && more > 0) {
                byte[] a = c.argv[++j];
                if (!Bytes.parseLong(a, 0, a.length, out) || out[0] < 1) {
                    throw new RedisException("ERR count should be greater than 0");
                }
                count = out[0];
            } else {
                throw Errors.syntax;
            }
        }
        m.count = count == -1 ? 1 : count;
        return m;
    }

    /** Pops up to count elements and replies [key, [elements]], as listPopRangeAndReplyWithKey. */
    static void popRangeWithKey(Client c, Database db, byte[] key, ListValue l, boolean head, long count) {
        int n = (int) Math.min(count, l.size());
        c.reply.array(2);
        c.reply.bulk(key);
        c.reply.array(n);
        for (int i = 0; i < n; i++) c.reply.bulk(l.pop(head));
        c.engine.notify(Notify.LIST, head ? "lpop" : "rpop", db, key);
        deleteIfEmpty(c, db, key, l);
        if (!l.isEmpty()) db.signalModifiedKey(key);
    }

    static void lmpop(Client c) {
        MPop m = parseMPop(c, 1);
        for (int j = 0; j < m.numKeys; j++) {
            byte[] key = c.argv[m.firstKey + j];
            ListValue l = write(c.db, key);
            if (l == null) continue;
            popRangeWithKey(c, c.db, key, l, m.head, m.count);
            return;
        }
        c.reply.nullArray();
    }
}
