package io.fakeredis.core.scripting.luaj;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** lua-cmsgpack as Redis bundles it: pack(...) and unpack(s). */
final class CMsgPackLib {
    private CMsgPackLib() {}

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("pack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                if (a.narg() == 0) throw new LuaError("MessagePack pack needs input.");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 1; i <= a.narg(); i++) encode(a.arg(i), out, 0);
                return LuaString.valueOf(out.toByteArray());
            }
        });
        t.rawset("unpack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                byte[] s = LuajRuntime.bytes(a.arg1());
                int[] pos = {0};
                java.util.List<LuaValue> out = new java.util.ArrayList<>();
                while (pos[0] < s.length) out.add(decode(s, pos));
                return LuaValue.varargsOf(out.toArray(new LuaValue[0]));
            }
        });
        return t;
    }

    private static void encode(LuaValue v, ByteArrayOutputStream out, int depth) {
        switch (v.type()) {
            case LuaValue.TSTRING: {
                byte[] b = LuajRuntime.bytes(v);
                int n = b.length;
                if (n < 32) out.write(0xa0 | n);
                else if (n <= 0xff) { out.write(0xd9); out.write(n); }
                else if (n <= 0xffff) { out.write(0xda); be(out, n, 2); }
                else { out.write(0xdb); be(out, n, 4); }
                out.writeBytes(b);
                return;
            }
            case LuaValue.TBOOLEAN:
                out.write(v.toboolean() ? 0xc3 : 0xc2);
                return;
            case LuaValue.TNUMBER: {
                double d = v.todouble();
                if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.2e18) integer((long) d, out);
                else if ((double) (float) d == d) { out.write(0xca); be(out, Float.floatToIntBits((float) d), 4); }
                else { out.write(0xcb); be(out, Double.doubleToLongBits(d), 8); }
                return;
            }
            case LuaValue.TTABLE:
                if (depth >= 16) {
                    out.write(0xc0);
                    return;
                }
                table((LuaTable) v, out, depth + 1);
                return;
            default:
                out.write(0xc0);
        }
    }

    private static void integer(long v, ByteArrayOutputStream out) {
        if (v >= 0) {
            if (v <= 127) out.write((int) v);
            else if (v <= 0xff) { out.write(0xcc); out.write((int) v); }
            else if (v <= 0xffff) { out.write(0xcd); be(out, v, 2); }
            else if (v <= 0xffffffffL) { out.write(0xce); be(out, v, 4); }
            else { out.write(0xcf); be(out, v, 8); }
        } else {
            if (v >= -32) out.write((int) (v & 0xff));
            else if (v >= -128) { out.write(0xd0); out.write((int) (v & 0xff)); }
            else if (v >= -32768) { out.write(0xd1); be(out, v, 2); }
            else if (v >= Integer.MIN_VALUE) { out.write(0xd2); be(out, v, 4); }
            else { out.write(0xd3); be(out, v, 8); }
        }
    }

    private static void table(LuaTable t, ByteArrayOutputStream out, int depth) {
        int count = 0, max = 0;
        boolean array = true;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            count++;
            double d = k.type() == LuaValue.TNUMBER ? k.todouble() : -1;
            if (d < 1 || d != Math.floor(d)) array = false;
            else max = Math.max(max, (int) d);
        }
        if (array && max == count) {
            header(out, count, 0x90, 0xdc, 0xdd);
            for (int i = 1; i <= count; i++) encode(t.rawget(i), out, depth);
            return;
        }
        header(out, count, 0x80, 0xde, 0xdf);
        k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            encode(k, out, depth);
            encode(n.arg(2), out, depth);
        }
    }

    private static void header(ByteArrayOutputStream out, int n, int fix, int c16, int c32) {
        if (n < 16) out.write(fix | n);
        else if (n <= 0xffff) { out.write(c16); be(out, n, 2); }
        else { out.write(c32); be(out, n, 4); }
    }

    private static void be(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xff);
    }

    private static long rd(byte[] s, int[] pos, int bytes) {
        if (pos[0] + bytes > s.length) throw new LuaError("Missing bytes in input.");
        long v = 0;
        for (int i = 0; i < bytes; i++) v = (v << 8) | (s[pos[0]++] & 0xff);
        return v;
    }

    private static LuaValue decode(byte[] s, int[] pos) {
        int c = (int) rd(s, pos, 1);
        if (c <= 0x7f) return LuaValue.valueOf(c);
        if (c >= 0xe0) return LuaValue.valueOf((byte) c);
        if ((c & 0xe0) == 0xa0) return str(s, pos, c & 0x1f);
        if ((c & 0xf0) == 0x90) return arr(s, pos, c & 0x0f);
        if ((c & 0xf0) == 0x80) return map(s, pos, c & 0x0f);
        switch (c) {
            case 0xc0: return LuaValue.NIL;
            case 0xc2: return LuaValue.FALSE;
            case 0xc3: return LuaValue.TRUE;
            case 0xca: return LuaValue.valueOf((double) Float.intBitsToFloat((int) rd(s, pos, 4)));
            case 0xcb: return LuaValue.valueOf(Double.longBitsToDouble(rd(s, pos, 8)));
            case 0xcc: return LuaValue.valueOf((double) rd(s, pos, 1));
            case 0xcd: return LuaValue.valueOf((double) rd(s, pos, 2));
            case 0xce: return LuaValue.valueOf((double) rd(s, pos, 4));
            case 0xcf: { long v = rd(s, pos, 8); return LuaValue.valueOf(v < 0 ? (double) (v >>> 1) * 2 : (double) v); }
            case 0xd0: return LuaValue.valueOf((double) (byte) rd(s, pos, 1));
            case 0xd1: return LuaValue.valueOf((double) (short) rd(s, pos, 2));
            case 0xd2: return LuaValue.valueOf((double) (int) rd(s, pos, 4));
            case 0xd3: return LuaValue.valueOf((double) rd(s, pos, 8));
            case 0xd9: case 0xc4: return str(s, pos, (int) rd(s, pos, 1));
            case 0xda: case 0xc5: return str(s, pos, (int) rd(s, pos, 2));
            case 0xdb: case 0xc6: return str(s, pos, (int) rd(s, pos, 4));
            case 0xdc: return arr(s, pos, (int) rd(s, pos, 2));
            case 0xdd: return arr(s, pos, (int) rd(s, pos, 4));
            case 0xde: return map(s, pos, (int) rd(s, pos, 2));
            case 0xdf: return map(s, pos, (int) rd(s, pos, 4));
            default: throw new LuaError("Bad data format in input.");
        }
    }

    private static LuaValue str(byte[] s, int[] pos, int n) {
        if (pos[0] + n > s.length) throw new LuaError("Missing bytes in input.");
        byte[] b = new byte[n];
        System.arraycopy(s, pos[0], b, 0, n);
        pos[0] += n;
        return LuaString.valueOf(b);
    }

    private static LuaValue arr(byte[] s, int[] pos, int n) {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= n; i++) t.rawset(i, decode(s, pos));
        return t;
    }

    private static LuaValue map(byte[] s, int[] pos, int n) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < n; i++) {
            LuaValue k = decode(s, pos);
            t.rawset(k, decode(s, pos));
        }
        return t;
    }
}
