package io.fakeredis.core.scripting.libs;

import io.fakeredis.core.scripting.lua.Lua;
import io.fakeredis.core.scripting.lua.LuaFunction;
import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;

/** LuaBitOp 1.0.2's "bit" module as Redis bundles it: 32-bit operations on Lua numbers. */
public final class BitLib {
    private BitLib() {}

    public static LuaTable create(LuaState L) {
        LuaTable t = new LuaTable();
        t.put("tobit", op((S, a) -> arg(S, a, 1)));
        t.put("bnot", op((S, a) -> ~arg(S, a, 1)));
        t.put("band", op((S, a) -> {
            int b = arg(S, a, 1);
            for (int i = a.length; i > 1; i--) b &= arg(S, a, i);
            return b;
        }));
        t.put("bor", op((S, a) -> {
            int b = arg(S, a, 1);
            for (int i = a.length; i > 1; i--) b |= arg(S, a, i);
            return b;
        }));
        t.put("bxor", op((S, a) -> {
            int b = arg(S, a, 1);
            for (int i = a.length; i > 1; i--) b ^= arg(S, a, i);
            return b;
        }));
        t.put("lshift", op((S, a) -> {
            int b = arg(S, a, 1);
            return b << (arg(S, a, 2) & 31);
        }));
        t.put("rshift", op((S, a) -> {
            int b = arg(S, a, 1);
            return b >>> (arg(S, a, 2) & 31);
        }));
        t.put("arshift", op((S, a) -> {
            int b = arg(S, a, 1);
            return b >> (arg(S, a, 2) & 31);
        }));
        t.put("rol", op((S, a) -> {
            int b = arg(S, a, 1);
            return Integer.rotateLeft(b, arg(S, a, 2) & 31);
        }));
        t.put("ror", op((S, a) -> {
            int b = arg(S, a, 1);
            return Integer.rotateRight(b, arg(S, a, 2) & 31);
        }));
        t.put("bswap", op((S, a) -> Integer.reverseBytes(arg(S, a, 1))));
        t.put("tohex", LuaFunction.of((S, a) -> {
            int b = arg(S, a, 1);
            int n = a.length < 2 ? 8 : arg(S, a, 2); // an explicit nil is an error, as in C
            String digits = "0123456789abcdef";
            if (n < 0) {
                n = -n;
                digits = "0123456789ABCDEF";
            }
            if (n > 8) n = 8;
            byte[] out = new byte[Math.max(n, 0)];
            for (int i = out.length - 1; i >= 0; i--) {
                out[i] = (byte) digits.charAt(b & 15);
                b >>>= 4;
            }
            return Lua.one(LuaString.wrap(out));
        }));
        return t;
    }

    private interface IntOp {
        int apply(LuaState L, Object[] a);
    }

    private static LuaFunction op(IntOp f) {
        return LuaFunction.of((L, a) -> Lua.one((double) f.apply(L, a)));
    }

    /**
     * LuaBitOp's barg: the number plus 2^52+2^51 keeps the integer part (rounded half to even)
     * modulo 2^32 in the low bits. Non-numbers read as 0 and only fail when that gives 0.
     */
    static int arg(LuaState L, Object[] a, int n) {
        Double d = n <= a.length ? Lua.toNumber(a[n - 1]) : null;
        int b = (int) Double.doubleToRawLongBits((d == null ? 0.0 : d) + 6755399441055744.0);
        if (b == 0 && d == null) throw L.typeError(a, n, "number");
        return b;
    }
}
