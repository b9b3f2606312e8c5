package io.fakeredis.core.type;

import io.fakeredis.core.config.Config;
import java.util.Arrays;

/**
 * A string value whose encoding is not the one SET would pick from its content: the growable
 * "raw" string that APPEND and SETRANGE edit in place (so APPEND loops stay amortized O(1)), and
 * the embstr/raw string INCRBYFLOAT stores even when it reads as an integer.
 *
 * <p>{@link #bytes()} hands out an exactly sized array and remembers that it did; the next edit
 * copies first, so an array given to a caller never changes under it.
 */
public final class MutableString implements RedisValue {
    private byte[] buf;
    private int len;
    /** True once edited in place (APPEND, SETRANGE): OBJECT ENCODING says raw whatever the length. */
    private boolean raw;
    /** buf was handed out by bytes(): copy before the next edit. */
    private boolean shared;

    private MutableString(byte[] buf, int len, boolean raw) {
        this.buf = buf;
        this.len = len;
        this.raw = raw;
    }

    /** A raw string holding a copy of b (dbUnshareStringValue). */
    public static MutableString raw(byte[] b) {
        return raw(b, 0);
    }

    /** A raw copy of b with room for {@code extra} more bytes, so the edit that follows does not copy again. */
    public static MutableString raw(byte[] b, int extra) {
        int cap = b.length + extra;
        if (extra > 0 && cap < 1024 * 1024) cap *= 2;
        if (cap < 0) cap = b.length + extra;
        return new MutableString(Arrays.copyOf(b, cap), b.length, true);
    }

    /** A raw string of n zero bytes (SETRANGE on a missing key). */
    public static MutableString zeros(int n) {
        return new MutableString(new byte[n], n, true);
    }

    /** createStringObject: embstr up to 44 bytes, raw beyond, never int. Takes ownership of b. */
    public static MutableString plain(byte[] b) {
        MutableString s = new MutableString(b, b.length, b.length > 44);
        s.shared = true;
        return s;
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    @Override
    public String encoding(Config config) {
        return raw || len > 44 ? "raw" : "embstr";
    }

    @Override
    public RedisValue copy() {
        return new MutableString(Arrays.copyOf(buf, len), len, raw);
    }

    public int length() {
        return len;
    }

    public byte byteAt(int i) {
        return buf[i];
    }

    /** The backing array; only the first {@link #length()} bytes are the value. Do not keep or mutate. */
    public byte[] buffer() {
        return buf;
    }

    /** The value as an exactly sized array that the caller must not mutate. */
    public byte[] bytes() {
        if (buf.length != len) buf = Arrays.copyOf(buf, len);
        shared = true;
        return buf;
    }

    private void ensure(int capacity) {
        if (capacity <= buf.length && !shared) return;
        int n = buf.length;
        if (capacity > n) {
            // like sdsMakeRoomFor: double while small, then grow by 1MB steps
            n = capacity < 1024 * 1024 ? Math.max(capacity * 2, 16) : capacity + 1024 * 1024;
            if (n < 0) n = capacity;
        }
        buf = Arrays.copyOf(buf, n);
        shared = false;
    }

    public void append(byte[] b) {
        append(b, 0, b.length);
    }

    public void append(byte[] b, int off, int n) {
        ensure(len + n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        raw = true;
    }

    /** Writes b at offset, zero-filling any gap past the end. */
    public void setRange(int offset, byte[] b) {
        int end = offset + b.length;
        ensure(Math.max(len, end));
        if (offset > len) Arrays.fill(buf, len, offset, (byte) 0);
        System.arraycopy(b, 0, buf, offset, b.length);
        if (end > len) len = end;
        raw = true;
    }

    /**
     * The buffer for in-place bit edits (SETBIT, BITFIELD), grown zero-filled to at least n bytes,
     * unshared and marked raw like dbUnshareStringValue + sdsgrowzero. Only the first
     * {@link #length()} bytes are the value; do not keep the array across commands.
     */
    public byte[] editable(int n) {
        ensure(Math.max(len, n));
        if (n > len) {
            Arrays.fill(buf, len, n, (byte) 0);
            len = n;
        }
        raw = true;
        return buf;
    }
}
