package io.fakeredis.core.type;

import io.fakeredis.core.util.ByteKey;

import io.fakeredis.core.config.Config;
import java.util.HashMap;
import java.util.Random;

/**
 * A Redis sorted set: a skip list ordered by (score, member bytes) with spans for O(log n) ranks,
 * plus a member to node map, like Redis's zset. Whether Redis would hold it as a listpack is
 * tracked as a flag: listpack until zset-max-listpack-entries/value is exceeded, then skiplist
 * for good. A listpack cannot hold -0 (it stores "0"), so scores are normalised while the flag
 * is set.
 */
public final class ZSetValue implements RedisValue {
    static final int MAX_LEVEL = 32;
    private static final Random LEVELS = new Random(0x5eed);

    /** A skip list node; level 0 links give the score order. */
    public static final class Node {
        public final byte[] ele;
        public double score;
        Node backward;
        final Node[] forward;
        final long[] span;

        Node(int level, double score, byte[] ele) {
            this.ele = ele;
            this.score = score;
            this.forward = new Node[level];
            this.span = new long[level];
        }

        /** The next node in ascending order, or null. */
        public Node next() {
            return forward[0];
        }

        /** The previous node, or null. */
        public Node prev() {
            return backward;
        }
    }

    private final Node header = new Node(MAX_LEVEL, 0, null);
    private Node tail;
    private int level = 1;
    private long length;
    private final HashMap<ByteKey, Node> dict = new HashMap<>();
    private boolean listpack;

    public ZSetValue(boolean listpack) {
        this.listpack = listpack;
    }

    /** A new zset with Redis's choice of encoding for the first member (zaddGenericCommand). */
    public static ZSetValue forFirst(Config config, int firstLen) {
        return new ZSetValue(maxEntries(config) != 0 && maxValue(config) >= firstLen);
    }

    /** zsetTypeCreate: a listpack when the hints fit. */
    public static ZSetValue forSize(Config config, long sizeHint, long maxLenHint) {
        return new ZSetValue(sizeHint <= maxEntries(config) && maxLenHint <= maxValue(config));
    }

    public static long maxEntries(Config config) {
        return config.getLong("zset-max-listpack-entries");
    }

    public static long maxValue(Config config) {
        return config.getLong("zset-max-listpack-value");
    }

    @Override
    public ValueType type() {
        return ValueType.ZSET;
    }

    @Override
    public String encoding(Config config) {
        return listpack ? "listpack" : "skiplist";
    }

    public boolean isListpack() {
        return listpack;
    }

    public long size() {
        return length;
    }

    public Node first() {
        return header.forward[0];
    }

    public Node last() {
        return tail;
    }

    public Node node(byte[] m) {
        return dict.get(new ByteKey(m));
    }

    /** Score of a member or null. */
    public Double score(byte[] m) {
        Node n = node(m);
        return n == null ? null : n.score;
    }

    static int cmp(double s1, byte[] e1, double s2, byte[] e2) {
        if (s1 < s2) return -1;
        if (s1 > s2) return 1;
        return ByteKey.compare(e1, e2);
    }

    private static int randomLevel() {
        int l = 1;
        while (l < MAX_LEVEL && (LEVELS.nextInt() & 0xFFFF) < (0.25 * 0xFFFF)) l++;
        return l;
    }

    /**
     * Adds a member known to be absent. maxEntries/maxValue are the listpack limits, checked
     * before the insert as Redis's zsetAdd does.
     */
    public void insert(double score, byte[] ele, long maxEntries, long maxValue) {
        if (listpack && (length + 1 > maxEntries || ele.length > maxValue)) listpack = false;
        if (listpack && score == 0) score = 0.0;
        Node n = slInsert(score, ele);
        dict.put(new ByteKey(ele), n);
    }

    /** Changes the score of an existing member. */
    public void update(Node n, double score) {
        if (listpack && score == 0) score = 0.0;
        // still in place: neighbours keep their order
        if ((n.backward == null || cmp(n.backward.score, n.backward.ele, score, n.ele) < 0)
                && (n.forward[0] == null || cmp(n.forward[0].score, n.forward[0].ele, score, n.ele) > 0)) {
            n.score = score;
            return;
        }
        slDelete(n.score, n.ele);
        Node fresh = slInsert(score, n.ele);
        dict.put(new ByteKey(n.ele), fresh);
    }

