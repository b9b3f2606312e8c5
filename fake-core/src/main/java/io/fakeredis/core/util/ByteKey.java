package io.fakeredis.core.util;

import java.util.Arrays;

/** A byte[] usable as a hash map key (content equality), for side tables keyed by Redis keys. */
public final class ByteKey {
    public final byte[] bytes;
    private final int hash;

    public ByteKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey && ((ByteKey) o).hash == hash && Arrays.equals(((ByteKey) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** memcmp order with shorter-first on a common prefix, as Redis's sdscmp. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public String toString() {
        return Bytes.str(bytes);
    }
}
