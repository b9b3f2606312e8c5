package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.blocking.Blocking;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.type.StreamValue;
import io.fakeredis.core.type.StreamValue.Consumer;
import io.fakeredis.core.type.StreamValue.Group;
import io.fakeredis.core.type.StreamValue.Id;
import io.fakeredis.core.type.StreamValue.Nack;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Stream consumer groups, as Redis 7.0's t_stream.c: XGROUP, XREADGROUP, XACK, XPENDING, XCLAIM, XAUTOCLAIM, XINFO. */
final class StreamGroupCommands {
    private StreamGroupCommands() {}

    /** XREAD_BLOCKED_DEFAULT_COUNT: a blocked read without COUNT is served at most this many entries. */
    static final long BLOCKED_DEFAULT_COUNT = 1000;

    static String str(byte[] b) {
        return Bytes.str(b);
    }

    static RedisException subcommandSyntax(Client c) {
        return new RedisException("ERR unknown subcommand or wrong number of arguments for '" + str(c.argv[1])
                + "'. Try " + str(c.argv[0]).toUpperCase(java.util.Locale.ROOT) + " HELP.");
    }

    /** streamParseIntervalIDOrReply: "(id" is exclusive; returns the id and sets ex[0]. */
    static Id intervalId(byte[] arg, long missingSeq, boolean[] ex) {
        ex[0] = arg.length > 1 && arg[0] == '(';
        if (ex[0]) return StreamCommands.parseId(Arrays.copyOfRange(arg, 1, arg.length), missingSeq, true, null);
        return StreamCommands.parseId(arg, missingSeq, false, null);
    }

    // ---- consumers ----

    /** streamLookupConsumer; refresh updates the seen time as SLC_DEFAULT does. */
    static Consumer lookupConsumer(Client c, Group g, byte[] name, boolean refresh) {
        Consumer con = g.consumers.get(name);
        if (con != null && refresh) con.seenTime = c.engine.now();
        return con;
    }

    /** streamCreateConsumer with the xgroup-createconsumer event; null when it exists. */
    static Consumer createConsumer(Client c, Database db, Group g, byte[] name, byte[] key) {
        if (g.consumers.containsKey(name)) return null;
        Consumer con = new Consumer(name.clone(), c.engine.now());
        g.consumers.put(con.name, con);
        c.engine.notify(Notify.STREAM, "xgroup-createconsumer", db, key);
        return con;
    }

    static Consumer lookupOrCreate(Client c, Database db, Group g, byte[] name, byte[] key) {
        Consumer con = lookupConsumer(c, g, name, true);
        return con != null ? con : createConsumer(c, db, g, name, key);
    }

    // ---- XGROUP ----