    public boolean remove(byte[] ele) {
        Node n = dict.remove(new ByteKey(ele));
        if (n == null) return false;
        slDelete(n.score, n.ele);
        return true;
    }

    /** Forces the skiplist encoding, as zsetConvert. */
    public void toSkiplist() {
        listpack = false;
    }

    /** zsetConvertToListpackIfNeeded, used on freshly computed results. */
    public void shrinkIfFits(long maxEntries, long maxValue, long maxElemLen) {
        if (!listpack && length <= maxEntries && maxElemLen <= maxValue) {
            listpack = true;
            for (Node x = first(); x != null; x = x.next()) if (x.score == 0) x.score = 0.0;
        }
    }

    private Node slInsert(double score, byte[] ele) {
        Node[] update = new Node[MAX_LEVEL];
        long[] rank = new long[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            while (x.forward[i] != null && cmp(x.forward[i].score, x.forward[i].ele, score, ele) < 0) {
                rank[i] += x.span[i];
                x = x.forward[i];
            }
            update[i] = x;
        }
        int lvl = randomLevel();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = header;
                update[i].span[i] = length;
            }
            level = lvl;
        }
        Node n = new Node(lvl, score, ele);
        for (int i = 0; i < lvl; i++) {
            n.forward[i] = update[i].forward[i];
            update[i].forward[i] = n;
            n.span[i] = update[i].span[i] - (rank[0] - rank[i]);
            update[i].span[i] = (rank[0] - rank[i]) + 1;
        }
        for (int i = lvl; i < level; i++) update[i].span[i]++;
        n.backward = update[0] == header ? null : update[0];
        if (n.forward[0] != null) n.forward[0].backward = n;
        else tail = n;
        length++;
        return n;
    }

    private void slDelete(double score, byte[] ele) {
        Node[] update = new Node[MAX_LEVEL];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && cmp(x.forward[i].score, x.forward[i].ele, score, ele) < 0) {
                x = x.forward[i];
            }
            update[i] = x;
        }
        x = x.forward[0];
        if (x == null || cmp(x.score, x.ele, score, ele) != 0) {
            throw new IllegalStateException("zset node not found");
        }
        for (int i = 0; i < level; i++) {
            if (update[i].forward[i] == x) {
                update[i].span[i] += x.span[i] - 1;
                update[i].forward[i] = x.forward[i];
            } else {
                update[i].span[i] -= 1;
            }
        }
        if (x.forward[0] != null) x.forward[0].backward = x.backward;
        else tail = x.backward;
        while (level > 1 && header.forward[level - 1] == null) level--;
        length--;
    }

    /** 0-based rank of a node in ascending order. */
    public long rank(Node n) {
        long rank = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && cmp(x.forward[i].score, x.forward[i].ele, n.score, n.ele) <= 0) {
                rank += x.span[i];
                x = x.forward[i];
            }
            if (x == n) return rank - 1;
        }
        return -1;
    }

    /** The node at a 0-based rank, or null. */
    public Node byRank(long r) {
        if (r < 0 || r >= length) return null;
        long target = r + 1, traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && traversed + x.span[i] <= target) {
                traversed += x.span[i];
                x = x.forward[i];
            }
            if (traversed == target) return x;
        }
        return null;
    }

    // ---- score ranges ----

    /** A score interval with optional exclusive ends, as Redis's zrangespec. */
    public static final class ScoreRange {
        public final double min, max;
        public final boolean minex, maxex;

        public ScoreRange(double min, boolean minex, double max, boolean maxex) {
            this.min = min;
            this.minex = minex;
            this.max = max;
            this.maxex = maxex;
        }

        public boolean gteMin(double v) {
            return minex ? v > min : v >= min;
        }

        public boolean lteMax(double v) {
            return maxex ? v < max : v <= max;
        }

        boolean empty() {
            return min > max || (min == max && (minex || maxex));
        }
    }

    /** First node whose score is in range, or null. */
    public Node firstInRange(ScoreRange r) {
        if (r.empty() || tail == null || !r.gteMin(tail.score) || !r.lteMax(header.forward[0].score)) return null;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && !r.gteMin(x.forward[i].score)) x = x.forward[i];
        }
        x = x.forward[0];
        return x != null && r.lteMax(x.score) ? x : null;
    }

    /** Last node whose score is in range, or null. */
    public Node lastInRange(ScoreRange r) {
        if (r.empty() || tail == null || !r.gteMin(tail.score) || !r.lteMax(header.forward[0].score)) return null;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && r.lteMax(x.forward[i].score)) x = x.forward[i];
        }
        return x != header && r.gteMin(x.score) ? x : null;
    }

    // ---- lex ranges ----

    /** A lexicographic interval; null min/max bytes stand for '-' and '+'. */
    public static final class LexRange {
        final byte[] min, max;
        final boolean minInf, maxInf, minNegInfMax, maxPosInfMin;
        final boolean minex, maxex;

        /** minKind/maxKind: 0 bytes, -1 the '-' item, 1 the '+' item. */
        public LexRange(int minKind, byte[] min, boolean minex, int maxKind, byte[] max, boolean maxex) {
            this.min = min;
            this.max = max;
            this.minex = minex;
            this.maxex = maxex;
            this.minInf = minKind == -1;
            this.maxInf = maxKind == 1;
            this.minNegInfMax = minKind == 1; // min is '+': nothing is >= it
            this.maxPosInfMin = maxKind == -1; // max is '-': nothing is <= it
        }

        private int kind(boolean isMin) {
            if (isMin) return minInf ? -1 : minNegInfMax ? 1 : 0;
            return maxInf ? 1 : maxPosInfMin ? -1 : 0;
        }

        private static int cmpItem(int ka, byte[] a, int kb, byte[] b) {
            if (ka == kb && ka != 0) return 0;
            if (ka == 1 || kb == -1) return 1;
            if (ka == -1 || kb == 1) return -1;
            return ByteKey.compare(a, b);
        }

        public boolean gteMin(byte[] v) {
            int c = cmpItem(0, v, kind(true), min);
            return minex ? c > 0 : c >= 0;
        }

        public boolean lteMax(byte[] v) {
            int c = cmpItem(0, v, kind(false), max);
            return maxex ? c < 0 : c <= 0;
        }

        boolean empty() {
            int c = cmpItem(kind(true), min, kind(false), max);
            return c > 0 || (c == 0 && (minex || maxex));
        }
    }

    /**
     * First node in the lex range. Lex ranges assume equal scores; when they differ, Redis's
     * answer depends on the encoding: a listpack is scanned from the head, which is what we do
     * while the zset would be a listpack.
     */
    public Node firstInLex(LexRange r) {
        if (r.empty() || tail == null || !r.gteMin(tail.ele) || !r.lteMax(header.forward[0].ele)) return null;
        if (listpack) {
            for (Node x = first(); x != null; x = x.next()) {
                if (r.gteMin(x.ele)) return r.lteMax(x.ele) ? x : null;
            }
            return null;
        }
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && !r.gteMin(x.forward[i].ele)) x = x.forward[i];
        }
        x = x.forward[0];
        return x != null && r.lteMax(x.ele) ? x : null;
    }

    public Node lastInLex(LexRange r) {
        if (r.empty() || tail == null || !r.gteMin(tail.ele) || !r.lteMax(header.forward[0].ele)) return null;
        if (listpack) {
            for (Node x = last(); x != null; x = x.prev()) {
                if (r.lteMax(x.ele)) return r.gteMin(x.ele) ? x : null;
            }
            return null;
        }
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && r.lteMax(x.forward[i].ele)) x = x.forward[i];
        }
        return x != header && r.gteMin(x.ele) ? x : null;
    }

    @Override
    public ZSetValue copy() {
        ZSetValue z = new ZSetValue(listpack);
        for (Node x = first(); x != null; x = x.next()) z.dict.put(new ByteKey(x.ele), z.slInsert(x.score, x.ele));
        return z;
    }

    /** Longest member, for zsetConvertToListpackIfNeeded. */
    public long maxElementLength() {
        long m = 0;
        for (Node x = first(); x != null; x = x.next()) m = Math.max(m, x.ele.length);
        return m;
    }
}
