package io.fakeredis.core.scripting.lua;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Lua string: immutable bytes, as Redis values are. Equality is by content; the hash is Lua
 * 5.1's luaS_hash, because table iteration order depends on it.
 */
public final class LuaString implements Comparable<LuaString> {
    public static final LuaString EMPTY = new LuaString(new byte[0]);

    /** Never modified after construction. */
    public final byte[] bytes;
    private final int hash;

    private LuaString(byte[] bytes) {
        this.bytes = bytes;
        this.hash = luaHash(bytes);
    }

    /** Wraps bytes without copying: the caller must not modify them afterwards. */
    public static LuaString wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new LuaString(bytes);
    }

    public static LuaString of(byte[] bytes) {
        return wrap(bytes.clone());
    }

    /** UTF-8 bytes of a Java string. */
    public static LuaString of(String s) {
        return wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** One byte per char (chars above 0xff are truncated), for text built from bytes. */
    public static LuaString latin1(String s) {
        return wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * luaS_hash as Redis builds it: seeded with the length and hashing every byte, last first.
     * (Stock Lua 5.1 hashes at most 32 bytes spread over a long string; Redis's copy of Lua hashes
     * them all, against hash-collision attacks, and table order follows Redis's.)
     */
    static int luaHash(byte[] s) {
        int h = s.length;
        for (int l1 = s.length; l1 >= 1; l1--) {
            h = h ^ ((h << 5) + (h >>> 2) + (s[l1 - 1] & 0xff));
        }
        return h;
    }

    /** The unsigned 32-bit Lua hash, as an int (compare with Integer.remainderUnsigned etc.). */
    public int luaHash() {
        return hash;
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof LuaString && ((LuaString) o).hash == hash && Arrays.equals(((LuaString) o).bytes, bytes));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** strcoll in the C locale: unsigned byte order, shorter first on a common prefix. */
    @Override
    public int compareTo(LuaString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /** Decoded as UTF-8 (for messages); the bytes stay the truth. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** One char per byte, for messages that must keep every byte. */
    public String latin1() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