    static void xgroup(Client c, String sub) {
        if (sub.equals("help")) {
            ServerCommands.help(c, "XGROUP",
                    "CREATE <key> <groupname> <id|$> [option]",
                    "    Create a new consumer group. Options are:",
                    "    * MKSTREAM",
                    "      Create the empty stream if it does not exist.",
                    "    * ENTRIESREAD entries_read",
                    "      Set the group's entries_read counter (internal use).",
                    "CREATECONSUMER <key> <groupname> <consumer>",
                    "    Create a new consumer in the specified group.",
                    "DELCONSUMER <key> <groupname> <consumer>",
                    "    Remove the specified consumer.",
                    "DESTROY <key> <groupname>",
                    "    Remove the specified group.",
                    "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
                    "    Set the current group ID and entries_read counter.");
            return;
        }
        int argc = c.argc();
        boolean create = sub.equals("create");
        boolean mkstream = false;
        long entriesRead = StreamValue.INVALID_ENTRIES_READ;
        // as xgroupCommand: every subcommand's options are read before the key is looked up
        for (int i = 5; i < argc; ) {
            if (create && Bytes.eq(c.argv[i], "mkstream")) {
                mkstream = true;
                i++;
            } else if ((create || sub.equals("setid")) && Bytes.eq(c.argv[i], "entriesread") && i + 1 < argc) {
                entriesRead = Bytes.toLong(c.argv[i + 1]);
                if (entriesRead < 0 && entriesRead != StreamValue.INVALID_ENTRIES_READ) {
                    throw new RedisException("ERR value for ENTRIESREAD must be positive or -1");
                }
                i += 2;
            } else {
                throw subcommandSyntax(c);
            }
        }
        byte[] key = c.argv[2];
        byte[] name = c.argv[3];
        StreamValue s = StreamCommands.write(c, key);
        if (s == null && !mkstream) {
            throw new RedisException("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may "
                    + "want to use the MKSTREAM option to create an empty stream automatically.");
        }
        Group g = s == null ? null : s.group(name);
        if (g == null && (sub.equals("setid") || sub.equals("createconsumer") || sub.equals("delconsumer"))) {
            throw new RedisException("NOGROUP No such consumer group '" + str(name) + "' for key name '" + str(key) + "'");
        }
        switch (sub) {
            case "create" -> {
                if (argc > 8) throw subcommandSyntax(c);
                Id id;
                if (Bytes.eq(c.argv[4], "$")) id = s == null ? Id.MIN : s.lastId;
                else id = StreamCommands.strictId(c.argv[4]);
                if (s == null) {
                    s = new StreamValue();
                    c.db.add(key, s);
                }
                if (s.createGroup(name.clone(), id, entriesRead) == null) {
                    throw new RedisException("BUSYGROUP Consumer Group name already exists");
                }
                c.reply.ok();
                c.engine.notify(Notify.STREAM, "xgroup-create", c.db, key);
            }
            case "setid" -> {
                if (argc != 5 && argc != 7) throw subcommandSyntax(c);
                Id id = Bytes.eq(c.argv[4], "$") ? s.lastId : StreamCommands.parseId(c.argv[4], 0, false, null);
                g.lastId = id;
                g.entriesRead = entriesRead;
                c.reply.ok();
                c.engine.notify(Notify.STREAM, "xgroup-setid", c.db, key);
            }
            case "destroy" -> {
                if (argc != 4) throw subcommandSyntax(c);
                if (g == null) {
                    c.reply.integer(0);
                    return;
                }
                s.groups.remove(name);
                c.reply.integer(1);
                c.engine.notify(Notify.STREAM, "xgroup-destroy", c.db, key);
                // clients blocked in XREADGROUP on this group get NOGROUP
                c.db.signalKeyAsReady(key);
            }
            case "createconsumer" -> {
                if (argc != 5) throw subcommandSyntax(c);
                c.reply.integer(createConsumer(c, c.db, g, c.argv[4], key) != null ? 1 : 0);
            }
            case "delconsumer" -> {
                if (argc != 5) throw subcommandSyntax(c);
                Consumer con = lookupConsumer(c, g, c.argv[4], false);
                if (con == null) {
                    c.reply.integer(0);
                    return;
                }
                long pending = con.pel.size();
                for (Id id : con.pel.keySet()) g.pel.remove(id);
                g.consumers.remove(con.name);
                c.reply.integer(pending);
                c.engine.notify(Notify.STREAM, "xgroup-delconsumer", c.db, key);
            }
            default -> throw subcommandSyntax(c);
        }
    }

    // ---- XREADGROUP ----

