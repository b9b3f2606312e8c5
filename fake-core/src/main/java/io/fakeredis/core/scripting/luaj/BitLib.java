package io.fakeredis.core.scripting.luaj;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** LuaBitOp's "bit" module as Redis bundles it: 32-bit operations on Lua numbers. */
final class BitLib {
    private BitLib() {}

    /** LuaBitOp's barg: round to an integer and keep the low 32 bits. */
    static int bitArg(Varargs a, int i) {
        LuaValue v = a.arg(i);
        if (!v.isnumber()) throw new LuaError("bad argument #" + i + " to '?' (number expected, got " + v.typename() + ")");
        double d = v.todouble();
        return (int) (long) Math.rint(d % 4294967296.0);
    }

    private interface Op {
        int apply(Varargs a);
    }

    private static VarArgFunction fn(Op op) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return LuaValue.valueOf(op.apply(a));
            }
        };
    }

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("tobit", fn(a -> bitArg(a, 1)));
        t.rawset("bnot", fn(a -> ~bitArg(a, 1)));
        t.rawset("band", fn(a -> {
            int r = bitArg(a, 1);
            for (int i = 2; i <= a.narg(); i++) r &= bitArg(a, i);
            return r;
        }));
        t.rawset("bor", fn(a -> {
            int r = bitArg(a, 1);
            for (int i = 2; i <= a.narg(); i++) r |= bitArg(a, i);
            return r;
        }));
        t.rawset("bxor", fn(a -> {
            int r = bitArg(a, 1);
            for (int i = 2; i <= a.narg(); i++) r ^= bitArg(a, i);
            return r;
        }));
        t.rawset("lshift", fn(a -> bitArg(a, 1) << (bitArg(a, 2) & 31)));
        t.rawset("rshift", fn(a -> bitArg(a, 1) >>> (bitArg(a, 2) & 31)));
        t.rawset("arshift", fn(a -> bitArg(a, 1) >> (bitArg(a, 2) & 31)));
        t.rawset("rol", fn(a -> Integer.rotateLeft(bitArg(a, 1), bitArg(a, 2) & 31)));
        t.rawset("ror", fn(a -> Integer.rotateRight(bitArg(a, 1), bitArg(a, 2) & 31)));
        t.rawset("bswap", fn(a -> Integer.reverseBytes(bitArg(a, 1))));
        t.rawset("tohex", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                int x = bitArg(a, 1);
                int n = a.narg() >= 2 && !a.arg(2).isnil() ? bitArg(a, 2) : 8;
                boolean upper = n < 0;
                if (upper) n = -n;
                if (n > 8) n = 8;
                StringBuilder b = new StringBuilder();
                for (int i = n - 1; i >= 0; i--) {
                    int d = (x >>> (4 * i)) & 15;
                    b.append((upper ? "0123456789ABCDEF" : "0123456789abcdef").charAt(d));
                }
                return LuaValue.valueOf(b.toString());
            }
        });
        return t;
    }
}
