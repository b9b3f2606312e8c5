package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.blocking.Blocking;
import io.fakeredis.core.config.Config;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.util.ByteKey;
import io.fakeredis.core.type.SetValue;
import io.fakeredis.core.type.ZSetValue;
import io.fakeredis.core.type.ZSetValue.LexRange;
import io.fakeredis.core.type.ZSetValue.Node;
import io.fakeredis.core.type.ZSetValue.ScoreRange;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sorted set commands, as Redis 7.0's t_zset.c (blocking pops included). */
public final class ZSetCommands {
    private ZSetCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "zadd" -> zadd(c, false);
            case "zincrby" -> zadd(c, true);
            case "zcard" -> zcard(c);
            case "zscore" -> zscore(c);
            case "zmscore" -> zmscore(c);
            case "zrem" -> zrem(c);
            case "zrank" -> zrank(c, false);
            case "zrevrank" -> zrank(c, true);
            case "zcount" -> zcount(c);
            case "zlexcount" -> zlexcount(c);
            case "zrange" -> zrange(c, 1, false, AUTO, 0);
            case "zrangestore" -> zrange(c, 2, true, AUTO, 0);
            case "zrevrange" -> zrange(c, 1, false, RANK, -1);
            case "zrangebyscore" -> zrange(c, 1, false, SCORE, 1);
            case "zrevrangebyscore" -> zrange(c, 1, false, SCORE, -1);
            case "zrangebylex" -> zrange(c, 1, false, LEX, 1);
            case "zrevrangebylex" -> zrange(c, 1, false, LEX, -1);
            case "zremrangebyrank" -> zremrange(c, RANK);
            case "zremrangebyscore" -> zremrange(c, SCORE);
            case "zremrangebylex" -> zremrange(c, LEX);
            case "zunion" -> zsetOp(c, null, 1, UNION, false);
            case "zinter" -> zsetOp(c, null, 1, INTER, false);
            case "zdiff" -> zsetOp(c, null, 1, DIFF, false);
            case "zunionstore" -> zsetOp(c, c.argv[1], 2, UNION, false);
            case "zinterstore" -> zsetOp(c, c.argv[1], 2, INTER, false);
            case "zdiffstore" -> zsetOp(c, c.argv[1], 2, DIFF, false);
            case "zintercard" -> zsetOp(c, null, 1, INTER, true);
            case "zpopmin" -> zpop(c, MIN);
            case "zpopmax" -> zpop(c, MAX);
            case "zmpop" -> zmpop(c, 1, false);
            case "bzpopmin" -> bzpop(c, MIN);
            case "bzpopmax" -> bzpop(c, MAX);
            case "bzmpop" -> zmpop(c, 2, true);
            case "zrandmember" -> zrandmember(c);
            case "zscan" -> zscan(c);
            default -> throw new IllegalStateException("not bound in ZSetCommands: " + name);
        }
    }

    private static final int AUTO = 0, RANK = 1, SCORE = 2, LEX = 3;
    private static final int UNION = 0, INTER = 1, DIFF = 2;
    private static final int MIN = 0, MAX = 1;

    static ZSetValue readZ(Client c, byte[] key) {
        return Database.typed(c.db.lookupRead(key), ZSetValue.class);
    }

    static ZSetValue writeZ(Client c, byte[] key) {
        return Database.typed(c.db.lookupWrite(key), ZSetValue.class);
    }

    // ---- parsing ----

    /** getDoubleFromObject: strtod on the whole string, no leading space, no overflow, no NaN. */
    static double parseScore(byte[] b, String error) {
        double d = Bytes.parseDouble(b);
        if (Double.isNaN(d) || b.length == 0 || isSpace(b[0])) throw new RedisException(error);
        if (Double.isInfinite(d) && !isInfLiteral(b)) throw new RedisException(error); // ERANGE overflow
        if (d == 0 && hasNonZeroMantissa(b)) throw new RedisException(error); // ERANGE underflow to zero
        return d;
    }

    private static boolean isSpace(byte x) {
        return x == ' ' || (x >= 9 && x <= 13);
    }

    private static boolean isInfLiteral(byte[] b) {
        int i = b.length > 0 && (b[0] == '+' || b[0] == '-') ? 1 : 0;
        String s = new String(b, i, b.length - i, java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity");
    }

    private static boolean hasNonZeroMantissa(byte[] b) {
        boolean hex = false;
        for (int i = 0; i < b.length; i++) {
            byte x = b[i];
            if ((x == 'x' || x == 'X') && i > 0 && b[i - 1] == '0') {
                hex = true;
                continue;
            }
            if (!hex && (x == 'e' || x == 'E')) return false;
            if (hex && (x == 'p' || x == 'P')) return false;
            if (x >= '1' && x <= '9') return true;
            if (hex && ((x >= 'a' && x <= 'f') || (x >= 'A' && x <= 'F'))) return true;
        }
        return false;
    }

    /** zslParseRange item: strtod with an optional '(' prefix; the empty string reads as 0. */
    private static double rangeItem(byte[] b, boolean[] ex, int i) {
        int off = 0;
        if (b.length > 0 && b[0] == '(') {
            ex[i] = true;
            off = 1;
        }
        byte[] rest = off == 0 ? b : Arrays.copyOfRange(b, off, b.length);
        if (rest.length == 0) return 0;
        int lead = 0;
        while (lead < rest.length && isSpace(rest[lead])) lead++;
        if (lead > 0) rest = Arrays.copyOfRange(rest, lead, rest.length);
        double d = Bytes.parseDouble(rest);
        if (Double.isNaN(d)) throw new RedisException("ERR min or max is not a float");
        return d;
    }

    static ScoreRange scoreRange(byte[] min, byte[] max) {
        boolean[] ex = new boolean[2];
        double a = rangeItem(min, ex, 0);
        double b = rangeItem(max, ex, 1);
        return new ScoreRange(a, ex[0], b, ex[1]);
    }

    static LexRange lexRange(byte[] min, byte[] max) {
        int[] kind = new int[2];
        boolean[] ex = new boolean[2];
        byte[][] val = new byte[2][];
        byte[][] in = {min, max};
        for (int i = 0; i < 2; i++) {
            byte[] b = in[i];
            if (b.length == 0) throw new RedisException("ERR min or max not valid string range item");
            switch (b[0]) {
                case '+':
                    if (b.length != 1) throw new RedisException("ERR min or max not valid string range item");
                    kind[i] = 1;
                    ex[i] = true;
                    break;
                case '-':
                    if (b.length != 1) throw new RedisException("ERR min or max not valid string range item");
                    kind[i] = -1;
                    ex[i] = true;
                    break;
                case '(':
                    ex[i] = true;
                    val[i] = Arrays.copyOfRange(b, 1, b.length);
                    break;
                case '[':
                    val[i] = Arrays.copyOfRange(b, 1, b.length);
                    break;
                default:
                    throw new RedisException("ERR min or max not valid string range item");
            }
        }
        return new LexRange(kind[0], val[0], ex[0], kind[1], val[1], ex[1]);
    }

    // ---- ZADD / ZINCRBY ----

    static void zadd(Client c, boolean incrCmd) {
        byte[] key = c.argv[1];
        boolean nx = false, xx = false, ch = false, incr = incrCmd, gt = false, lt = false;
        int idx = 2;
        while (idx < c.argc()) {
            byte[] o = c.argv[idx];
            if (Bytes.eq(o, "nx")) nx = true;
            else if (Bytes.eq(o, "xx")) xx = true;
            else if (Bytes.eq(o, "ch")) ch = true;
            else if (Bytes.eq(o, "incr")) incr = true;
            else if (Bytes.eq(o, "gt")) gt = true;
            else if (Bytes.eq(o, "lt")) lt = true;
            else break;
            idx++;
        }
        int elements = c.argc() - idx;
        if (elements % 2 != 0 || elements == 0) throw Errors.syntax;
        elements /= 2;
        if (nx && xx) throw new RedisException("ERR XX and NX options at the same time are not compatible");
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            throw new RedisException("ERR GT, LT, and/or NX options at the same time are not compatible");
        }
        if (incr && elements > 1) throw new RedisException("ERR INCR option supports a single increment-element pair");
        double[] scores = new double[elements];
        for (int j = 0; j < elements; j++) scores[j] = parseScore(c.argv[idx + j * 2], Errors.NOT_FLOAT);

        ZSetValue z = writeZ(c, key);
        int added = 0, updated = 0, processed = 0;
        double score = 0;
        try {
            if (z == null) {
                if (xx) {
                    reply(c, incr, processed, score, ch ? added + updated : added);
                    return;
                }
                z = ZSetValue.forFirst(c.engine.config(), c.argv[idx + 1].length);
                c.db.addSignalLater(key, z); // signalled after the reply, as zaddGenericCommand
            }
            long maxEntries = ZSetValue.maxEntries(c.engine.config());
            long maxValue = ZSetValue.maxValue(c.engine.config());
            for (int j = 0; j < elements; j++) {
                byte[] ele = c.argv[idx + j * 2 + 1];
                score = scores[j];
                Node n = z.node(ele);
                if (n != null) {
                    if (nx) continue;
                    double cur = n.score;
                    if (incr) {
                        score += cur;
                        if (Double.isNaN(score)) throw new RedisException("ERR resulting score is not a number (NaN)");
                    }
                    if ((lt && score >= cur) || (gt && score <= cur)) continue;
                    processed++;
                    if (score != cur) {
                        z.update(n, score);
                        updated++;
                    }
                } else if (!xx) {
                    z.insert(score, ele, maxEntries, maxValue);
                    added++;
                    processed++;
                }
            }
            reply(c, incr, processed, score, ch ? added + updated : added);
        } finally {
            if (added > 0 || updated > 0) {
                c.db.signalModifiedKey(key);
                if (added > 0) c.db.signalKeyAsReady(key);
                c.engine.notify(Notify.ZSET, incr ? "zincr" : "zadd", c.db, key);
            }
        }
    }

    private static void reply(Client c, boolean incr, int processed, double score, long count) {
        if (incr) {
            if (processed > 0) c.reply.dbl(score);
            else c.reply.nullBulk();
        } else {
            c.reply.integer(count);
        }
    }

    // ---- simple reads and removal ----

    static void zcard(Client c) {
        ZSetValue z = readZ(c, c.argv[1]);
        c.reply.integer(z == null ? 0 : z.size());
    }

    static void zscore(Client c) {
        ZSetValue z = readZ(c, c.argv[1]);
        Double s = z == null ? null : z.score(c.argv[2]);
        if (s == null) c.reply.nullBulk();
        else c.reply.dbl(s);
    }

    static void zmscore(Client c) {
        ZSetValue z = readZ(c, c.argv[1]);
        c.reply.array(c.argc() - 2);
        for (int j = 2; j < c.argc(); j++) {
            Double s = z == null ? null : z.score(c.argv[j]);
            if (s == null) c.reply.nullBulk();
            else c.reply.dbl(s);
        }
    }

    static void zrem(Client c) {
        byte[] key = c.argv[1];
        ZSetValue z = writeZ(c, key);
        if (z == null) {
            c.reply.integer(0);
            return;
        }
        int deleted = 0;
        boolean keyRemoved = false;
        for (int j = 2; j < c.argc(); j++) {
            if (z.remove(c.argv[j])) {
                deleted++;
                if (z.size() == 0) {
                    c.db.delete(key);
                    keyRemoved = true;
                    break;
                }
            }
        }
        if (deleted > 0) {
            c.engine.notify(Notify.ZSET, "zrem", c.db, key);
            if (keyRemoved) c.engine.notify(Notify.GENERIC, "del", c.db, key);
            c.db.signalModifiedKey(key);
        }
        c.reply.integer(deleted);
    }

    static void zrank(Client c, boolean rev) {
        ZSetValue z = readZ(c, c.argv[1]);
        Node n = z == null ? null : z.node(c.argv[2]);
        if (n == null) {
            c.reply.nullBulk();
            return;
        }
        long r = z.rank(n);
        c.reply.integer(rev ? z.size() - 1 - r : r);
    }

    static void zcount(Client c) {
        ScoreRange r;
        try {
            r = scoreRange(c.argv[2], c.argv[3]);
        } catch (RedisException e) {
            throw new RedisException("ERR min or max is not a float");
        }
        ZSetValue z = readZ(c, c.argv[1]);
        if (z == null) {
            c.reply.integer(0);
            return;
        }
        Node first = z.firstInRange(r);
        if (first == null) {
            c.reply.integer(0);
            return;
        }
        Node last = z.lastInRange(r);
        c.reply.integer(z.rank(last) - z.rank(first) + 1);
    }

    static void zlexcount(Client c) {
        LexRange r = lexRange(c.argv[2], c.argv[3]);
        ZSetValue z = readZ(c, c.argv[1]);
        if (z == null) {
            c.reply.integer(0);
            return;
        }
        Node first = z.firstInLex(r);
        if (first == null) {
            c.reply.integer(0);
            return;
        }
        if (z.isListpack()) {
            // a listpack counts forward from the first match, as zzl code does
            long n = 0;
            for (Node x = first; x != null && r.lteMax(x.ele); x = x.next()) n++;
            c.reply.integer(n);
            return;
        }
        Node last = z.lastInLex(r);
        c.reply.integer(z.rank(last) - z.rank(first) + 1);
    }

    // ---- ZRANGE family ----

    /** Collects a range, then writes it to the client or to a destination key. */
    private static final class Result {
        final List<byte[]> eles = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();

        void add(Node n) {
            eles.add(n.ele);
            scores.add(n.score);
        }
    }

    /** zrangeGenericCommand. dir: 0 auto, 1 forward, -1 reverse. */
    static void zrange(Client c, int argStart, boolean store, int type, int dir) {
        byte[] key = c.argv[argStart];
        int minIdx = argStart + 1, maxIdx = argStart + 2;
        boolean withScores = false;
        long offset = 0, limit = -1;
        for (int j = argStart + 3; j < c.argc(); j++) {
            int left = c.argc() - j - 1;
            byte[] o = c.argv[j];
            if (!store && Bytes.eq(o, "withscores")) {
                withScores = true;
            } else if (Bytes.eq(o, "limit") && left >= 2) {
                offset = Bytes.toLong(c.argv[j + 1]);
                limit = Bytes.toLong(c.argv[j + 2]);
                j += 2;
            } else if (dir == 0 && Bytes.eq(o, "rev")) {
                dir = -1;
            } else if (type == AUTO && Bytes.eq(o, "bylex")) {
                type = LEX;
            } else if (type == AUTO && Bytes.eq(o, "byscore")) {
                type = SCORE;
            } else {
                throw Errors.syntax;
            }
        }
        if (dir == 0) dir = 1;
        if (type == AUTO) type = RANK;
        if (limit != -1 && type == RANK) {
            throw new RedisException("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        }
        if (withScores && type == LEX) {
            throw new RedisException("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        }
        boolean rev = dir < 0;
        if (rev && (type == SCORE || type == LEX)) {
            int t = maxIdx;
            maxIdx = minIdx;
            minIdx = t;
        }
        long start = 0, end = 0;
        ScoreRange sr = null;
        LexRange lr = null;
        if (type == RANK) {
            start = Bytes.toLong(c.argv[minIdx]);
            end = Bytes.toLong(c.argv[maxIdx]);
        } else if (type == SCORE) {
            sr = scoreRange(c.argv[minIdx], c.argv[maxIdx]);
        } else {
            lr = lexRange(c.argv[minIdx], c.argv[maxIdx]);
        }
        ZSetValue z = readZ(c, key);
        Result res = new Result();
        if (z != null) {
            if (type == RANK) rankRange(z, start, end, rev, res);
            else if (type == SCORE) scoreRangeNodes(z, sr, offset, limit, rev, res);
            else lexRangeNodes(z, lr, offset, limit, rev, res);
        } else if (!store) {
            c.reply.array(0);
            return;
        }
        if (store) storeResult(c, c.argv[1], res);
        else emit(c, res, withScores);
    }

    private static void rankRange(ZSetValue z, long start, long end, boolean rev, Result res) {
        long llen = z.size();
        if (start < 0) start = llen + start;
        if (end < 0) end = llen + end;
        if (start < 0) start = 0;
        if (start > end || start >= llen) return;
        if (end >= llen) end = llen - 1;
        long n = end - start + 1;
        Node x = rev ? z.byRank(llen - 1 - start) : z.byRank(start);
        while (n-- > 0 && x != null) {
            res.add(x);
            x = rev ? x.prev() : x.next();
        }
    }

    private static void scoreRangeNodes(ZSetValue z, ScoreRange r, long offset, long limit, boolean rev, Result res) {
        if (offset > 0 && offset >= z.size()) return;
        Node x = rev ? z.lastInRange(r) : z.firstInRange(r);
        while (x != null && offset != 0) {
            offset--;
            x = rev ? x.prev() : x.next();
        }
        while (x != null && limit != 0) {
            if (rev ? !r.gteMin(x.score) : !r.lteMax(x.score)) break;
            res.add(x);
            limit--;
            x = rev ? x.prev() : x.next();
        }
    }

    private static void lexRangeNodes(ZSetValue z, LexRange r, long offset, long limit, boolean rev, Result res) {
        if (offset > 0 && offset >= z.size()) return;
        Node x = rev ? z.lastInLex(r) : z.firstInLex(r);
        while (x != null && offset != 0) {
            offset--;
            x = rev ? x.prev() : x.next();
        }
        while (x != null && limit != 0) {
            if (rev ? !r.gteMin(x.ele) : !r.lteMax(x.ele)) break;
            res.add(x);
            limit--;
            x = rev ? x.prev() : x.next();
        }
    }

    /** Array of members, with scores flat in RESP2 and as [member, score] pairs in RESP3. */
    private static void emit(Client c, Result res, boolean withScores) {
        int n = res.eles.size();
        boolean nested = withScores && c.resp() > 2;
        c.reply.array(withScores && !nested ? n * 2 : n);
        for (int i = 0; i < n; i++) {
            if (nested) c.reply.array(2);
            c.reply.bulk(res.eles.get(i));
            if (withScores) c.reply.dbl(res.scores.get(i));
        }
    }

    private static void storeResult(Client c, byte[] dst, Result res) {
        int n = res.eles.size();
        if (n == 0) {
            c.reply.integer(0);
            if (c.db.delete(dst)) c.engine.notify(Notify.GENERIC, "del", c.db, dst);
            return;
        }
        Config cfg = c.engine.config();
        long maxEntries = ZSetValue.maxEntries(cfg), maxValue = ZSetValue.maxValue(cfg);
        ZSetValue d = new ZSetValue(n <= maxEntries);
        for (int i = 0; i < n; i++) d.insert(res.scores.get(i), res.eles.get(i), maxEntries, maxValue);
        c.db.setKey(dst, d, false);
        c.reply.integer(n);
        c.engine.notify(Notify.ZSET, "zrangestore", c.db, dst);
    }

    // ---- ZREMRANGEBY* ----

    static void zremrange(Client c, int type) {
        byte[] key = c.argv[1];
        long start = 0, end = 0;
        ScoreRange sr = null;
        LexRange lr = null;
        if (type == RANK) {
            start = Bytes.toLong(c.argv[2]);
            end = Bytes.toLong(c.argv[3]);
        } else if (type == SCORE) {
            sr = scoreRange(c.argv[2], c.argv[3]);
        } else {
            lr = lexRange(c.argv[2], c.argv[3]);
        }
        ZSetValue z = writeZ(c, key);
        if (z == null) {
            c.reply.integer(0);
            return;
        }
        Result res = new Result();
        if (type == RANK) rankRange(z, start, end, false, res);
        else if (type == SCORE) scoreRangeNodes(z, sr, 0, -1, false, res);
        else lexRangeNodes(z, lr, 0, -1, false, res);
        int deleted = res.eles.size();
        for (byte[] e : res.eles) z.remove(e);
        boolean keyRemoved = false;
        if (z.size() == 0) {
            c.db.delete(key);
            keyRemoved = true;
        }
        if (deleted > 0) {
            c.db.signalModifiedKey(key);
            String ev = type == RANK ? "zremrangebyrank" : type == SCORE ? "zremrangebyscore" : "zremrangebylex";
            c.engine.notify(Notify.ZSET, ev, c.db, key);
            if (keyRemoved) c.engine.notify(Notify.GENERIC, "del", c.db, key);
        }
        c.reply.integer(deleted);
    }

    // ---- ZUNION / ZINTER / ZDIFF ----

    /** One input of a set operation: a zset, a plain set (scores 1) or nothing. */
    private static final class Src {
        Object v;
        double weight = 1;

        long size() {
            if (v instanceof ZSetValue) return ((ZSetValue) v).size();
            if (v instanceof SetValue) return ((SetValue) v).size();
            return 0;
        }

        /** Score of a member, or null. */
        Double find(byte[] m) {
            if (v instanceof ZSetValue) return ((ZSetValue) v).score(m);
            if (v instanceof SetValue) return ((SetValue) v).contains(m) ? 1.0 : null;
            return null;
        }

        /** Visits members in zuiNext order: zsets from the tail, sets in their own order. */
        void forEach(java.util.function.ObjDoubleConsumer<byte[]> f) {
            if (v instanceof ZSetValue) {
                for (Node x = ((ZSetValue) v).last(); x != null; x = x.prev()) f.accept(x.ele, x.score);
            } else if (v instanceof SetValue) {
                SetValue s = (SetValue) v;
                for (int i = 0; i < s.size(); i++) f.accept(s.get(i), 1.0);
            }
        }
    }

    private static double aggregate(double target, double val, int agg) {
        if (agg == 0) {
            double r = target + val;
            return Double.isNaN(r) ? 0.0 : r;
        }
        if (agg == 1) return val < target ? val : target;
        return val > target ? val : target;
    }

    static void zsetOp(Client c, byte[] dst, int numkeysIdx, int op, boolean cardOnly) {
        long setnum = Bytes.toLong(c.argv[numkeysIdx]);
        if (setnum < 1) {
            throw new RedisException("ERR at least 1 input key is needed for '" + c.cmd.fullName + "' command");
        }
        if (setnum > c.argc() - (numkeysIdx + 1)) throw Errors.syntax;
        int n = (int) setnum;
        Src[] src = new Src[n];
        int j = numkeysIdx + 1;
        for (int i = 0; i < n; i++, j++) {
            Object v = dst != null ? c.db.lookupWrite(c.argv[j]) : c.db.lookupRead(c.argv[j]);
            if (v != null && !(v instanceof ZSetValue) && !(v instanceof SetValue)) throw Errors.wrongType;
            src[i] = new Src();
            src[i].v = v;
        }
        int agg = 0;
        boolean withScores = false;
        long limit = 0;
        int remaining = c.argc() - j;
        while (remaining > 0) {
            byte[] o = c.argv[j];
            if (op != DIFF && !cardOnly && remaining >= n + 1 && Bytes.eq(o, "weights")) {
                j++;
                remaining--;
                for (int i = 0; i < n; i++, j++, remaining--) {
                    src[i].weight = parseScore(c.argv[j], "ERR weight value is not a float");
                }
            } else if (op != DIFF && !cardOnly && remaining >= 2 && Bytes.eq(o, "aggregate")) {
                j++;
                byte[] a = c.argv[j];
                if (Bytes.eq(a, "sum")) agg = 0;
                else if (Bytes.eq(a, "min")) agg = 1;
                else if (Bytes.eq(a, "max")) agg = 2;
                else throw Errors.syntax;
                j++;
                remaining -= 2;
            } else if (dst == null && !cardOnly && Bytes.eq(o, "withscores")) {
                j++;
                remaining--;
                withScores = true;
            } else if (cardOnly && remaining >= 2 && Bytes.eq(o, "limit")) {
                limit = SetCommands.positive(c.argv[j + 1], "ERR LIMIT can't be negative");
                j += 2;
                remaining -= 2;
            } else {
                throw Errors.syntax;
            }
        }
        if (op != DIFF) Arrays.sort(src, Comparator.comparingLong(Src::size));

        // accumulate into an insertion-ordered map, then sort like a fresh skiplist would
        Map<ByteKey, double[]> acc = new HashMap<>();
        List<byte[]> order = new ArrayList<>();
        long card = 0;
        if (op == INTER) {
            if (src[0].size() > 0) {
                final int fagg = agg;
                long[] cardBox = {0};
                final long flimit = limit;
                boolean[] stop = {false};
                src[0].forEach((ele, sc) -> {
                    if (stop[0]) return;
                    double score = src[0].weight * sc;
                    if (Double.isNaN(score)) score = 0;
                    int k;
                    for (k = 1; k < n; k++) {
                        double value;
                        if (src[k].v == src[0].v) {
                            value = sc * src[k].weight;
                        } else {
                            Double f = src[k].find(ele);
                            if (f == null) break;
                            value = f * src[k].weight;
                        }
                        score = aggregate(score, value, fagg);
                    }
                    if (k != n) return;
                    if (cardOnly) {
                        cardBox[0]++;
                        if (flimit != 0 && cardBox[0] >= flimit) stop[0] = true;
                    } else {
                        acc.put(new ByteKey(ele), new double[] {score});
                        order.add(ele);
                    }
                });
                card = cardBox[0];
            }
        } else if (op == UNION) {
            final int fagg = agg;
            for (Src s : src) {
                s.forEach((ele, sc) -> {
                    double score = s.weight * sc;
                    if (Double.isNaN(score)) score = 0;
                    ByteKey k = new ByteKey(ele);
                    double[] cur = acc.get(k);
                    if (cur == null) {
                        acc.put(k, new double[] {score});
                        order.add(ele);
                    } else {
                        cur[0] = aggregate(cur[0], score, fagg);
                    }
                });
            }
        } else {
            src[0].forEach((ele, sc) -> {
                for (int k = 1; k < n; k++) {
                    if (src[k].v == src[0].v || src[k].find(ele) != null) return;
                }
                acc.put(new ByteKey(ele), new double[] {sc});
                order.add(ele);
            });
        }
        if (cardOnly) {
            c.reply.integer(card);
            return;
        }
        Config cfg = c.engine.config();
        ZSetValue result = new ZSetValue(false);
        long maxLen = 0;
        for (byte[] e : order) {
            result.insert(acc.get(new ByteKey(e))[0], e, Long.MAX_VALUE, Long.MAX_VALUE);
            maxLen = Math.max(maxLen, e.length);
        }
        if (dst != null) {
            if (result.size() > 0) {
                result.shrinkIfFits(ZSetValue.maxEntries(cfg), ZSetValue.maxValue(cfg), maxLen);
                c.db.setKey(dst, result, false);
                c.reply.integer(result.size());
                c.engine.notify(Notify.ZSET, op == UNION ? "zunionstore" : op == INTER ? "zinterstore" : "zdiffstore",
                        c.db, dst);
            } else {
                c.reply.integer(0);
                if (c.db.delete(dst)) c.engine.notify(Notify.GENERIC, "del", c.db, dst);
            }
            return;
        }
        Result res = new Result();
        for (Node x = result.first(); x != null; x = x.next()) res.add(x);
        emit(c, res, withScores);
    }

    // ---- pops ----

    static void zpop(Client c, int where) {
        if (c.argc() > 3) throw Errors.syntax;
        long count = -1;
        if (c.argc() == 3) {
            count = SetCommands.positive(c.argv[2], "ERR value is out of range, must be positive");
        }
        genericPop(c, new byte[][] {c.argv[1]}, where, false, count, c.argc() == 3 && c.resp() > 2, false);
    }

    /**
     * genericZpopCommand: pops up to count members (count -1: one, flat reply) from the first
     * non-empty key. Returns false when no key had members (after replying empty or null).
     */
    static boolean genericPop(Client c, byte[][] keys, int where, boolean emitKey, long count, boolean nested,
            boolean nilWhenEmpty) {
        ZSetValue z = null;
        byte[] key = null;
        for (byte[] k : keys) {
            Object v = c.db.lookupWrite(k);
            if (v == null) continue;
            z = Database.typed(v, ZSetValue.class);
            key = k;
            break;
        }
        if (z == null) {
            if (nilWhenEmpty) c.reply.nullArray();
            else c.reply.array(0);
            return false;
        }
        if (count == 0) {
            c.reply.array(0);
            return false;
        }
        if (count == -1) count = 1;
        long n = Math.min(count, z.size());
        if (!nested && !emitKey) {
            c.reply.array((int) (n * 2));
        } else if (nested && !emitKey) {
            c.reply.array((int) n);
        } else if (!nested) {
            c.reply.array((int) (n * 2 + 1));
            c.reply.bulk(key);
        } else {
            c.reply.array(2);
            c.reply.bulk(key);
            c.reply.array((int) n);
        }
        for (long i = 0; i < n; i++) {
            Node x = where == MIN ? z.first() : z.last();
            byte[] ele = x.ele;
            double score = x.score;
            z.remove(ele);
            if (nested) c.reply.array(2);
            c.reply.bulk(ele);
            c.reply.dbl(score);
        }
        c.engine.notify(Notify.ZSET, where == MIN ? "zpopmin" : "zpopmax", c.db, key);
        if (z.size() == 0) {
            c.db.delete(key);
            c.engine.notify(Notify.GENERIC, "del", c.db, key);
        }
        c.db.signalModifiedKey(key);
        return true;
    }

    /** ZMPOP (numkeys at argv[1]) and BZMPOP (timeout at argv[1], numkeys at argv[2]). */
    static void zmpop(Client c, int numkeysIdx, boolean block) {
        long numkeys = SetCommands.positive(c.argv[numkeysIdx], "ERR numkeys should be greater than 0");
        if (numkeys < 1) throw new RedisException("ERR numkeys should be greater than 0");
        if (numkeys >= c.argc() - numkeysIdx - 1) throw Errors.syntax;
        int whereIdx = numkeysIdx + (int) numkeys + 1;
        int where;
        if (Bytes.eq(c.argv[whereIdx], "min")) where = MIN;
        else if (Bytes.eq(c.argv[whereIdx], "max")) where = MAX;
        else throw Errors.syntax;
        long count = -1;
        for (int j = whereIdx + 1; j < c.argc(); j++) {
            int more = c.argc() - 1 - j;
            if (count == -1 && Bytes.eq(c.argv[j], "count") && more > 0) {
                j++;
                count = SetCommands.positive(c.argv[j], "ERR count should be greater than 0");
                if (count < 1) throw new RedisException("ERR count should be greater than 0");
            } else {
                throw Errors.syntax;
            }
        }
        if (count == -1) count = 1;
        byte[][] keys = Arrays.copyOfRange(c.argv, numkeysIdx + 1, numkeysIdx + 1 + (int) numkeys);
        if (block) blockingPop(c, keys, 1, where, count, true);
        else genericPop(c, keys, where, true, count, true, true);
    }

    static void bzpop(Client c, int where) {
        byte[][] keys = Arrays.copyOfRange(c.argv, 1, c.argc() - 1);
        blockingPop(c, keys, c.argc() - 1, where, -1, false);
    }

    /** blockingGenericZpopCommand: serve now from the first non-empty key, else park the client. */
    private static void blockingPop(Client c, byte[][] keys, int timeoutIdx, int where, long count, boolean nested) {
        long deadline = BlockingCommands.deadline(c, c.argv[timeoutIdx]);
        for (byte[] k : keys) {
            Object v = c.db.lookupWrite(k);
            if (v == null) continue;
            ZSetValue z = Database.typed(v, ZSetValue.class);
            if (z.size() == 0) continue;
            genericPop(c, new byte[][] {k}, where, true, count, nested, nested);
            return;
        }
        if (!BlockingCommands.mayBlock(c)) {
            // inside MULTI or a script: time out at once, as Redis does
            c.reply.nullArray();
            return;
        }
        c.engine.blocking().block(c, c.db, keys, deadline, new Blocking.Waiter() {
            @Override
            public boolean serve(Client bc, Database db, byte[] key) {
                Object v = db.peek(key);
                if (!(v instanceof ZSetValue) || ((ZSetValue) v).size() == 0) return false;
                Database saved = bc.db;
                bc.db = db;
                try {
                    genericPop(bc, new byte[][] {key}, where, true, count, nested, nested);
                } finally {
                    bc.db = saved;
                }
                return true;
            }

            @Override
            public void timeout(Client bc) {
                bc.reply.nullArray();
            }
        });
    }

    // ---- ZRANDMEMBER ----

    static void zrandmember(Client c) {
        if (c.argc() >= 3) {
            long l = Bytes.toLong(c.argv[2]);
            if (l == Long.MIN_VALUE) {
                throw new RedisException("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
            }
            boolean withScores = false;
            if (c.argc() > 4 || (c.argc() == 4 && !Bytes.eq(c.argv[3], "withscores"))) throw Errors.syntax;
            if (c.argc() == 4) {
                withScores = true;
                if (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2) throw new RedisException("ERR value is out of range");
            }
            zrandWithCount(c, l, withScores);
            return;
        }
        ZSetValue z = readZ(c, c.argv[1]);
        if (z == null) {
            c.reply.nullBulk();
            return;
        }
        c.reply.bulk(z.byRank(c.engine.random.nextInt((int) z.size())).ele);
    }

    private static void zrandWithCount(Client c, long l, boolean withScores) {
        boolean uniq = l >= 0;
        long count = Math.abs(l);
        ZSetValue z = readZ(c, c.argv[1]);
        if (z == null || count == 0) {
            c.reply.array(0);
            return;
        }
        boolean nested = withScores && c.resp() > 2;
        int size = (int) z.size();
        if (!uniq || count == 1) {
            c.reply.array((int) (withScores && !nested ? count * 2 : count));
            for (long i = 0; i < count; i++) {
                Node x = z.byRank(c.engine.random.nextInt(size));
                if (nested) c.reply.array(2);
                c.reply.bulk(x.ele);
                if (withScores) c.reply.dbl(x.score);
            }
            return;
        }
        Result res = new Result();
        if (count >= size) {
            for (Node x = z.last(); x != null; x = x.prev()) res.add(x);
        } else {
            int[] idx = new int[size];
            for (int i = 0; i < size; i++) idx[i] = i;
            for (int i = 0; i < count; i++) {
                int k = i + c.engine.random.nextInt(size - i);
                int t = idx[i];
                idx[i] = idx[k];
                idx[k] = t;
                res.add(z.byRank(idx[i]));
            }
        }
        emit(c, res, withScores);
    }

    // ---- ZSCAN ----

    static void zscan(Client c) {
        SetCommands.parseCursor(c.argv[2]);
        ZSetValue z = readZ(c, c.argv[1]);
        if (z == null) {
            SetCommands.emptyScan(c);
            return;
        }
        SetCommands.ScanArgs a = SetCommands.ScanArgs.parse(c, 3);
        // returns everything in one call, as Redis does for listpacks
        List<Node> out = new ArrayList<>();
        for (Node x = z.first(); x != null; x = x.next()) if (a.matches(x.ele)) out.add(x);
        c.reply.array(2);
        c.reply.bulk("0");
        c.reply.array(out.size() * 2);
        for (Node x : out) {
            c.reply.bulk(x.ele);
            c.reply.bulk(z.isListpack() ? listpackScore(x.score) : Bytes.formatG17(x.score));
        }
    }

    /** How a listpack stores a score (d2string): integral values within +-LLONG_MAX/2 as integers. */
    static String listpackScore(double d) {
        if (d >= (double) (-Long.MAX_VALUE / 2) && d <= (double) (Long.MAX_VALUE / 2) && (long) d == d) {
            return Long.toString((long) d);
        }
        return Bytes.formatG17(d);
    }
}