    /**
     * streamReplyWithRange for a group reading new entries from start: moves the group's
     * last-delivered-id and entries-read, and (unless noack) adds the entries to the PELs.
     */
    static void replyNew(Client c, StreamValue s, Id start, long count, Group g, Consumer con, boolean noack) {
        NavigableMap<Id, byte[][]> m = start == null ? java.util.Collections.emptyNavigableMap() : s.entries.tailMap(start, true);
        int n = (int) Math.min(m.size(), count > 0 ? count : Long.MAX_VALUE);
        c.reply.array(n);
        int i = 0;
        long now = c.engine.now();
        List<Map.Entry<Id, byte[][]>> served = new ArrayList<>(n);
        for (Map.Entry<Id, byte[][]> e : m.entrySet()) {
            if (i++ == n) break;
            served.add(e);
        }
        for (Map.Entry<Id, byte[][]> e : served) {
            Id id = e.getKey();
            if (id.compareTo(g.lastId) > 0) {
                if (g.entriesRead != StreamValue.INVALID_ENTRIES_READ && !s.rangeHasTombstones(id, null)) {
                    g.entriesRead++;
                } else if (s.entriesAdded != 0) {
                    g.entriesRead = s.estimateDistance(id);
                }
                g.lastId = id;
            }
            StreamCommands.replyEntry(c, id, e.getValue());
            if (noack) continue;
            Nack nack = g.pel.get(id);
            if (nack == null) {
                nack = new Nack(con, now, 1);
                g.pel.put(id, nack);
                con.pel.put(id, nack);
            } else {
                // XGROUP SETID moved the group back: the entry changes hands
                nack.consumer.pel.remove(id);
                nack.consumer = con;
                nack.deliveryTime = now;
                nack.deliveryCount = 1;
                con.pel.put(id, nack);
            }
        }
    }

    /** streamReplyWithRangeFromConsumerPEL: the consumer's history from start; deleted entries have null fields. */
    static void replyHistory(Client c, StreamValue s, Id start, long count, Consumer con) {
        NavigableMap<Id, Nack> m = start == null ? java.util.Collections.emptyNavigableMap() : con.pel.tailMap(start, true);
        int n = (int) Math.min(m.size(), count > 0 ? count : Long.MAX_VALUE);
        c.reply.array(n);
        int i = 0;
        long now = c.engine.now();
        for (Map.Entry<Id, Nack> e : m.entrySet()) {
            if (i++ == n) break;
            byte[][] fv = s.entries.get(e.getKey());
            if (fv == null) {
                c.reply.array(2);
                c.reply.bulk(StreamCommands.idBytes(e.getKey()));
                c.reply.nullArray();
            } else {
                StreamCommands.replyEntry(c, e.getKey(), fv);
                e.getValue().deliveryTime = now;
                e.getValue().deliveryCount++;
            }
        }
    }

