package io.fakeredis.core.type;

import io.fakeredis.core.config.Config;
import java.util.Arrays;

/**
 * A list: a ring-buffer deque of byte[] so pushes and pops at both ends are O(1) and indexing
 * is O(1). Redis 7.0 always reports its lists as "quicklist".
 */
public final class ListValue implements RedisValue {
    private byte[][] buf;
    private int head;
    private int size;

    public ListValue() {
        buf = new byte[8][];
    }

    private ListValue(byte[][] buf, int head, int size) {
        this.buf = buf;
        this.head = head;
        this.size = size;
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public String encoding(Config config) {
        // Redis 7.0 creates every list as a quicklist (the listpack list arrived in 7.2).
        return "quicklist";
    }

    @Override
    public ListValue copy() {
        byte[][] b = new byte[buf.length][];
        for (int i = 0; i < size; i++) b[i] = get(i).clone();
        return new ListValue(b, 0, size);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private int phys(int i) {
        return (head + i) & (buf.length - 1);
    }

    public byte[] get(int i) {
        return buf[phys(i)];
    }

    public void set(int i, byte[] v) {
        buf[phys(i)] = v;
    }

    private void grow() {
        byte[][] b = new byte[buf.length * 2][];
        for (int i = 0; i < size; i++) b[i] = get(i);
        buf = b;
        head = 0;
    }

    public void pushHead(byte[] v) {
        if (size == buf.length) grow();
        head = (head - 1) & (buf.length - 1);
        buf[head] = v;
        size++;
    }

    public void pushTail(byte[] v) {
        if (size == buf.length) grow();
        buf[phys(size)] = v;
        size++;
    }

    public void push(byte[] v, boolean head) {
        if (head) pushHead(v);
        else pushTail(v);
    }

    public byte[] popHead() {
        byte[] v = buf[head];
        buf[head] = null;
        head = (head + 1) & (buf.length - 1);
        size--;
        shrink();
        return v;
    }

    public byte[] popTail() {
        int p = phys(size - 1);
        byte[] v = buf[p];
        buf[p] = null;
        size--;
        shrink();
        return v;
    }

    public byte[] pop(boolean head) {
        return head ? popHead() : popTail();
    }

    private void shrink() {
        if (buf.length > 64 && size < buf.length / 4) {
            byte[][] b = new byte[buf.length / 2][];
            for (int i = 0; i < size; i++) b[i] = get(i);
            buf = b;
            head = 0;
        }
    }

    /** Inserts v before index i (0..size), shifting the shorter side. */
    public void insert(int i, byte[] v) {
        if (i == 0) {
            pushHead(v);
            return;
        }
        if (i == size) {
            pushTail(v);
            return;
        }
        if (size == buf.length) grow();
        if (i < size / 2) {
            head = (head - 1) & (buf.length - 1);
            size++;
            for (int k = 0; k < i; k++) set(k, get(k + 1));
        } else {
            size++;
            for (int k = size - 1; k > i; k--) set(k, get(k - 1));
        }
        set(i, v);
    }

    /** Removes the element at index i. */
    public void remove(int i) {
        if (i < size / 2) {
            for (int k = i; k > 0; k--) set(k, get(k - 1));
            popHead();
        } else {
            for (int k = i; k < size - 1; k++) set(k, get(k + 1));
            popTail();
        }
    }

    /** Keeps only [start, end] (inclusive, already clamped and non-empty). */
    public void trim(int start, int end) {
        int n = end - start + 1;
        byte[][] b = new byte[Math.max(8, Integer.highestOneBit(Math.max(1, n - 1)) << 1)][];
        for (int i = 0; i < n; i++) b[i] = get(start + i);
        buf = b;
        head = 0;
        size = n;
    }

    /** Removes elements for which keep[i] is false, in one pass. */
    public void retain(boolean[] keep) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (keep[r]) set(w++, get(r));
        }
        for (int r = w; r < size; r++) set(r, null);
        size = w;
        shrink();
    }

    public static boolean eq(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
