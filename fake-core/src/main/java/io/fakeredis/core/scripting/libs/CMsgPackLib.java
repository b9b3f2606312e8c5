package io.fakeredis.core.scripting.libs;

import io.fakeredis.core.scripting.lua.Lua;
import io.fakeredis.core.scripting.lua.LuaError;
import io.fakeredis.core.scripting.lua.LuaFunction;
import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** lua-cmsgpack 0.4.0 as Redis bundles it: pack, unpack, unpack_one, unpack_limit. */
public final class CMsgPackLib {
    /** Tables nested deeper than this encode as nil, so circular references end. */
    private static final int MAX_NESTING = 16;

    private CMsgPackLib() {}

    public static LuaTable create(LuaState L) {
        LuaTable t = new LuaTable();
        t.put("pack", LuaFunction.of((S, a) -> {
            if (a.length == 0) throw S.argError(0, "MessagePack pack needs input.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object v : a) encode(v, out, 0);
            return Lua.one(LuaString.wrap(out.toByteArray()));
        }));
        t.put("unpack", LuaFunction.of((S, a) -> unpack(S, S.checkString(a, 1).bytes, 0, 0)));
        t.put("unpack_one", LuaFunction.of((S, a) -> {
            int offset = optInteger(S, a, 2, 0);
            return unpack(S, S.checkString(a, 1).bytes, 1, offset);
        }));
        t.put("unpack_limit", LuaFunction.of((S, a) -> {
            int limit = (int) (long) S.checkNumber(a, 2);
            int offset = optInteger(S, a, 3, 0);
            return unpack(S, S.checkString(a, 1).bytes, limit, offset);
        }));
        t.put("_NAME", LuaString.of("cmsgpack"));
        t.put("_VERSION", LuaString.of("lua-cmsgpack 0.4.0"));
        t.put("_COPYRIGHT", LuaString.of("Copyright (C) 2012, Salvatore Sanfilippo"));
        t.put("_DESCRIPTION", LuaString.of("MessagePack C implementation for Lua"));
        return t;
    }

    private static int optInteger(LuaState L, Object[] a, int n, int def) {
        return n > a.length || a[n - 1] == null ? def : (int) (long) L.checkNumber(a, n);
    }

    // ---- encoding ----

    private static void encode(Object v, ByteArrayOutputStream out, int level) {
        if (v instanceof LuaString) {
            byte[] b = ((LuaString) v).bytes;
            int n = b.length;
            if (n < 32) {
                out.write(0xa0 | n);
            } else if (n <= 0xff) {
                out.write(0xd9);
                out.write(n);
            } else if (n <= 0xffff) {
                out.write(0xda);
                be(out, n, 2);
            } else {
                out.write(0xdb);
                be(out, n, 4);
            }
            out.writeBytes(b);
        } else if (v instanceof Boolean) {
            out.write((Boolean) v ? 0xc3 : 0xc2);
        } else if (v instanceof Double) {
            number((Double) v, out);
        } else if (v instanceof LuaTable && level < MAX_NESTING) {
            table((LuaTable) v, out, level);
        } else {
            out.write(0xc0);
        }
    }

    private static void number(double d, ByteArrayOutputStream out) {
        // IS_INT64_EQUIVALENT: (int64_t) d == d, where x86 turns anything out of range into INT64_MIN
        if (!Double.isInfinite(d) && !Double.isNaN(d) && (d == -0x1p63 || Math.abs(d) < 0x1p63) && (long) d == d) {
            integer((long) d, out);
        } else if ((double) (float) d == d) {
            out.write(0xca);
            be(out, Float.floatToRawIntBits((float) d), 4);
        } else {
            out.write(0xcb);
            be(out, Double.doubleToRawLongBits(d), 8);
        }
    }

    private static void integer(long v, ByteArrayOutputStream out) {
        if (v >= 0) {
            if (v <= 127) {
                out.write((int) v);
            } else if (v <= 0xff) {
                out.write(0xcc);
                out.write((int) v);
            } else if (v <= 0xffff) {
                out.write(0xcd);
                be(out, v, 2);
            } else if (v <= 0xffffffffL) {
                out.write(0xce);
                be(out, v, 4);
            } else {
                out.write(0xcf);
                be(out, v, 8);
            }
        } else if (v >= -32) {
            out.write((int) (v & 0xff));
        } else if (v >= -128) {
            out.write(0xd0);
            out.write((int) (v & 0xff));
        } else if (v >= -32768) {
            out.write(0xd1);
            be(out, v, 2);
        } else if (v >= -2147483648L) {
            out.write(0xd2);
            be(out, v, 4);
        } else {
            out.write(0xd3);
            be(out, v, 8);
        }
    }

    private static void table(LuaTable t, ByteArrayOutputStream out, int level) {
        if (isArray(t)) {
            int len = t.length();
            header(out, len, 0x90, 0xdc, 0xdd);
            for (int i = 1; i <= len; i++) encode(t.get(i), out, level + 1);
            return;
        }
        int count = 0;
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            count++;
        }
        header(out, count, 0x80, 0xde, 0xdf);
        k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            Object v = kv[1];
            encode(k, out, level + 1);
            encode(v, out, level + 1);
        }
    }

    /** table_is_an_array: only keys 1..n, no holes (count equals the largest key). */
    private static boolean isArray(LuaTable t) {
        int count = 0, max = 0;
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            if (!(k instanceof Double)) return false;
            double n = (Double) k;
            if (n <= 0 || (int) n != n) return false;
            if (n > max) max = (int) n;
            count++;
        }
        return max == count;
    }

    private static void header(ByteArrayOutputStream out, int n, int fix, int c16, int c32) {
        if (n <= 15) {
            out.write(fix | n);
        } else if (n <= 0xffff) {
            out.write(c16);
            be(out, n, 2);
        } else {
            out.write(c32);
            be(out, n, 4);
        }
    }

    private static void be(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xff);
    }

    // ---- decoding ----

    /** A decode failure: end of input or an unknown type byte. */
    private static final class Bad extends RuntimeException {
        final boolean eof;

        Bad(boolean eof) {
            super(null, null, false, false);
            this.eof = eof;
        }
    }

    /** mp_unpack_full: limit 0 with offset 0 decodes everything (so unpack_limit(s, 0) does too). */
    private static Object[] unpack(LuaState L, byte[] s, int limit, int offset) {
        boolean all = limit == 0 && offset == 0;
        if (offset < 0 || limit < 0) {
            throw L.error("Invalid request to unpack with offset of " + offset + " and limit of " + s.length + ".");
        }
        if (offset > s.length) throw L.error("Start offset " + offset + " greater than input length " + s.length + ".");
        if (all) limit = Integer.MAX_VALUE;
        Cursor c = new Cursor(L, s, offset);
        List<Object> out = new ArrayList<>();
        try {
            for (int n = 0; c.p < s.length && n < limit; n++) out.add(c.decode());
        } catch (Bad e) {
            throw L.error(e.eof ? "Missing bytes in input." : "Bad data format in input.");
        }
        if (!all) out.add(0, c.p == s.length ? -1.0 : (double) c.p);
        return out.toArray();
    }

    private static final class Cursor {
        final LuaState L;
        final byte[] s;
        int p;

        Cursor(LuaState L, byte[] s, int p) {
            this.L = L;
            this.s = s;
            this.p = p;
        }

        private void need(int n) {
            if (s.length - p < n) throw new Bad(true);
        }

        private long read(int n) {
            need(n);
            long v = 0;
            for (int i = 0; i < n; i++) v = (v << 8) | (s[p++] & 0xff);
            return v;
        }

        Object decode() {
            int c = (int) read(1);
            switch (c) {
                case 0xcc: return (double) read(1);
                case 0xcd: return (double) read(2);
                case 0xce: return (double) read(4);
                case 0xcf: {
                    long v = read(8);
                    return v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : (double) v;
                }
                case 0xd0: return (double) (byte) read(1);
                case 0xd1: return (double) (short) read(2);
                case 0xd2: return (double) (int) read(4);
                case 0xd3: return (double) read(8);
                case 0xc0: return null;
                case 0xc3: return Boolean.TRUE;
                case 0xc2: return Boolean.FALSE;
                case 0xca: return (double) Float.intBitsToFloat((int) read(4));
                case 0xcb: return Double.longBitsToDouble(read(8));
                case 0xd9: return string((int) read(1));
                case 0xda: return string((int) read(2));
                case 0xdb: return string(read(4));
                case 0xdc: return array(read(2));
                case 0xdd: return array(read(4));
                case 0xde: return map(read(2));
                case 0xdf: return map(read(4));
                default:
            }
            if ((c & 0x80) == 0) return (double) c;
            if ((c & 0xe0) == 0xe0) return (double) (byte) c;
            if ((c & 0xe0) == 0xa0) return string(c & 0x1f);
            if ((c & 0xf0) == 0x90) return array(c & 0x0f);
            if ((c & 0xf0) == 0x80) return map(c & 0x0f);
            throw new Bad(false);
        }

        private LuaString string(long n) {
            if (s.length - p < n) throw new Bad(true);
            byte[] b = java.util.Arrays.copyOfRange(s, p, p + (int) n);
            p += (int) n;
            return LuaString.wrap(b);
        }

        private LuaTable array(long n) {
            LuaTable t = new LuaTable();
            for (long i = 1; i <= n; i++) t.put((double) i, decode());
            return t;
        }

        private LuaTable map(long n) {
            LuaTable t = new LuaTable();
            for (long i = 0; i < n; i++) {
                Object k = decode();
                Object v = decode();
                // lua_settable from C: Lua's runtime error, with no script position
                if (k == null) throw new LuaError("table index is nil");
                if (k instanceof Double && Double.isNaN((Double) k)) throw new LuaError("table index is NaN");
                t.put(k, v);
            }
            return t;
        }
    }
}
