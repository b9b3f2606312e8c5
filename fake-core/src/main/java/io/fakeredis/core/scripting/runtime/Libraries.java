package io.fakeredis.core.scripting.runtime;

import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.MathLib;
import io.fakeredis.core.scripting.lua.Rand48;
import io.fakeredis.core.scripting.lua.StringLib;
import io.fakeredis.core.scripting.lua.TableLib;

/** The standard libraries of the interpreter, installed into a fresh state. */
final class Libraries {
    private Libraries() {}

    /** A state with Lua's base, coroutine, table, string and math libraries; math.random draws from random. */
    static LuaState newState(Rand48 random) {
        LuaState L = LuaState.withBaseLibs();
        TableLib.install(L);
        StringLib.install(L);
        MathLib.install(L, random);
        return L;
    }
}
