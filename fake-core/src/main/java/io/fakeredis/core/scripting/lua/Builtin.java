package io.fakeredis.core.scripting.lua;

/**
 * A builtin that may run on whichever Java thread runs the Lua code calling it. Other builtins
 * called while Lua runs on a helper thread (a coroutine's, or a larger stack's) run on the
 * thread that entered the interpreter, since they may touch state owned by it (the engine lock,
 * an event loop). Pure functions (string, math, table) can be built with this to skip that hop.
 */
public final class Builtin extends LuaFunction {
    private final Body body;

    private Builtin(Body body) {
        this.body = body;
    }

    public static Builtin of(Body body) {
        return new Builtin(body);
    }

    @Override
    public Object[] call(LuaState L, Object[] args) {
        return body.call(L, args);
    }
}
