package io.fakeredis.core.type;

import io.fakeredis.core.config.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream, as Redis 7.0's t_stream.c keeps it: live entries ordered by ID, plus the radix-tree
 * node layout (which entries share a listpack node) because approximate trimming and XINFO
 * depend on it, and the counters Redis tracks (last-id, entries-added, max-deleted-entry-id).
 */
public final class StreamValue implements RedisValue {
    /** A stream ID: two unsigned 64-bit numbers, compared unsigned. */
    public static final class Id implements Comparable<Id> {
        public static final Id MIN = new Id(0, 0);
        public static final Id MAX = new Id(-1L, -1L);
        public final long ms;
        public final long seq;

        public Id(long ms, long seq) {
            this.ms = ms;
            this.seq = seq;
        }

        @Override
        public int compareTo(Id o) {
            int r = Long.compareUnsigned(ms, o.ms);
            return r != 0 ? r : Long.compareUnsigned(seq, o.seq);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id && ((Id) o).ms == ms && ((Id) o).seq == seq;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(ms) * 31 + Long.hashCode(seq);
        }

        public boolean isZero() {
            return ms == 0 && seq == 0;
        }

        /** streamIncrID: the next ID, or null past the last possible one. */
        public Id incr() {
            if (seq == -1L) return ms == -1L ? null : new Id(ms + 1, 0);
            return new Id(ms, seq + 1);
        }

        /** streamDecrID: the previous ID, or null before 0-0. */
        public Id decr() {
            if (seq == 0) return ms == 0 ? null : new Id(ms - 1, -1L);
            return new Id(ms, seq - 1);
        }

        @Override
        public String toString() {
            return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
        }
    }

    /** One listpack node: the IDs it ever held (live or deleted) and how many are live. */
    static final class Node {
        final ArrayList<Id> ids;
        int live;

        Node(ArrayList<Id> ids, int live) {
            this.ids = ids;
            this.live = live;
        }

        Id lastId() {
            return ids.get(ids.size() - 1);
        }
    }

    /** A pending entry: delivered to a consumer and not acknowledged yet (Redis's streamNACK). */
    public static final class Nack {
        public Consumer consumer;
        public long deliveryTime;
        public long deliveryCount;

        public Nack(Consumer consumer, long deliveryTime, long deliveryCount) {
            this.consumer = consumer;
            this.deliveryTime = deliveryTime;
            this.deliveryCount = deliveryCount;
        }
    }

    /** A consumer of a group: its own pending entries share the Nack objects of the group's PEL. */
    public static final class Consumer {
        public final byte[] name;
        public long seenTime;
        public final TreeMap<Id, Nack> pel = new TreeMap<>();

        public Consumer(byte[] name, long seenTime) {
            this.name = name;
            this.seenTime = seenTime;
        }
    }

    /** SCG_INVALID_ENTRIES_READ: the group's read counter is unknown. */
    public static final long INVALID_ENTRIES_READ = -1;

    /** A consumer group. Redis keeps groups and consumers in radix trees, so both iterate by name bytes. */
    public static final class Group {
        public final byte[] name;
        public Id lastId;
        public long entriesRead;
        public final TreeMap<Id, Nack> pel = new TreeMap<>();
        public final TreeMap<byte[], Consumer> consumers = new TreeMap<>(Arrays::compareUnsigned);

        public Group(byte[] name, Id lastId, long entriesRead) {
            this.name = name;
            this.lastId = lastId;
            this.entriesRead = entriesRead;
        }
    }

    /** Consumer groups by name (null until the first group, as Redis's cgroups). */
    public TreeMap<byte[], Group> groups;

    /** Live entries: ID to field, value, field, value... */
    public final TreeMap<Id, byte[][]> entries = new TreeMap<>();
    /** Nodes by master (first) ID. */
    final TreeMap<Id, Node> nodes = new TreeMap<>();
    public Id lastId = Id.MIN;
    public long entriesAdded;
    public Id maxDeletedId = Id.MIN;

