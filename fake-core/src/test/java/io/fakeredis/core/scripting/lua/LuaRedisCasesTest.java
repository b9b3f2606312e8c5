package io.fakeredis.core.scripting.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scripts whose outcome was read from Redis 7.0.15 (EVAL ... 0): the first result as Redis
 * replies it (nil and false empty, true "1", strings as is), or the Lua part of the error.
 * The file holds "source\n----> "expected"" blocks separated by "====" lines.
 */
class LuaRedisCasesTest {
    @TestFactory
    List<DynamicTest> casesAgreeWithRedis() throws IOException {
        String all;
        try (InputStream in = getClass().getResourceAsStream("redis-lua-cases.txt")) {
            all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String block : all.split("\n====\n")) {
            int sep = block.lastIndexOf("\n----> ");
            if (sep < 0) continue;
            String src = block.substring(0, sep);
            String expected = unquote(block.substring(sep + 7).trim());
            tests.add(DynamicTest.dynamicTest(src, () -> assertThat(run(src)).isEqualTo(expected)));
        }
        return tests;
    }

    private static String run(String src) {
        LuaState L = LuaState.withBaseLibs();
        StringLib.install(L);
        TableLib.install(L);
        MathLib.install(L);
        try {
            Object[] r = L.call(L.load(src.getBytes(StandardCharsets.ISO_8859_1), "@user_script"));
            Object v = r.length == 0 ? null : r[0];
            if (v == null || v == Boolean.FALSE) return "";
            if (v == Boolean.TRUE) return "1";
            return L.tostring(v).latin1();
        } catch (LuaError e) {
            return e.value instanceof LuaString ? ((LuaString) e.value).latin1() : e.getMessage();
        } finally {
            L.closeCoroutines();
        }
    }

    /** A JSON string literal as python's json.dumps writes it. */
    private static String unquote(String q) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < q.length() - 1; i++) {
            char c = q.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = q.charAt(++i);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u':
                    b.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default: b.append(e);
            }
        }
        return b.toString();
    }
}