    static void xreadgroup(Client c) {
        StreamCommands.ReadOptions opts = StreamCommands.ReadOptions.parse(c, true);
        long deadline = opts.deadline;
        long count = opts.count;
        int streamsArg = opts.streamsArg;
        int nStreams = opts.nStreams;
        byte[] groupName = opts.group;
        byte[] consumerName = opts.consumer;
        boolean noack = opts.noack;
        byte[][] keys = Arrays.copyOfRange(c.argv, streamsArg, streamsArg + nStreams);
        Id[] ids = new Id[nStreams]; // null: ">"
        Group[] groups = new Group[nStreams];
        for (int i = 0; i < nStreams; i++) {
            byte[] arg = c.argv[streamsArg + nStreams + i];
            StreamValue s = StreamCommands.read(c, keys[i]);
            Group g = s == null ? null : s.group(groupName);
            if (g == null) {
                throw new RedisException("NOGROUP No such key '" + str(keys[i]) + "' or consumer group '" + str(groupName)
                        + "' in XREADGROUP with GROUP option");
            }
            groups[i] = g;
            if (Bytes.eq(arg, "$")) {
                throw new RedisException("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the "
                        + "history of this consumer by specifying a proper ID, or use the > ID to get new messages. "
                        + "The $ ID would just return an empty result set.");
            } else if (!Bytes.eq(arg, ">")) {
                ids[i] = StreamCommands.strictId(arg);
                // Redis marks ">" with the last possible ID, so that ID means ">" too
                if (ids[i].equals(Id.MAX)) ids[i] = null;
            }
        }
        // which streams are served now, creating consumers on the way as Redis's loop does
        boolean[] serve = new boolean[nStreams];
        Consumer[] consumers = new Consumer[nStreams];
        int served = 0;
        // Redis decides and serves stream by stream; a key named twice sees the group moved by
        // the first serving, so the decision follows the last-delivered-id each serving leaves
        java.util.IdentityHashMap<Group, Id> delivered = new java.util.IdentityHashMap<>();
        for (int i = 0; i < nStreams; i++) {
            StreamValue s = (StreamValue) c.db.peek(keys[i]);
            Group g = groups[i];
            if (ids[i] != null) {
                serve[i] = true;
            } else {
                Id last = delivered.getOrDefault(g, g.lastId);
                if (s.length() > 0 && s.lastValidId().compareTo(last) > 0) {
                    serve[i] = true;
                    NavigableMap<Id, byte[][]> rest = s.entries.tailMap(last, false);
                    Id end = rest.lastKey();
                    if (count > 0 && rest.size() > count) {
                        long k = 0;
                        for (Id id : rest.keySet()) if (++k == count) { end = id; break; }
                    }
                    delivered.put(g, end);
                }
            }
            if (serve[i]) served++;
        }
        if (served > 0) {
            if (c.reply.resp() == 2) c.reply.array(served);
            else c.reply.map(served);
            for (int i = 0; i < nStreams; i++) {
                if (!serve[i]) continue;
                StreamValue s = (StreamValue) c.db.peek(keys[i]);
                // 7.0 creates the consumer only for a stream it serves
                consumers[i] = lookupOrCreate(c, c.db, groups[i], consumerName, keys[i]);
                consumers[i].seenTime = c.engine.now();
                if (c.reply.resp() == 2) c.reply.array(2);
                c.reply.bulk(keys[i]);
                if (ids[i] != null) replyHistory(c, s, ids[i].incr(), count, consumers[i]);
                else replyNew(c, s, groups[i].lastId.incr(), count, groups[i], consumers[i], noack);
            }
            return;
        }
        if (deadline == -1 || !BlockingCommands.mayBlock(c)) {
            c.reply.nullArray();
            return;
        }
        final long n = count > 0 ? count : BLOCKED_DEFAULT_COUNT;
        final byte[] gname = groupName.clone();
        final byte[] cname = consumerName.clone();
        final boolean na = noack;
        c.engine.blocking().block(c, c.db, keys, deadline, new Blocking.Waiter() {
            @Override
            public boolean serve(Client bc, Database db, byte[] key) {
                Object v = db.peek(key);
                if (!(v instanceof StreamValue)) throw new RedisException("UNBLOCKED the stream key no longer exists");
                StreamValue s = (StreamValue) v;
                Group g = s.group(gname);
                if (g == null) {
                    throw new RedisException("NOGROUP the consumer group this client was blocked on no longer exists");
                }
                if (s.lastId.compareTo(g.lastId) <= 0) return false;
                Consumer con = lookupOrCreate(bc, db, g, cname, key);
                con.seenTime = bc.engine.now();
                if (bc.reply.resp() == 2) {
                    bc.reply.array(1);
                    bc.reply.array(2);
                } else {
                    bc.reply.map(1);
                }
                bc.reply.bulk(key);
                replyNew(bc, s, g.lastId.incr(), n, g, con, na);
                return true;
            }

            @Override
            public void timeout(Client bc) {
                bc.reply.nullArray();
            }
        });
    }

    // ---- XACK ----

    static void xack(Client c) {
        StreamValue s = StreamCommands.read(c, c.argv[1]);
        Group g = s == null ? null : s.group(c.argv[2]);
        if (g == null) {
            c.reply.integer(0);
            return;
        }
        Id[] ids = new Id[c.argc() - 3];
        for (int j = 3; j < c.argc(); j++) ids[j - 3] = StreamCommands.strictId(c.argv[j]);
        long acked = 0;
        for (Id id : ids) {
            Nack nack = g.pel.remove(id);
            if (nack != null) {
                nack.consumer.pel.remove(id);
                acked++;
            }
        }
        c.reply.integer(acked);
    }

    // ---- XPENDING ----

