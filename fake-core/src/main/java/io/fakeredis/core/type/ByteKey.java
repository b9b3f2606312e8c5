package io.fakeredis.core.type;

import java.util.Arrays;

/** A byte[] with value equality, for use as a hash key inside collection types. */
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
}
