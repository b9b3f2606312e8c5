package io.fakeredis.core.scripting.lua;

/**
 * A Lua function: a closure compiled from Lua source, or a builtin written in Java. Arguments
 * and results are Lua values (see {@link Lua}); a missing result list is {@link Lua#NONE}.
 */
public abstract class LuaFunction {
    /** Runs the function. Never returns null; returns Lua.NONE for no results. */
    public abstract Object[] call(LuaState L, Object[] args);

    /** A builtin from a lambda: {@code LuaFunction.of((L, a) -> ...)}. */
    public static LuaFunction of(Body body) {
        return new LuaFunction() {
            @Override
            public Object[] call(LuaState L, Object[] args) {
                return body.call(L, args);
            }
        };
    }

    @FunctionalInterface
    public interface Body {
        Object[] call(LuaState L, Object[] args);
    }
}