    static void xpending(Client c) {
        int argc = c.argc();
        boolean summary = argc == 3;
        if (argc != 3 && (argc < 6 || argc > 9)) throw Errors.syntax;
        Id start = null;
        Id end = null;
        long count = 0;
        long minIdle = 0;
        byte[] consumerName = null;
        if (argc >= 6) {
            int at = 3;
            if (Bytes.eq(c.argv[3], "idle")) {
                minIdle = Bytes.toLong(c.argv[4]);
                if (argc < 8) throw Errors.syntax;
                at += 2;
            }
            count = Bytes.toLong(c.argv[at + 2]);
            if (count < 0) count = 0;
            boolean[] ex = new boolean[1];
            start = intervalId(c.argv[at], 0, ex);
            if (ex[0]) {
                start = start.incr();
                if (start == null) throw new RedisException("ERR invalid start ID for the interval");
            }
            end = intervalId(c.argv[at + 1], -1L, ex);
            if (ex[0]) {
                end = end.decr();
                if (end == null) throw new RedisException("ERR invalid end ID for the interval");
            }
            if (at + 3 < argc) consumerName = c.argv[at + 3];
        }
        StreamValue s = StreamCommands.read(c, c.argv[1]);
        Group g = s == null ? null : s.group(c.argv[2]);
        if (g == null) {
            throw new RedisException("NOGROUP No such key '" + str(c.argv[1]) + "' or consumer group '" + str(c.argv[2]) + "'");
        }
        if (summary) {
            c.reply.array(4);
            c.reply.integer(g.pel.size());
            if (g.pel.isEmpty()) {
                c.reply.nullBulk();
                c.reply.nullBulk();
                c.reply.nullArray();
                return;
            }
            c.reply.bulk(StreamCommands.idBytes(g.pel.firstKey()));
            c.reply.bulk(StreamCommands.idBytes(g.pel.lastKey()));
            int n = 0;
            for (Consumer con : g.consumers.values()) if (!con.pel.isEmpty()) n++;
            c.reply.array(n);
            for (Consumer con : g.consumers.values()) {
                if (con.pel.isEmpty()) continue;
                c.reply.array(2);
                c.reply.bulk(con.name);
                c.reply.bulk(Long.toString(con.pel.size()));
            }
            return;
        }
        NavigableMap<Id, Nack> pel = g.pel;
        if (consumerName != null) {
            Consumer con = lookupConsumer(c, g, consumerName, false);
            if (con == null) {
                c.reply.array(0);
                return;
            }
            pel = con.pel;
        }
        long now = c.engine.now();
        List<Map.Entry<Id, Nack>> out = new ArrayList<>();
        if (start.compareTo(end) <= 0) {
            for (Map.Entry<Id, Nack> e : pel.subMap(start, true, end, true).entrySet()) {
                if (count == 0) break;
                if (minIdle != 0 && now - e.getValue().deliveryTime < minIdle) continue;
                out.add(e);
                count--;
            }
        }
        c.reply.array(out.size());
        for (Map.Entry<Id, Nack> e : out) {
            Nack nack = e.getValue();
            c.reply.array(4);
            c.reply.bulk(StreamCommands.idBytes(e.getKey()));
            c.reply.bulk(nack.consumer.name);
            c.reply.integer(Math.max(0, now - nack.deliveryTime));
            c.reply.integer(nack.deliveryCount);
        }
    }

    // ---- XCLAIM / XAUTOCLAIM ----

    static long toLong(byte[] b, String err) {
        return Bytes.toLong(b, "ERR " + err);
    }

