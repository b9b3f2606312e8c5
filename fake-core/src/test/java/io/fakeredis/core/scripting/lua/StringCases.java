package io.fakeredis.core.scripting.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Calls string library functions straight from Java and renders their results as the Lua
 * snippet used against redis-server rendered them: strings quoted with non-printable bytes as
 * \ddd and '"' as \", numbers as tostring, errors as "ERR " + the message without its position.
 */
final class StringCases {
    /** The NaN of 0/0 on x86 (sign bit set: prints as -nan). */
    static final double NAN = Double.longBitsToDouble(0xfff8000000000000L);

    private static final LuaState L = new LuaState();
    private static final LuaTable STRING = StringLib.install(L);

    private StringCases() {}

    static LuaString s(String latin1) {
        return LuaString.latin1(latin1);
    }

    /** A case: the expected rendering, the function name in the string table, the arguments. */
    static Object[] c(String expected, String fn, Object... args) {
        return new Object[] {expected, fn, args};
    }

    static Stream<DynamicTest> cases(Object[]... cases) {
        return Arrays.stream(cases).map(k -> {
            String expected = (String) k[0];
            String fn = (String) k[1];
            Object[] args = (Object[]) k[2];
            return DynamicTest.dynamicTest(fn + Arrays.toString(render(args)) + " -> " + expected, () -> {
                String actual = call(fn, args);
                if (actual == null) {
                    Assumptions.abort("error positions need the VM (LuaState.where)");
                }
                assertThat(actual).isEqualTo(expected);
            });
        });
    }

    private static String[] render(Object[] args) {
        String[] r = new String[args.length];
        for (int i = 0; i < args.length; i++) r[i] = render(args[i]);
        return r;
    }

    /** The rendered results, or null when the skeleton LuaState cannot build the error text yet. */
    static String call(String fn, Object... args) {
        Object[] a = Arrays.stream(args).map(v -> v instanceof Number ? (Object) ((Number) v).doubleValue() : v).toArray();
        L.callName = fn;
        L.callNameWhat = "field";
        try {
            Object[] r = ((LuaFunction) STRING.get(fn)).call(L, a);
            if ("gmatch".equals(fn)) return iterate(r[0]);
            String[] parts = new String[r.length];
            for (int i = 0; i < r.length; i++) parts[i] = render(r[i]);
            return String.join(", ", parts);
        } catch (LuaError e) {
            return "ERR " + message(e).replaceFirst("^[^:]*:\\d+: ", "");
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** gmatch: every iteration's captures joined by '+', iterations by ' ', all rendered as one string. */
    private static String iterate(Object iterator) {
        StringBuilder out = new StringBuilder();
        while (true) {
            Object[] r = ((LuaFunction) iterator).call(L, Lua.NONE);
            if (r.length == 0 || r[0] == null) break;
            if (out.length() > 0) out.append(' ');
            out.append(render(r[0]));
            if (r.length > 1) out.append('+').append(render(r[1]));
        }
        return render(LuaString.latin1(out.toString()));
    }

    static String render(Object v) {
        if (v == null) return "nil";
        if (v instanceof LuaString) {
            StringBuilder sb = new StringBuilder("\"");
            for (byte b : ((LuaString) v).bytes) {
                int c = b & 0xff;
                if (c == '"') sb.append("\\\"");
                else if (c < 32 || c > 126) sb.append(String.format("\\%03d", c));
                else sb.append((char) c);
            }
            return sb.append('"').toString();
        }
        if (v instanceof Double) return Lua.numberToString((Double) v);
        return String.valueOf(v);
    }

    /** The error message, one char per byte (the expectations were read as Latin-1). */
    static String message(LuaError e) {
        return e.value instanceof LuaString ? ((LuaString) e.value).latin1() : e.getMessage();
    }
}
