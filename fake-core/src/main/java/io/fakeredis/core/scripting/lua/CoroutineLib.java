package io.fakeredis.core.scripting.lua;

/** Lua 5.1's coroutine library (lbaselib.c's co_funcs). */
final class CoroutineLib {
    private CoroutineLib() {}

    static void open(LuaState L) {
        LuaTable co = new LuaTable();
        co.put("create", Builtin.of(CoroutineLib::create));
        co.put("resume", Builtin.of(CoroutineLib::resume));
        co.put("running", Builtin.of((l, a) -> new Object[] {l.running}));
        co.put("status", Builtin.of((l, a) -> new Object[] {LuaString.of(check(l, a).status)}));
        co.put("wrap", Builtin.of(CoroutineLib::wrap));
        co.put("yield", Builtin.of(CoroutineLib::yield));
        L.globals.put("coroutine", co);
    }

    private static LuaThread check(LuaState L, Object[] a) {
        if (a.length > 0 && a[0] instanceof LuaThread) return (LuaThread) a[0];
        throw L.argError(1, "coroutine expected");
    }

    private static Object[] create(LuaState L, Object[] a) {
        if (a.length == 0 || !(a[0] instanceof LuaClosure)) throw L.argError(1, "Lua function expected");
        return new Object[] {new LuaThread(L, (LuaClosure) a[0])};
    }

    private static Object[] rest(Object[] a) {
        if (a.length <= 1) return Lua.NONE;
        Object[] r = new Object[a.length - 1];
        System.arraycopy(a, 1, r, 0, r.length);
        return r;
    }

    private static Object[] resume(LuaState L, Object[] a) {
        return check(L, a).resume(rest(a));
    }

    private static Object[] wrap(LuaState L, Object[] a) {
        LuaThread co = (LuaThread) create(L, a)[0];
        return new Object[] {Builtin.of((l, args) -> {
            Object[] r = co.resume(args);
            if (r[0] == Boolean.TRUE) {
                Object[] out = new Object[r.length - 1];
                System.arraycopy(r, 1, out, 0, out.length);
                return out;
            }
            Object err = r[1];
            if (err instanceof LuaString || err instanceof Double) err = LuaString.latin1(l.where(1) + Lua.toLuaString(err).latin1());
            throw new LuaError(err);
        })};
    }

    private static Object[] yield(LuaState L, Object[] a) {
        LuaThread co = L.running;
        if (co == null || L.cs.cCalls > 0) throw new LuaError("attempt to yield across metamethod/C-call boundary");
        return co.yield(a.clone());
    }
}