    static void xclaim(Client c) {
        byte[] key = c.argv[1];
        StreamValue s = StreamCommands.read(c, key);
        Group g = s == null ? null : s.group(c.argv[2]);
        if (g == null) {
            throw new RedisException("NOGROUP No such key '" + str(key) + "' or consumer group '" + str(c.argv[2]) + "'");
        }
        long minIdle = toLong(c.argv[4], "Invalid min-idle-time argument for XCLAIM");
        if (minIdle < 0) minIdle = 0;
        int argc = c.argc();
        List<Id> ids = new ArrayList<>();
        int j = 5;
        for (; j < argc; j++) {
            try {
                ids.add(StreamCommands.strictId(c.argv[j]));
            } catch (RedisException e) {
                break;
            }
        }
        long now = c.engine.now();
        long retryCount = -1;
        long deliveryTime = -1;
        boolean force = false;
        boolean justId = false;
        Id lastId = Id.MIN;
        for (; j < argc; j++) {
            int more = argc - 1 - j;
            byte[] opt = c.argv[j];
            if (Bytes.eq(opt, "force")) {
                force = true;
            } else if (Bytes.eq(opt, "justid")) {
                justId = true;
            } else if (Bytes.eq(opt, "idle") && more > 0) {
                j++;
                deliveryTime = now - toLong(c.argv[j], "Invalid IDLE option argument for XCLAIM");
            } else if (Bytes.eq(opt, "time") && more > 0) {
                j++;
                deliveryTime = toLong(c.argv[j], "Invalid TIME option argument for XCLAIM");
            } else if (Bytes.eq(opt, "retrycount") && more > 0) {
                j++;
                retryCount = toLong(c.argv[j], "Invalid RETRYCOUNT option argument for XCLAIM");
            } else if (Bytes.eq(opt, "lastid") && more > 0) {
                j++;
                lastId = StreamCommands.strictId(c.argv[j]);
            } else {
                throw new RedisException("ERR Unrecognized XCLAIM option '" + str(opt) + "'");
            }
        }
        if (lastId.compareTo(g.lastId) > 0) g.lastId = lastId;
        if (deliveryTime != -1) {
            if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
        } else {
            deliveryTime = now;
        }
        Consumer con = null;
        List<Id> out = new ArrayList<>();
        for (Id id : ids) {
            Nack nack = g.pel.get(id);
            if (!s.entries.containsKey(id)) {
                // the entry is gone: drop it from the PEL
                if (nack != null) {
                    g.pel.remove(id);
                    nack.consumer.pel.remove(id);
                }
                continue;
            }
            if (force && nack == null) {
                nack = new Nack(null, now, 1);
                g.pel.put(id, nack);
            }
            if (nack == null) continue;
            if (nack.consumer != null && minIdle != 0 && now - nack.deliveryTime < minIdle) continue;
            if (con == null) con = lookupOrCreate(c, c.db, g, c.argv[3], key);
            if (nack.consumer != con && nack.consumer != null) nack.consumer.pel.remove(id);
            nack.deliveryTime = deliveryTime;
            if (retryCount >= 0) nack.deliveryCount = retryCount;
            else if (!justId) nack.deliveryCount++;
            if (nack.consumer != con) {
                con.pel.put(id, nack);
                nack.consumer = con;
            }
            out.add(id);
        }
        c.reply.array(out.size());
        for (Id id : out) {
            if (justId) c.reply.bulk(StreamCommands.idBytes(id));
            else StreamCommands.replyEntry(c, id, s.entries.get(id));
        }
    }

