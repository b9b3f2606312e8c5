package io.fakeredis.core.type;

import io.fakeredis.core.util.ByteKey;

import io.fakeredis.core.config.Config;
import io.fakeredis.core.util.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Random;

/**
 * A Redis set. Like Redis 7.0 it is an intset (sorted longs) while every member is an integer and
 * the size stays within set-max-intset-entries, and a hash table otherwise (never converted back).
 * The hash table keeps members in a dense array so random picks are O(1).
 */
public final class SetValue implements RedisValue {
    // intset form: sorted values in ints[0..size)
    private long[] ints;
    // hashtable form
    private ArrayList<byte[]> items;
    private HashMap<ByteKey, Integer> index;
    private int size;

    /** An empty set in intset form. */
    public SetValue() {
        ints = new long[4];
    }

    /** An empty set whose encoding suits its first member, as Redis's setTypeCreate. */
    public static SetValue forFirst(byte[] member) {
        SetValue s = new SetValue();
        if (!Bytes.isLong(member)) s.toHashtable();
        return s;
    }

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public String encoding(Config config) {
        return isIntset() ? "intset" : "hashtable";
    }

    public boolean isIntset() {
        return items == null;
    }

    public int size() {
        return size;
    }

    public static long maxIntset(Config config) {
        return config.getLong("set-max-intset-entries");
    }

    /** Adds a member; true when it was new. maxIntset is set-max-intset-entries. */
    public boolean add(byte[] m, long maxIntset) {
        if (isIntset()) {
            long[] out = new long[1];
            if (Bytes.parseLong(m, 0, m.length, out)) {
                int pos = Arrays.binarySearch(ints, 0, size, out[0]);
                if (pos >= 0) return false;
                pos = -pos - 1;
                if (size == ints.length) ints = Arrays.copyOf(ints, size * 2);
                System.arraycopy(ints, pos, ints, pos + 1, size - pos);
                ints[pos] = out[0];
                size++;
                if (size > maxIntset) toHashtable();
                return true;
            }
            toHashtable();
        }
        ByteKey k = new ByteKey(m);
        if (index.containsKey(k)) return false;
        index.put(k, items.size());
        items.add(m);
        size++;
        return true;
    }

    public boolean contains(byte[] m) {
        if (isIntset()) {
            long[] out = new long[1];
            return Bytes.parseLong(m, 0, m.length, out) && Arrays.binarySearch(ints, 0, size, out[0]) >= 0;
        }
        return index.containsKey(new ByteKey(m));
    }

    public boolean remove(byte[] m) {
        if (isIntset()) {
            long[] out = new long[1];
            if (!Bytes.parseLong(m, 0, m.length, out)) return false;
            int pos = Arrays.binarySearch(ints, 0, size, out[0]);
            if (pos < 0) return false;
            System.arraycopy(ints, pos + 1, ints, pos, size - pos - 1);
            size--;
            return true;
        }
        Integer i = index.remove(new ByteKey(m));
        if (i == null) return false;
        removeAt(i);
        return true;
    }

    private void removeAt(int i) {
        int last = items.size() - 1;
        if (i != last) {
            byte[] moved = items.get(last);
            items.set(i, moved);
            index.put(new ByteKey(moved), i);
        }
        items.remove(last);
        size--;
    }

    /** The i-th member in iteration order (ascending for an intset). */
    public byte[] get(int i) {
        return isIntset() ? Bytes.fromLong(ints[i]) : items.get(i);
    }

    public byte[] random(Random r) {
        return get(r.nextInt(size));
    }

    /** Removes and returns a random member. */
    public byte[] pop(Random r) {
        int i = r.nextInt(size);
        byte[] m = get(i);
        if (isIntset()) {
            System.arraycopy(ints, i + 1, ints, i, size - i - 1);
            size--;
        } else {
            index.remove(new ByteKey(m));
            removeAt(i);
        }
        return m;
    }

    private void toHashtable() {
        ArrayList<byte[]> it = new ArrayList<>(Math.max(4, size));
        HashMap<ByteKey, Integer> idx = new HashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            byte[] m = Bytes.fromLong(ints[i]).clone();
            idx.put(new ByteKey(m), i);
            it.add(m);
        }
        items = it;
        index = idx;
        ints = null;
    }

    @Override
    public SetValue copy() {
        SetValue s = new SetValue();
        s.size = size;
        if (isIntset()) {
            s.ints = Arrays.copyOf(ints, Math.max(4, size));
        } else {
            s.ints = null;
            s.items = new ArrayList<>(items);
            s.index = new HashMap<>(index);
        }
        return s;
    }
}
