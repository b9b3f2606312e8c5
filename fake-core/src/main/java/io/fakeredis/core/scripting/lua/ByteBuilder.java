package io.fakeredis.core.scripting.lua;

import java.util.Arrays;

/** A growable byte buffer (luaL_Buffer) for building Lua strings. */
final class ByteBuilder {
    private byte[] buf;
    private int len;

    ByteBuilder(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    private void ensure(int extra) {
        long need = (long) len + extra;
        if (need > buf.length) {
            if (need > Integer.MAX_VALUE - 8) throw new LuaError("not enough memory");
            buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min((long) buf.length * 2, Integer.MAX_VALUE - 8)));
        }
    }

    ByteBuilder append(int b) {
        ensure(1);
        buf[len++] = (byte) b;
        return this;
    }

    ByteBuilder append(byte[] b) {
        return append(b, 0, b.length);
    }

    ByteBuilder append(byte[] b, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(b, from, buf, len, n);
        len += n;
        return this;
    }

    /** Latin-1 text (every char below 256). */
    ByteBuilder append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
        return this;
    }

    int length() {
        return len;
    }

    LuaString toLuaString() {
        return LuaString.wrap(len == buf.length ? buf : Arrays.copyOf(buf, len));
    }
}