    static void xautoclaim(Client c) {
        byte[] key = c.argv[1];
        long minIdle = toLong(c.argv[4], "Invalid min-idle-time argument for XAUTOCLAIM");
        if (minIdle < 0) minIdle = 0;
        boolean[] ex = new boolean[1];
        Id start = intervalId(c.argv[5], 0, ex);
        if (ex[0]) {
            start = start.incr();
            if (start == null) throw new RedisException("ERR invalid start ID for the interval");
        }
        long count = 100;
        boolean justId = false;
        int argc = c.argc();
        for (int j = 6; j < argc; j++) {
            int more = argc - 1 - j;
            if (Bytes.eq(c.argv[j], "count") && more > 0) {
                long maxCount = Long.MAX_VALUE / 16;
                long v;
                try {
                    v = Bytes.toLong(c.argv[j + 1]);
                } catch (RedisException e) {
                    throw new RedisException("ERR COUNT must be > 0");
                }
                if (v < 1 || v > maxCount) throw new RedisException("ERR COUNT must be > 0");
                count = v;
                j++;
            } else if (Bytes.eq(c.argv[j], "justid")) {
                justId = true;
            } else {
                throw Errors.syntax;
            }
        }
        StreamValue s = StreamCommands.read(c, key);
        Group g = s == null ? null : s.group(c.argv[2]);
        if (g == null) {
            throw new RedisException("NOGROUP No such key '" + str(key) + "' or consumer group '" + str(c.argv[2]) + "'");
        }
        long attempts = count * 10;
        long now = c.engine.now();
        List<Id> claimed = new ArrayList<>();
        List<Id> deleted = new ArrayList<>();
        Consumer con = null;
        // cur: the next PEL entry to visit, which becomes the cursor returned
        Id cur = g.pel.ceilingKey(start);
        while (attempts-- > 0 && count > 0 && cur != null) {
            Id id = cur;
            cur = g.pel.higherKey(id);
            Nack nack = g.pel.get(id);
            if (!s.entries.containsKey(id)) {
                g.pel.remove(id);
                nack.consumer.pel.remove(id);
                deleted.add(id);
                count--;
                continue;
            }
            if (minIdle != 0 && now - nack.deliveryTime < minIdle) continue;
            if (con == null) con = lookupOrCreate(c, c.db, g, c.argv[3], key);
            if (nack.consumer != con) nack.consumer.pel.remove(id);
            nack.deliveryTime = now;
            if (!justId) nack.deliveryCount++;
            if (nack.consumer != con) {
                con.pel.put(id, nack);
                nack.consumer = con;
            }
            claimed.add(id);
            count--;
        }
        Id next = cur != null ? cur : Id.MIN;
        c.reply.array(3);
        c.reply.bulk(StreamCommands.idBytes(next));
        c.reply.array(claimed.size());
        for (Id id : claimed) {
            if (justId) c.reply.bulk(StreamCommands.idBytes(id));
            else StreamCommands.replyEntry(c, id, s.entries.get(id));
        }
        c.reply.array(deleted.size());
        for (Id id : deleted) c.reply.bulk(StreamCommands.idBytes(id));
    }

    // ---- XINFO GROUPS / CONSUMERS ----

    static StreamValue xinfoKey(Client c) {
        Object v = c.db.lookupRead(c.argv[2]);
        if (v == null) throw new RedisException(Errors.NO_SUCH_KEY);
        return Database.typed(v, StreamValue.class);
    }

    static void xinfoGroups(Client c) {
        StreamValue s = xinfoKey(c);
        c.reply.array(s.groupCount());
        if (s.groups == null) return;
        for (Group g : s.groups.values()) {
            c.reply.map(6);
            c.reply.bulk("name");
            c.reply.bulk(g.name);
            c.reply.bulk("consumers");
            c.reply.integer(g.consumers.size());
            c.reply.bulk("pending");
            c.reply.integer(g.pel.size());
            c.reply.bulk("last-delivered-id");
            c.reply.bulk(StreamCommands.idBytes(g.lastId));
            entriesReadAndLag(c, s, g);
        }
    }

    /** streamReplyWithCGLag: the group's lag, Long.MIN_VALUE when unknown. */
    /** The entries-read and lag fields that XINFO GROUPS and XINFO STREAM FULL both give a group. */
    private static void entriesReadAndLag(Client c, StreamValue s, Group g) {
        c.reply.bulk("entries-read");
        if (g.entriesRead != StreamValue.INVALID_ENTRIES_READ) c.reply.integer(g.entriesRead);
        else c.reply.nullBulk();
        c.reply.bulk("lag");
        long lag = lag(s, g);
        if (lag == Long.MIN_VALUE) c.reply.nullBulk();
        else c.reply.integer(lag);
    }

    static long lag(StreamValue s, Group g) {
        if (s.entriesAdded == 0) return 0;
        if (g.entriesRead != StreamValue.INVALID_ENTRIES_READ && !s.rangeHasTombstones(g.lastId, null)) {
            return s.entriesAdded - g.entriesRead;
        }
        long read = s.estimateDistance(g.lastId);
        return read == StreamValue.INVALID_ENTRIES_READ ? Long.MIN_VALUE : s.entriesAdded - read;
    }

