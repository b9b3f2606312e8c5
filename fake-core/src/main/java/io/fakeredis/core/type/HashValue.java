package io.fakeredis.core.type;

import io.fakeredis.core.config.Config;
import java.util.Arrays;

/**
 * A hash: fields and values in parallel arrays, indexed by an open-addressing table of positions
 * (no wrapper objects, no allocation on lookup). While the hash is "listpack" encoded it keeps
 * insertion order as Redis's listpack does; once converted to "hashtable" (sticky, as in Redis)
 * a removal moves the last entry into the hole so every operation stays O(1).
 */
public final class HashValue implements RedisValue {
    private byte[][] fields;
    private byte[][] values;
    private int[] hashes;
    private int size;
    /** Slot to position + 1; 0 for an empty slot. Kept at most half full. */
    private int[] table;
    private boolean hashtable;

    public HashValue() {
        fields = new byte[4][];
        values = new byte[4][];
        hashes = new int[4];
        table = new int[8];
    }

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public String encoding(Config config) {
        return hashtable ? "hashtable" : "listpack";
    }

    @Override
    public HashValue copy() {
        HashValue h = new HashValue();
        h.fields = new byte[fields.length][];
        h.values = new byte[fields.length][];
        for (int i = 0; i < size; i++) {
            h.fields[i] = fields[i].clone();
            h.values[i] = values[i].clone();
        }
        h.hashes = hashes.clone();
        h.size = size;
        h.table = table.clone();
        h.hashtable = hashtable;
        return h;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isHashtable() {
        return hashtable;
    }

    /** Switches to the hashtable encoding, for good (Redis never converts back). */
    public void convertToHashtable() {
        hashtable = true;
    }

    public byte[] fieldAt(int i) {
        return fields[i];
    }

    public byte[] valueAt(int i) {
        return values[i];
    }

    private static int hash(byte[] b) {
        int h = Arrays.hashCode(b) * 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    /** Position of a field, or -1. */
    public int find(byte[] f) {
        int h = hash(f);
        int mask = table.length - 1;
        for (int s = h & mask;; s = (s + 1) & mask) {
            int e = table[s];
            if (e == 0) return -1;
            int i = e - 1;
            if (hashes[i] == h && Arrays.equals(fields[i], f)) return i;
        }
    }

    public byte[] get(byte[] f) {
        int i = find(f);
        return i < 0 ? null : values[i];
    }

    /** Sets a field; true when it was created. */
    public boolean put(byte[] f, byte[] v) {
        int i = find(f);
        if (i >= 0) {
            values[i] = v;
            return false;
        }
        if (size == fields.length) {
            int n = size * 2;
            fields = Arrays.copyOf(fields, n);
            values = Arrays.copyOf(values, n);
            hashes = Arrays.copyOf(hashes, n);
        }
        if ((size + 1) * 2 > table.length) rehash(table.length * 2);
        int h = hash(f);
        fields[size] = f;
        values[size] = v;
        hashes[size] = h;
        place(size);
        size++;
        return true;
    }

    private void place(int i) {
        int mask = table.length - 1;
        int s = hashes[i] & mask;
        while (table[s] != 0) s = (s + 1) & mask;
        table[s] = i + 1;
    }

    private void rehash(int cap) {
        table = new int[cap];
        for (int i = 0; i < size; i++) place(i);
    }

    private int slotOf(int i) {
        int mask = table.length - 1;
        int s = hashes[i] & mask;
        while (table[s] != i + 1) s = (s + 1) & mask;
        return s;
    }

    /** Linear-probing deletion by backward shift, so no tombstones accumulate. */
    private void clearSlot(int s) {
        int mask = table.length - 1;
        table[s] = 0;
        int j = s;
        while (true) {
            j = (j + 1) & mask;
            int e = table[j];
            if (e == 0) return;
            int k = hashes[e - 1] & mask;
            boolean stays = s <= j ? (s < k && k <= j) : (s < k || k <= j);
            if (stays) continue;
            table[s] = e;
            table[j] = 0;
            s = j;
        }
    }

    /** Removes a field; true when it existed. */
    public boolean remove(byte[] f) {
        int i = find(f);
        if (i < 0) return false;
        removeAt(i);
        return true;
    }

    private void removeAt(int i) {
        clearSlot(slotOf(i));
        int last = size - 1;
        if (hashtable) {
            if (i != last) {
                table[slotOf(last)] = i + 1;
                fields[i] = fields[last];
                values[i] = values[last];
                hashes[i] = hashes[last];
            }
            fields[last] = null;
            values[last] = null;
            size--;
        } else {
            // listpack order: close the gap, then renumber positions
            System.arraycopy(fields, i + 1, fields, i, last - i);
            System.arraycopy(values, i + 1, values, i, last - i);
            System.arraycopy(hashes, i + 1, hashes, i, last - i);
            fields[last] = null;
            values[last] = null;
            size--;
            if (i != size) rehash(table.length);
        }
    }
}
