package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.blocking.Blocking;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.type.StreamValue;
import io.fakeredis.core.type.StreamValue.Id;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Stream commands, as Redis 7.0's t_stream.c. */
public final class StreamCommands {
    private StreamCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "xadd" -> xadd(c);
            case "xlen" -> xlen(c);
            case "xrange" -> xrange(c, false);
            case "xrevrange" -> xrange(c, true);
            case "xdel" -> xdel(c);
            case "xtrim" -> xtrim(c);
            case "xsetid" -> xsetid(c);
            case "xread" -> xread(c);
            case "xinfo|stream" -> xinfoStream(c);
            case "xinfo|help" -> StreamGroupCommands.xinfoHelp(c);
            case "xinfo|groups" -> StreamGroupCommands.xinfoGroups(c);
            case "xinfo|consumers" -> StreamGroupCommands.xinfoConsumers(c);
            case "xgroup|create" -> StreamGroupCommands.xgroup(c, "create");
            case "xgroup|setid" -> StreamGroupCommands.xgroup(c, "setid");
            case "xgroup|destroy" -> StreamGroupCommands.xgroup(c, "destroy");
            case "xgroup|createconsumer" -> StreamGroupCommands.xgroup(c, "createconsumer");
            case "xgroup|delconsumer" -> StreamGroupCommands.xgroup(c, "delconsumer");
            case "xgroup|help" -> StreamGroupCommands.xgroup(c, "help");
            case "xreadgroup" -> StreamGroupCommands.xreadgroup(c);
            case "xack" -> StreamGroupCommands.xack(c);
            case "xpending" -> StreamGroupCommands.xpending(c);
            case "xclaim" -> StreamGroupCommands.xclaim(c);
            case "xautoclaim" -> StreamGroupCommands.xautoclaim(c);
            default -> throw new IllegalStateException("not bound in StreamCommands: " + name);
        }
    }

    static final String INVALID_ID = "ERR Invalid stream ID specified as stream command argument";

    static StreamValue read(Client c, byte[] key) {
        return Database.typed(c.db.lookupRead(key), StreamValue.class);
    }

    static StreamValue write(Client c, byte[] key) {
        return Database.typed(c.db.lookupWrite(key), StreamValue.class);
    }

    // ---- ID parsing ----

    /** Redis's string2ull: string2ll for non-negatives, else strtoull (spaces, sign, wrap of '-'). */
    static boolean parseUnsigned(byte[] b, int off, int len, long[] out) {
        long[] l = new long[1];
        if (Bytes.parseLong(b, off, len, l)) {
            if (l[0] < 0) return false;
            out[0] = l[0];
            return true;
        }
        int i = off, end = off + len;
        while (i < end && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) i++;
        boolean neg = false;
        if (i < end && (b[i] == '+' || b[i] == '-')) neg = b[i++] == '-';
        if (i == end) return false;
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return false;
            long hi = Math.multiplyHigh(v, 10) + ((v >> 63) & 10); // unsigned high word of v*10
            long lo = v * 10;
            if (hi != 0) return false;
            long sum = lo + d;
            if (Long.compareUnsigned(sum, lo) < 0) return false;
            v = sum;
        }
        out[0] = neg ? -v : v;
        return true;
    }

    /** streamGenericParseIDOrReply. seqGiven: non-null for XADD, which accepts "ms-*"; [0] becomes false then. */
    static Id parseId(byte[] arg, long missingSeq, boolean strict, boolean[] seqGiven) {
        int len = arg.length;
        for (int i = 0; i < len; i++) if (arg[i] == 0) { len = i; break; } // C string
        if (arg.length > 127) throw new RedisException(INVALID_ID);
        if (len == 1 && (arg[0] == '-' || arg[0] == '+')) {
            if (strict) throw new RedisException(INVALID_ID);
            return arg[0] == '-' ? Id.MIN : Id.MAX;
        }
        if (seqGiven != null) seqGiven[0] = true;
        int dash = -1;
        for (int i = 0; i < len; i++) if (arg[i] == '-') { dash = i; break; }
        long[] v = new long[1];
        if (!parseUnsigned(arg, 0, dash < 0 ? len : dash, v)) throw new RedisException(INVALID_ID);
        long ms = v[0];
        long seq = missingSeq;
        if (dash >= 0) {
            int sl = len - dash - 1;
            if (seqGiven != null && sl == 1 && arg[dash + 1] == '*') {
                seq = 0;
                seqGiven[0] = false;
            } else if (parseUnsigned(arg, dash + 1, sl, v)) {
                seq = v[0];
            } else {
                throw new RedisException(INVALID_ID);
            }
        }
        return new Id(ms, seq);
    }

    static Id strictId(byte[] arg) {
        return parseId(arg, 0, true, null);
    }

    static byte[] idBytes(Id id) {
        return Bytes.utf8(id.toString());
    }

    // ---- replies ----

    /** streamReplyWithRange for plain reads: [[id, [f, v...]]...]. count 0: no limit. */
    static void replyRange(Client c, StreamValue s, Id start, Id end, long count, boolean rev) {
        if (start.compareTo(end) > 0) {
            c.reply.array(0);
            return;
        }
        NavigableMap<Id, byte[][]> m = s.entries.subMap(start, true, end, true);
        if (rev) m = m.descendingMap();
        int n = (int) Math.min(m.size(), count > 0 ? count : Long.MAX_VALUE);
        c.reply.array(n);
        int i = 0;
        for (Map.Entry<Id, byte[][]> e : m.entrySet()) {
            if (i++ == n) break;
            replyEntry(c, e.getKey(), e.getValue());
        }
    }

    static void replyEntry(Client c, Id id, byte[][] fv) {
        c.reply.array(2);
        c.reply.bulk(idBytes(id));
        c.reply.array(fv.length);
        for (byte[] b : fv) c.reply.bulk(b);
    }

    // ---- XADD / XTRIM ----

    /** streamAddTrimArgs. */
    static final class TrimArgs {
        Id id;
        boolean idGiven;
        boolean[] seqGiven = {true};
        boolean noMkStream;
        int strategy; // 0 none, 1 maxlen, 2 minid
        boolean approx;
        long maxLen;
        Id minId;
        long limit;
    }

    /** streamParseAddOrTrimArgsOrReply: returns the index of the ID (XADD) or argc. */
    static int parseAddOrTrim(Client c, TrimArgs a, boolean xadd) {
        int i = 2;
        boolean limitGiven = false;
        int argc = c.argc();
        for (; i < argc; i++) {
            int more = argc - 1 - i;
            byte[] opt = c.argv[i];
            if (xadd && opt.length == 1 && opt[0] == '*') {
                break;
            } else if (Bytes.eq(opt, "maxlen") && more > 0 || Bytes.eq(opt, "minid") && more > 0) {
                boolean maxlen = Bytes.eq(opt, "maxlen");
                if (a.strategy != 0) {
                    throw new RedisException("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
                }
                a.approx = false;
                byte[] next = c.argv[i + 1];
                if (more >= 2 && next.length == 1 && next[0] == '~') {
                    a.approx = true;
                    i++;
                } else if (more >= 2 && next.length == 1 && next[0] == '=') {
                    i++;
                }
                if (maxlen) {
                    a.maxLen = Bytes.toLong(c.argv[i + 1]);
                    if (a.maxLen < 0) throw new RedisException("ERR The MAXLEN argument must be >= 0.");
                    a.strategy = 1;
                } else {
                    a.minId = strictId(c.argv[i + 1]);
                    a.strategy = 2;
                }
                i++;
            } else if (Bytes.eq(opt, "limit") && more > 0) {
                a.limit = Bytes.toLong(c.argv[i + 1]);
                if (a.limit < 0) throw new RedisException("ERR The LIMIT argument must be >= 0.");
                limitGiven = true;
                i++;
            } else if (xadd && Bytes.eq(opt, "nomkstream")) {
                a.noMkStream = true;
            } else if (xadd) {
                a.id = parseId(opt, 0, true, a.seqGiven);
                a.idGiven = true;
                break;
            } else {
                throw Errors.syntax;
            }
        }
        if (a.limit != 0 && a.strategy == 0) {
            throw new RedisException("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
        }
        if (!xadd && a.strategy == 0) {
            throw new RedisException("ERR syntax error, XTRIM must be called with a trimming strategy");
        }
        if (limitGiven) {
            if (!a.approx) throw new RedisException("ERR syntax error, LIMIT cannot be used without the special ~ option");
        } else if (a.approx) {
            a.limit = 100 * nodeMaxEntries(c);
            if (a.limit <= 0 || a.limit > 1000000) a.limit = 10000;
        } else {
            a.limit = 0;
        }
        return i;
    }

    static long nodeMaxEntries(Client c) {
        return c.engine.config().getLong("stream-node-max-entries");
    }

    static long trim(StreamValue s, TrimArgs a) {
        if (a.strategy == 0) return 0;
        return s.trim(a.maxLen, a.strategy == 2 ? a.minId : null, a.approx, a.limit);
    }

    static void xadd(Client c) {
        TrimArgs a = new TrimArgs();
        int idPos = parseAddOrTrim(c, a, true);
        int fieldPos = idPos + 1;
        int nf = c.argc() - fieldPos;
        if (nf < 2 || nf % 2 == 1) throw new RedisException(Errors.wrongArgs(c.cmd.fullName));
        if (a.idGiven && a.seqGiven[0] && a.id.isZero()) {
            throw new RedisException("ERR The ID specified in XADD must be greater than 0-0");
        }
        byte[] key = c.argv[1];
        StreamValue s = write(c, key);
        boolean created = false;
        if (s == null) {
            if (a.noMkStream) {
                c.reply.nullBulk();
                return;
            }
            s = new StreamValue();
            created = true;
        }
        if (s.lastId.equals(Id.MAX)) {
            throw new RedisException("ERR The stream has exhausted the last possible ID, unable to add more items");
        }
        Id id;
        if (a.idGiven) {
            if (a.seqGiven[0]) {
                id = a.id;
            } else if (s.lastId.ms == a.id.ms) {
                if (s.lastId.seq == -1L) throw new RedisException(EQUAL_OR_SMALLER);
                id = new Id(s.lastId.ms, s.lastId.seq + 1);
            } else {
                id = a.id;
            }
        } else {
            long now = c.engine.now();
            id = Long.compareUnsigned(now, s.lastId.ms) > 0 ? new Id(now, 0) : s.lastId.incr();
        }
        if (id.compareTo(s.lastId) <= 0) throw new RedisException(EQUAL_OR_SMALLER);
        byte[][] fv = Arrays.copyOfRange(c.argv, fieldPos, c.argc());
        s.append(id, fv, nodeMaxEntries(c));
        if (created) c.db.addSignalLater(key, s);
        c.reply.bulk(idBytes(id));
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.STREAM, "xadd", c.db, key);
        if (trim(s, a) > 0) c.engine.notify(Notify.STREAM, "xtrim", c.db, key);
        c.db.signalKeyAsReady(key);
    }

    static final String EQUAL_OR_SMALLER = "ERR The ID specified in XADD is equal or smaller than the target stream top item";

    static void xtrim(Client c) {
        byte[] key = c.argv[1];
        // as Redis: the arguments are checked before the key is looked up
        TrimArgs a = new TrimArgs();
        parseAddOrTrim(c, a, false);
        StreamValue s = write(c, key);
        if (s == null) {
            c.reply.integer(0);
            return;
        }
        long deleted = trim(s, a);
        if (deleted > 0) {
            c.engine.notify(Notify.STREAM, "xtrim", c.db, key);
            c.db.signalModifiedKey(key);
        }
        c.reply.integer(deleted);
    }

    // ---- XLEN, XRANGE, XDEL, XSETID ----

    static void xlen(Client c) {
        StreamValue s = read(c, c.argv[1]);
        c.reply.integer(s == null ? 0 : s.length());
    }

    static void xrange(Client c, boolean rev) {
        byte[] startArg = rev ? c.argv[3] : c.argv[2];
        byte[] endArg = rev ? c.argv[2] : c.argv[3];
        boolean startEx = startArg.length > 1 && startArg[0] == '(';
        Id start = startEx ? strictId(Arrays.copyOfRange(startArg, 1, startArg.length)) : parseId(startArg, 0, false, null);
        if (startEx) {
            start = start.incr();
            if (start == null) throw new RedisException("ERR invalid start ID for the interval");
        }
        boolean endEx = endArg.length > 1 && endArg[0] == '(';
        Id end = endEx ? parseId(Arrays.copyOfRange(endArg, 1, endArg.length), -1L, true, null)
                : parseId(endArg, -1L, false, null);
        if (endEx) {
            end = end.decr();
            if (end == null) throw new RedisException("ERR invalid end ID for the interval");
        }
        long count = -1;
        for (int j = 4; j < c.argc(); j++) {
            if (Bytes.eq(c.argv[j], "count") && c.argc() - j - 1 >= 1) {
                count = Bytes.toLong(c.argv[j + 1]);
                if (count < 0) count = 0;
                j++;
            } else {
                throw Errors.syntax;
            }
        }
        StreamValue s = read(c, c.argv[1]);
        if (s == null) {
            c.reply.array(0);
            return;
        }
        if (count == 0) {
            c.reply.nullArray();
            return;
        }
        replyRange(c, s, start, end, count == -1 ? 0 : count, rev);
    }

    static void xdel(Client c) {
        byte[] key = c.argv[1];
        StreamValue s = write(c, key);
        if (s == null) {
            c.reply.integer(0);
            return;
        }
        Id[] ids = new Id[c.argc() - 2];
        for (int j = 2; j < c.argc(); j++) ids[j - 2] = strictId(c.argv[j]);
        long deleted = 0;
        for (Id id : ids) {
            if (s.delete(id)) {
                if (id.compareTo(s.maxDeletedId) > 0) s.maxDeletedId = id;
                deleted++;
            }
        }
        if (deleted > 0) {
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.STREAM, "xdel", c.db, key);
        }
        c.reply.integer(deleted);
    }

    static void xsetid(Client c) {
        Id id = strictId(c.argv[2]);
        Id maxDel = Id.MIN;
        long entriesAdded = -1;
        for (int i = 3; i < c.argc(); ) {
            boolean more = c.argc() - 1 - i > 0;
            if (Bytes.eq(c.argv[i], "entriesadded") && more) {
                entriesAdded = Bytes.toLong(c.argv[i + 1]);
                if (entriesAdded < 0) throw new RedisException("ERR entries_added must be positive");
                i += 2;
            } else if (Bytes.eq(c.argv[i], "maxdeletedid") && more) {
                maxDel = strictId(c.argv[i + 1]);
                if (id.compareTo(maxDel) < 0) {
                    throw new RedisException("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
                }
                i += 2;
            } else {
                throw Errors.syntax;
            }
        }
        byte[] key = c.argv[1];
        StreamValue s = write(c, key);
        if (s == null) throw new RedisException(Errors.NO_SUCH_KEY);
        // 7.0.15 does not compare with the stream's own max_deleted_entry_id
        if (s.length() > 0) {
            if (id.compareTo(s.lastValidId()) < 0) {
                throw new RedisException("ERR The ID specified in XSETID is smaller than the target stream top item");
            }
            if (entriesAdded != -1 && Long.compareUnsigned(s.length(), entriesAdded) > 0) {
                throw new RedisException("ERR The entries_added specified in XSETID is smaller than the target stream length");
            }
        }
        s.lastId = id;
        if (entriesAdded != -1) s.entriesAdded = entriesAdded;
        if (!maxDel.isZero()) s.maxDeletedId = maxDel;
        c.db.signalModifiedKey(key);
        c.engine.notify(Notify.STREAM, "xsetid", c.db, key);
        c.reply.ok();
    }

    // ---- XREAD ----

    /** XREAD's and XREADGROUP's options, parsed by one loop as Redis's xreadCommand does. */
    static final class ReadOptions {
        long deadline = -1;
        long count;
        int streamsArg;
        int nStreams;
        byte[] group;
        byte[] consumer;
        boolean noack;

        static ReadOptions parse(Client c, boolean xreadgroup) {
            ReadOptions r = new ReadOptions();
            int argc = c.argc();
            for (int i = 1; i < argc; i++) {
                int more = argc - i - 1;
                byte[] o = c.argv[i];
                if (Bytes.eq(o, "block") && more > 0) {
                    denyBlockInScripts(c);
                    i++;
                    r.deadline = timeoutMs(c, c.argv[i]);
                } else if (Bytes.eq(o, "count") && more > 0) {
                    i++;
                    r.count = Math.max(0, Bytes.toLong(c.argv[i]));
                } else if (Bytes.eq(o, "streams") && more > 0) {
                    r.streamsArg = i + 1;
                    r.nStreams = argc - r.streamsArg;
                    if (r.nStreams % 2 != 0) {
                        // 7.0.15 names XREAD and '$' here even for XREADGROUP
                        throw new RedisException("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
                    }
                    r.nStreams /= 2;
                    break;
                } else if (Bytes.eq(o, "group") && more >= 2) {
                    if (!xreadgroup) throw new RedisException("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
                    r.group = c.argv[i + 1];
                    r.consumer = c.argv[i + 2];
                    i += 2;
                } else if (Bytes.eq(o, "noack")) {
                    if (!xreadgroup) throw new RedisException("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
                    r.noack = true;
                } else {
                    throw Errors.syntax;
                }
            }
            if (r.streamsArg == 0) throw Errors.syntax;
            if (xreadgroup && r.group == null) throw new RedisException("ERR Missing GROUP option for XREADGROUP");
            return r;
        }
    }

    static void xread(Client c) {
        ReadOptions opts = ReadOptions.parse(c, false);
        long deadline = opts.deadline;
        long count = opts.count;
        int streamsArg = opts.streamsArg;
        int nStreams = opts.nStreams;
        byte[][] keys = Arrays.copyOfRange(c.argv, streamsArg, streamsArg + nStreams);
        Id[] ids = new Id[nStreams];
        for (int i = 0; i < nStreams; i++) {
            byte[] arg = c.argv[streamsArg + nStreams + i];
            StreamValue s = read(c, keys[i]);
            if (arg.length == 1 && arg[0] == '$') {
                ids[i] = s == null ? Id.MIN : s.lastId;
            } else if (arg.length == 1 && arg[0] == '>') {
                throw new RedisException("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.");
            } else {
                ids[i] = strictId(arg);
            }
        }
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < nStreams; i++) {
            Object v = c.db.lookupRead(keys[i]);
            if (!(v instanceof StreamValue)) continue;
            StreamValue s = (StreamValue) v;
            if (s.length() > 0 && s.lastValidId().compareTo(ids[i]) > 0) ready.add(i);
        }
        if (!ready.isEmpty()) {
            if (c.reply.resp() == 2) c.reply.array(ready.size());
            else c.reply.map(ready.size());
            for (int i : ready) {
                StreamValue s = (StreamValue) c.db.peek(keys[i]);
                if (c.reply.resp() == 2) c.reply.array(2);
                c.reply.bulk(keys[i]);
                replyRange(c, s, ids[i].incr(), Id.MAX, count, false);
            }
            return;
        }
        if (deadline == -1 || !BlockingCommands.mayBlock(c)) {
            c.reply.nullArray();
            return;
        }
        // a woken XREAD without COUNT gets at most XREAD_BLOCKED_DEFAULT_COUNT entries
        final long n = count > 0 ? count : StreamGroupCommands.BLOCKED_DEFAULT_COUNT;
        c.engine.blocking().block(c, c.db, keys, deadline, new Blocking.Waiter() {
            @Override
            public boolean serve(Client bc, Database db, byte[] key) {
                Object v = db.peek(key);
                if (!(v instanceof StreamValue)) return false;
                StreamValue s = (StreamValue) v;
                Id gt = null;
                for (int i = 0; i < keys.length; i++) if (Arrays.equals(keys[i], key)) { gt = ids[i]; break; }
                if (gt == null || s.lastId.compareTo(gt) <= 0) return false;
                if (bc.reply.resp() == 2) {
                    bc.reply.array(1);
                    bc.reply.array(2);
                } else {
                    bc.reply.map(1);
                }
                bc.reply.bulk(key);
                Id start = gt.incr();
                replyRange(bc, s, start == null ? Id.MIN : start, Id.MAX, n, false);
                return true;
            }

            @Override
            public void timeout(Client bc) {
                bc.reply.nullArray();
            }
        });
    }

    /** XREAD and XREADGROUP refuse BLOCK in scripts outright, as Redis's xreadCommand. */
    static void denyBlockInScripts(Client c) {
        if (c.engine.scripting().isScriptClient(c)) {
            throw new RedisException("ERR " + Bytes.str(c.argv[0]) + " command is not allowed with BLOCK option from scripts");
        }
    }

    /** getTimeoutFromObjectOrReply in milliseconds: absolute engine-clock deadline, 0 for forever. */
    static long timeoutMs(Client c, byte[] arg) {
        long t = Bytes.toLong(arg, "ERR timeout is not an integer or out of range");
        if (t < 0) throw new RedisException("ERR timeout is negative");
        if (t == 0) return 0;
        long now = c.engine.now();
        if (t > Long.MAX_VALUE - now) throw new RedisException("ERR timeout is out of range");
        return now + t;
    }

    // ---- XINFO STREAM (without FULL) ----

    static void xinfoStream(Client c) {
        // the key is looked up before the arguments are parsed, as xinfoCommand does
        Object v = c.db.lookupRead(c.argv[2]);
        if (v == null) throw new RedisException(Errors.NO_SUCH_KEY);
        StreamValue s = Database.typed(v, StreamValue.class);
        if (c.argc() > 3) {
            int argc = c.argc();
            if (!Bytes.eq(c.argv[3], "full") || (argc > 4 && (argc != 6 || !Bytes.eq(c.argv[4], "count")))) {
                throw new RedisException("ERR unknown subcommand or wrong number of arguments for '" + Bytes.str(c.argv[1])
                        + "'. Try " + Bytes.str(c.argv[0]).toUpperCase(java.util.Locale.ROOT) + " HELP.");
            }
            long count = 10;
            if (argc == 6) {
                count = Bytes.toLong(c.argv[5]);
                if (count < 0) count = 0;
            }
            StreamGroupCommands.xinfoStreamFull(c, s, count);
            return;
        }
        c.reply.map(10);
        c.reply.bulk("length");
        c.reply.integer(s.length());
        c.reply.bulk("radix-tree-keys");
        c.reply.integer(s.radixKeys());
        c.reply.bulk("radix-tree-nodes");
        c.reply.integer(s.radixNodes());
        c.reply.bulk("last-generated-id");
        c.reply.bulk(idBytes(s.lastId));
        c.reply.bulk("max-deleted-entry-id");
        c.reply.bulk(idBytes(s.maxDeletedId));
        c.reply.bulk("entries-added");
        c.reply.integer(s.entriesAdded);
        c.reply.bulk("recorded-first-entry-id");
        c.reply.bulk(idBytes(s.firstId()));
        c.reply.bulk("groups");
        c.reply.integer(s.groupCount());
        c.reply.bulk("first-entry");
        if (s.length() == 0) c.reply.nullBulk();
        else replyEntry(c, s.entries.firstKey(), s.entries.firstEntry().getValue());
        c.reply.bulk("last-entry");
        if (s.length() == 0) c.reply.nullBulk();
        else replyEntry(c, s.entries.lastKey(), s.entries.lastEntry().getValue());
    }
}