    static void xinfoConsumers(Client c) {
        StreamValue s = xinfoKey(c);
        Group g = s.group(c.argv[3]);
        if (g == null) {
            throw new RedisException("NOGROUP No such consumer group '" + str(c.argv[3]) + "' for key name '" + str(c.argv[2]) + "'");
        }
        long now = c.engine.now();
        c.reply.array(g.consumers.size());
        for (Consumer con : g.consumers.values()) {
            c.reply.map(3);
            c.reply.bulk("name");
            c.reply.bulk(con.name);
            c.reply.bulk("pending");
            c.reply.integer(con.pel.size());
            c.reply.bulk("idle");
            c.reply.integer(Math.max(0, now - con.seenTime));
        }
    }

    /** XINFO STREAM key FULL [COUNT n]: entries, groups with their PELs and consumers; count 0 for everything. */
    static void xinfoStreamFull(Client c, StreamValue s, long count) {
        c.reply.map(9);
        c.reply.bulk("length");
        c.reply.integer(s.length());
        c.reply.bulk("radix-tree-keys");
        c.reply.integer(s.radixKeys());
        c.reply.bulk("radix-tree-nodes");
        c.reply.integer(s.radixNodes());
        c.reply.bulk("last-generated-id");
        c.reply.bulk(StreamCommands.idBytes(s.lastId));
        c.reply.bulk("max-deleted-entry-id");
        c.reply.bulk(StreamCommands.idBytes(s.maxDeletedId));
        c.reply.bulk("entries-added");
        c.reply.integer(s.entriesAdded);
        c.reply.bulk("recorded-first-entry-id");
        c.reply.bulk(StreamCommands.idBytes(s.firstId()));
        c.reply.bulk("entries");
        StreamCommands.replyRange(c, s, Id.MIN, Id.MAX, count, false);
        c.reply.bulk("groups");
        c.reply.array(s.groupCount());
        if (s.groups == null) return;
        for (Group g : s.groups.values()) {
            c.reply.map(7);
            c.reply.bulk("name");
            c.reply.bulk(g.name);
            c.reply.bulk("last-delivered-id");
            c.reply.bulk(StreamCommands.idBytes(g.lastId));
            entriesReadAndLag(c, s, g);
            c.reply.bulk("pel-count");
            c.reply.integer(g.pel.size());
            c.reply.bulk("pending");
            c.reply.array((int) limit(g.pel.size(), count));
            int i = 0;
            for (Map.Entry<Id, Nack> e : g.pel.entrySet()) {
                if (i++ == limit(g.pel.size(), count)) break;
                c.reply.array(4);
                c.reply.bulk(StreamCommands.idBytes(e.getKey()));
                c.reply.bulk(e.getValue().consumer.name);
                c.reply.integer(e.getValue().deliveryTime);
                c.reply.integer(e.getValue().deliveryCount);
            }
            c.reply.bulk("consumers");
            c.reply.array(g.consumers.size());
            for (Consumer con : g.consumers.values()) {
                c.reply.map(4);
                c.reply.bulk("name");
                c.reply.bulk(con.name);
                c.reply.bulk("seen-time");
                c.reply.integer(con.seenTime);
                c.reply.bulk("pel-count");
                c.reply.integer(con.pel.size());
                c.reply.bulk("pending");
                long n = limit(con.pel.size(), count);
                c.reply.array((int) n);
                int j = 0;
                for (Map.Entry<Id, Nack> e : con.pel.entrySet()) {
                    if (j++ == n) break;
                    c.reply.array(3);
                    c.reply.bulk(StreamCommands.idBytes(e.getKey()));
                    c.reply.integer(e.getValue().deliveryTime);
                    c.reply.integer(e.getValue().deliveryCount);
                }
            }
        }
    }

    static long limit(long size, long count) {
        return count == 0 ? size : Math.min(size, count);
    }

    static void xinfoHelp(Client c) {
        ServerCommands.help(c, "XINFO",
                "CONSUMERS <key> <groupname>",
                "    Show consumers of <groupname>.",
                "GROUPS <key>",
                "    Show the stream consumer groups.",
                "STREAM <key> [FULL [COUNT <count>]",
                "    Show information about the stream.");
    }
}