    @Override
    public ValueType type() {
        return ValueType.STREAM;
    }

    @Override
    public String encoding(Config config) {
        return "stream";
    }

    @Override
    public StreamValue copy() {
        StreamValue s = new StreamValue();
        for (Map.Entry<Id, byte[][]> e : entries.entrySet()) {
            byte[][] f = e.getValue().clone();
            for (int i = 0; i < f.length; i++) f[i] = f[i].clone();
            s.entries.put(e.getKey(), f);
        }
        for (Map.Entry<Id, Node> e : nodes.entrySet()) {
            s.nodes.put(e.getKey(), new Node(new ArrayList<>(e.getValue().ids), e.getValue().live));
        }
        s.lastId = lastId;
        s.entriesAdded = entriesAdded;
        s.maxDeletedId = maxDeletedId;
        if (groups != null) {
            s.groups = new TreeMap<>(Arrays::compareUnsigned);
            for (Group g : groups.values()) {
                Group ng = new Group(g.name.clone(), g.lastId, g.entriesRead);
                for (Consumer con : g.consumers.values()) {
                    Consumer nc = new Consumer(con.name.clone(), con.seenTime);
                    for (Map.Entry<Id, Nack> e : con.pel.entrySet()) {
                        Nack n = new Nack(nc, e.getValue().deliveryTime, e.getValue().deliveryCount);
                        nc.pel.put(e.getKey(), n);
                        ng.pel.put(e.getKey(), n);
                    }
                    ng.consumers.put(nc.name, nc);
                }
                s.groups.put(ng.name, ng);
            }
        }
        return s;
    }

