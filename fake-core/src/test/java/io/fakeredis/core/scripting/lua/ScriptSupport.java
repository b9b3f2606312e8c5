package io.fakeredis.core.scripting.lua;

/** A state with the libraries the string tests' scripts use. */
final class ScriptSupport {
    private ScriptSupport() {}

    static LuaState newState() {
        LuaState L = LuaState.withBaseLibs();
        StringLib.install(L);
        TableLib.install(L);
        MathLib.install(L);
        return L;
    }
}
