package io.fakeredis.core.scripting.lua;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the table and math libraries, from Java or from Lua source, and renders results as the
 * redis-cli lines Redis 7.0.15 gave for the same script: numbers as tostring, errors as
 * "ERR " + the message (direct calls drop the "user_script:1: " position, which needs a caller).
 */
final class LibCases {
    private LibCases() {}

    static LuaState state() {
        LuaState L = LuaState.withBaseLibs();
        StringLib.install(L);
        TableLib.install(L);
        MathLib.install(L, new Rand48());
        return L;
    }

    /** Calls lib.fn(args) directly; null when the skeleton LuaState cannot run it yet. */
    static String call(LuaState L, String lib, String fn, Object... args) {
        L.callName = fn;
        L.callNameWhat = "field";
        try {
            LuaFunction f = (LuaFunction) ((LuaTable) L.globals.get(lib)).get(fn);
            return render(f.call(L, args));
        } catch (LuaError e) {
            return "ERR " + stripPosition(e.getMessage());
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** Runs a chunk as Redis names it; errors keep their position ("ERR user_script:1: ..."). */
    static String run(LuaState L, String source) {
        try {
            LuaFunction f = L.load(source.getBytes(StandardCharsets.UTF_8), "@user_script");
            return render(L.call(f));
        } catch (LuaError e) {
            return "ERR " + e.getMessage();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("needs the VM");
            return null;
        }
    }

    static String stripPosition(String message) {
        return message.replaceFirst("^@?user_script:\\d+: ", "");
    }

    static String render(Object[] r) {
        StringBuilder sb = new StringBuilder();
        for (Object v : r) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(render(v));
        }
        return sb.toString();
    }

    static String render(Object v) {
        if (v instanceof Double) return Lua.numberToString((Double) v);
        return String.valueOf(v);
    }

    /** Aborts (instead of failing) when the skeleton could not build the error text. */
    static String need(String s) {
        if (s == null) Assumptions.abort("error positions need the VM (LuaState.where)");
        return s;
    }
}