    public long length() {
        return entries.size();
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** first_id as Redis keeps it: the first live entry, 0-0 when empty. */
    public Id firstId() {
        return entries.isEmpty() ? Id.MIN : entries.firstKey();
    }

    /** streamLastValidID: the last live entry, 0-0 when empty. */
    public Id lastValidId() {
        return entries.isEmpty() ? Id.MIN : entries.lastKey();
    }

    /** Appends an entry whose ID is known to be greater than lastId. */
    public void append(Id id, byte[][] fieldsAndValues, long nodeMaxEntries) {
        Map.Entry<Id, Node> last = nodes.lastEntry();
        Node n = last == null ? null : last.getValue();
        // a node holds at most stream-node-max-entries entries, deleted ones included
        if (n == null || (nodeMaxEntries > 0 && n.ids.size() >= nodeMaxEntries)) {
            n = new Node(new ArrayList<>(), 0);
            nodes.put(id, n);
        }
        n.ids.add(id);
        n.live++;
        entries.put(id, fieldsAndValues);
        entriesAdded++;
        lastId = id;
    }

    /** streamDeleteItem: true when a live entry was removed. */
    public boolean delete(Id id) {
        if (entries.remove(id) == null) return false;
        Map.Entry<Id, Node> e = nodes.floorEntry(id);
        Node n = e.getValue();
        if (--n.live == 0) nodes.remove(e.getKey());
        return true;
    }

    /**
     * streamTrim: MAXLEN when minId is null, else MINID. Whole nodes go first; with approx it
     * stops at the first node it cannot drop whole, as Redis does. limit 0: no limit.
     */
    public long trim(long maxLen, Id minId, boolean approx, long limit) {
        long deleted = 0;
        while (!nodes.isEmpty()) {
            if (minId == null && entries.size() <= maxLen) break;
            Map.Entry<Id, Node> first = nodes.firstEntry();
            Node n = first.getValue();
            if (limit > 0 && deleted + n.live > limit) break;
            boolean removeNode = minId == null ? entries.size() - n.live >= maxLen : n.lastId().compareTo(minId) < 0;
            if (removeNode) {
                for (Id id : n.ids) entries.remove(id);
                nodes.remove(first.getKey());
                deleted += n.live;
                continue;
            }
            if (approx) break;
            for (Id id : n.ids) {
                if (!entries.containsKey(id)) continue;
                if (minId == null ? entries.size() <= maxLen : id.compareTo(minId) >= 0) break;
                entries.remove(id);
                n.live--;
                deleted++;
            }
            break;
        }
        return deleted;
    }

    public Group group(byte[] name) {
        return groups == null ? null : groups.get(name);
    }

    /** streamCreateCG: null when the name is taken. */
    public Group createGroup(byte[] name, Id lastId, long entriesRead) {
        if (groups == null) groups = new TreeMap<>(Arrays::compareUnsigned);
        if (groups.containsKey(name)) return null;
        Group g = new Group(name, lastId, entriesRead);
        groups.put(name, g);
        return g;
    }

    public int groupCount() {
        return groups == null ? 0 : groups.size();
    }

    /** streamRangeHasTombstones: may an entry between start and end (null: the last) have been deleted? */
    public boolean rangeHasTombstones(Id start, Id end) {
        if (entries.isEmpty() || maxDeletedId.isZero()) return false;
        if (firstId().compareTo(maxDeletedId) > 0) return false;
        Id s = start == null ? Id.MIN : start;
        Id e = end == null ? Id.MAX : end;
        return s.compareTo(maxDeletedId) <= 0 && maxDeletedId.compareTo(e) <= 0;
    }

    /** streamEstimateDistanceFromFirstEverEntry: the entries-read counter of id, or INVALID_ENTRIES_READ. */
    public long estimateDistance(Id id) {
        if (entriesAdded == 0) return 0;
        if (entries.isEmpty() && id.compareTo(lastId) < 1) return entriesAdded;
        int cmpLast = id.compareTo(lastId);
        if (cmpLast == 0) return entriesAdded;
        if (cmpLast > 0) return INVALID_ENTRIES_READ;
        int cmpFirst = id.compareTo(firstId());
        if (maxDeletedId.isZero() || maxDeletedId.compareTo(firstId()) < 0) {
            if (cmpFirst < 0) return entriesAdded - entries.size();
            if (cmpFirst == 0) return entriesAdded - entries.size() + 1;
        }
        return INVALID_ENTRIES_READ;
    }

    /** Keys of the radix tree: one per listpack node. */
    public int radixKeys() {
        return nodes.size();
    }

    /**
     * Nodes of Redis's rax holding the 16-byte big-endian master IDs: a compressed trie where a
     * fork is one node, a chain of single children is one compressed node, and each key ends in
     * a leaf node.
     */
    public long radixNodes() {
        byte[][] keys = new byte[nodes.size()][];
        int i = 0;
        for (Id id : nodes.keySet()) {
            byte[] k = new byte[16];
            for (int b = 0; b < 8; b++) {
                k[b] = (byte) (id.ms >>> (56 - 8 * b));
                k[8 + b] = (byte) (id.seq >>> (56 - 8 * b));
            }
            keys[i++] = k;
        }
        if (keys.length == 0) return 1; // the empty root
        return count(keys, 0, keys.length, 0);
    }

    /** Rax nodes for sorted keys[from, to) sharing their first depth bytes, starting at a node boundary. */
    private static long count(byte[][] keys, int from, int to, int depth) {
        if (depth == 16) return 1;
        // follow the chain while every key has the same next byte: one compressed node
        int d = depth;
        while (d < 16 && keys[from][d] == keys[to - 1][d]) d++;
        if (d == 16) return d == depth ? 1 : 2; // compressed node then the leaf
        long n = d > depth ? 2 : 1; // compressed node (if any), then the fork node
        int start = from;
        for (int j = from + 1; j <= to; j++) {
            if (j == to || keys[j][d] != keys[start][d]) {
                n += count(keys, start, j, d + 1);
                start = j;
            }
        }
        return n;
    }
}
