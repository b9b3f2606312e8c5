package io.fakeredis.core.db;

import java.util.Arrays;

/**
 * The keyspace hash table: open addressing with linear probing over parallel arrays, so a key
 * costs its key bytes, its value and a few array slots, with no entry object per key.
 *
 * <p>The home slot of a key is the top bits of its mixed hash. Growing the table splits every home
 * slot in two, in order, so a SCAN cursor expressed as a position in hash space stays valid across
 * resizes: keys present for the whole scan are returned at least once, as Redis promises.
 * Deletion shifts entries back instead of leaving tombstones, which keeps every key between its
 * home slot and the next empty slot.
 */
public final class Dict {
    private static final int MIN_BITS = 4;

    private byte[][] keys;
    private Object[] vals;
    private int[] hashes;
    /** Absolute expiry in ms per slot, 0 when the key has no TTL; allocated on first use. */
    private long[] expires;
    /** Last access in seconds of the engine clock, for OBJECT IDLETIME; LFU counter when LFU is on. */
    private int[] access;
    private int bits;
    private int mask;
    private int size;
    private int volatileCount;

    public Dict() {
        init(MIN_BITS);
    }

    private void init(int b) {
        bits = b;
        int cap = 1 << b;
        mask = cap - 1;
        keys = new byte[cap][];
        vals = new Object[cap];
        hashes = new int[cap];
        access = new int[cap];
        expires = null;
    }

    public static int hash(byte[] key) {
        int h = 1;
        for (byte b : key) h = 31 * h + b;
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    private int home(int h) {
        return (h * 0x85EBCA6B) >>> (32 - bits);
    }

    public int size() {
        return size;
    }

    public int volatileCount() {
        return volatileCount;
    }

    public int capacity() {
        return mask + 1;
    }

    /** Slot holding key, or -1. */
    public int find(byte[] key) {
        int h = hash(key);
        int i = home(h);
        byte[][] ks = keys;
        while (true) {
            byte[] k = ks[i];
            if (k == null) return -1;
            if (hashes[i] == h && Arrays.equals(k, key)) return i;
            i = (i + 1) & mask;
        }
    }

    public Object get(byte[] key) {
        int i = find(key);
        return i < 0 ? null : vals[i];
    }

    /** Inserts or replaces; returns the slot. The key array is kept, not copied. TTL is kept on replace. */
    public int put(byte[] key, Object val) {
        int h = hash(key);
        int i = home(h);
        while (true) {
            byte[] k = keys[i];
            if (k == null) break;
            if (hashes[i] == h && Arrays.equals(k, key)) {
                vals[i] = val;
                return i;
            }
            i = (i + 1) & mask;
        }
        if ((size + 1) * 4L > (mask + 1) * 3L) {
            resize(bits + 1);
            return put(key, val);
        }
        keys[i] = key;
        vals[i] = val;
        hashes[i] = h;
        access[i] = 0;
        if (expires != null) expires[i] = 0;
        size++;
        return i;
    }

    public byte[] keyAt(int slot) {
        return keys[slot];
    }

    public Object valueAt(int slot) {
        return vals[slot];
    }

    public void setValueAt(int slot, Object val) {
        vals[slot] = val;
    }

    public long expireAt(int slot) {
        return expires == null ? 0 : expires[slot];
    }

    /** Sets (when > 0) or clears (when == 0) the TTL of the key in slot. */
    public void setExpireAt(int slot, long when) {
        if (expires == null) {
            if (when == 0) return;
            expires = new long[mask + 1];
        }
        long old = expires[slot];
        if (old == 0 && when != 0) volatileCount++;
        else if (old != 0 && when == 0) volatileCount--;
        expires[slot] = when;
    }

    public int accessAt(int slot) {
        return access[slot];
    }

    public void setAccessAt(int slot, int v) {
        access[slot] = v;
    }

    public boolean remove(byte[] key) {
        int i = find(key);
        if (i < 0) return false;
        removeAt(i);
        return true;
    }

    /** Removes the entry in slot, shifting later cluster members back to keep probing valid. */
    public void removeAt(int slot) {
        if (expires != null && expires[slot] != 0) volatileCount--;
        int i = slot;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            byte[] k = keys[j];
            if (k == null) break;
            int h = home(hashes[j]);
            // keep j where it is if its home lies cyclically in (i, j]
            boolean stays = (i <= j) ? (i < h && h <= j) : (i < h || h <= j);
            if (stays) continue;
            keys[i] = k;
            vals[i] = vals[j];
            hashes[i] = hashes[j];
            access[i] = access[j];
            if (expires != null) expires[i] = expires[j];
            i = j;
        }
        keys[i] = null;
        vals[i] = null;
        if (expires != null) expires[i] = 0;
        size--;
        if (bits > MIN_BITS && size * 8L < (mask + 1)) resize(bits - 1);
    }

    public void clear() {
        size = 0;
        volatileCount = 0;
        init(MIN_BITS);
    }

    private void resize(int newBits) {
        byte[][] ok = keys;
        Object[] ov = vals;
        int[] oh = hashes;
        int[] oa = access;
        long[] oe = expires;
        bits = newBits;
        int cap = 1 << newBits;
        mask = cap - 1;
        keys = new byte[cap][];
        vals = new Object[cap];
        hashes = new int[cap];
        access = new int[cap];
        expires = oe == null ? null : new long[cap];
        for (int s = 0; s < ok.length; s++) {
            byte[] k = ok[s];
            if (k == null) continue;
            int h = oh[s];
            int i = home(h);
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = k;
            vals[i] = ov[s];
            hashes[i] = h;
            access[i] = oa[s];
            if (oe != null) expires[i] = oe[s];
        }
    }

    /** A random occupied slot, or -1 when empty. */
    public int randomSlot(java.util.Random rnd) {
        if (size == 0) return -1;
        while (true) {
            int i = rnd.nextInt(mask + 1);
            if (keys[i] != null) return i;
        }
    }

    /**
     * One SCAN step. The cursor is a position in 32-bit hash space (0 starts); the returned
     * cursor is where the next call starts, 0 when the scan is complete.
     */
    public long scan(long cursor, int count, SlotVisitor visitor) {
        int shift = 32 - bits;
        long bucket = cursor >>> shift;
        long buckets = 1L << bits;
        int visited = 0;
        while (bucket < buckets && visited < count) {
            int b = (int) bucket;
            int i = b;
            while (keys[i] != null) {
                if (home(hashes[i]) == b) {
                    visitor.visit(i);
                    visited++;
                }
                i = (i + 1) & mask;
            }
            bucket++;
        }
        return bucket >= buckets ? 0 : bucket << shift;
    }

    @FunctionalInterface
    public interface SlotVisitor {
        void visit(int slot);
    }
}
