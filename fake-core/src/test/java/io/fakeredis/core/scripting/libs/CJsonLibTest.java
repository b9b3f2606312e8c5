package io.fakeredis.core.scripting.libs;

import static io.fakeredis.core.scripting.libs.LibsTestSupport.call;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.list;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.s;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaTable;
import org.junit.jupiter.api.Test;

/** Expected values read from Redis 7.0.15. */
class CJsonLibTest {
    private final LuaState L = new LuaState();
    private final LuaTable cjson = CJsonLib.create(L);

    private String encode(Object v) {
        return text(call(L, cjson, "encode", v)[0]);
    }

    private Object decode(String json) {
        return call(L, cjson, "decode", s(json))[0];
    }

    @Test
    void encodes() {
        assertThat(encode(1.0 / 3)).isEqualTo("0.33333333333333");
        assertThat(encode(list(1e15, 123456789012345678.0, -0.0, 0.1, 100.0, 0x1p53)))
                .isEqualTo("[1e+15,1.2345678901235e+17,-0,0.1,100,9.007199254741e+15]");
        assertThat(encode(s("\1 \u00e9/\"\u001b\u007f"))).isEqualTo("\"\\u0001 \u00e9\\/\\\"\\u001b\\u007f\"");
        LuaTable holes = new LuaTable();
        holes.put(1, (Object) 1.0);
        holes.put(2, (Object) 2.0);
        holes.put(4, (Object) 4.0);
        assertThat(encode(holes)).isEqualTo("[1,2,null,4]");
        assertThat(encode(new LuaTable())).isEqualTo("{}");
        LuaTable nested = new LuaTable();
        LuaTable a = new LuaTable();
        a.put("b", new LuaTable());
        nested.put("a", a);
        assertThat(encode(nested)).isEqualTo("{\"a\":{\"b\":{}}}");
        LuaTable floatKey = new LuaTable();
        floatKey.put(1.5, 1.0);
        assertThat(encode(floatKey)).isEqualTo("{\"1.5\":1}");
        assertThat(encode(CJsonLib.NULL)).isEqualTo("null");
    }

    @Test
    void configuration() {
        assertThat(call(L, cjson, "encode_sparse_array")).containsExactly(false, 2.0, 10.0);
        assertThat(call(L, cjson, "encode_max_depth")).containsExactly(1000.0);
        assertThat(call(L, cjson, "encode_number_precision")).containsExactly(14.0);
        assertThat(call(L, cjson, "encode_keep_buffer")).containsExactly(true);
        assertThat(call(L, cjson, "encode_invalid_numbers")).containsExactly(false);
        assertThat(call(L, cjson, "decode_invalid_numbers")).containsExactly(true);
        call(L, cjson, "encode_number_precision", 3.0);
        assertThat(encode(1.0 / 3)).isEqualTo("0.333");
        call(L, cjson, "encode_invalid_numbers", true);
        assertThat(encode(list(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN))).isEqualTo("[inf,-inf,nan]");
        assertThat(call(L, cjson, "encode_invalid_numbers", s("null"))).containsExactly(s("null"));
        call(L, cjson, "encode_sparse_array", true);
        LuaTable sparse = new LuaTable();
        sparse.put(1, (Object) 1.0);
        sparse.put(100, (Object) 2.0);
        assertThat(encode(sparse)).satisfiesAnyOf(
                j -> assertThat(j).isEqualTo("{\"1\":1,\"100\":2}"), j -> assertThat(j).isEqualTo("{\"100\":2,\"1\":1}"));
        LuaTable fresh = (LuaTable) call(L, cjson, "new")[0];
        assertThat(text(call(L, fresh, "encode", 1.0 / 3)[0])).isEqualTo("0.33333333333333");
        assertThat(fresh.get("_NAME")).isEqualTo(s("cjson"));
        assertThat(fresh.get("_VERSION")).isEqualTo(s("2.1.0"));
    }

    @Test
    void decodes() {
        LuaTable t = (LuaTable) decode("[1e400, -0, 1.5, \"\\u00e9\", 01, 1., +1, true, false, null, \"\\ud83d\\ude00\"]");
        assertThat(t.get(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.get(2)).isEqualTo(-0.0);
        assertThat(t.get(3)).isEqualTo(1.5);
        assertThat(t.get(4)).isEqualTo(LuaStringUtf8.of("\u00e9"));
        assertThat(t.get(5)).isEqualTo(1.0);
        assertThat(t.get(6)).isEqualTo(1.0);
        assertThat(t.get(7)).isEqualTo(1.0);
        assertThat(t.get(8)).isEqualTo(true);
        assertThat(t.get(9)).isEqualTo(false);
        assertThat(t.get(10)).isSameAs(CJsonLib.NULL);
        assertThat(t.get(11)).isEqualTo(LuaStringUtf8.of("\ud83d\ude00"));
        LuaTable n = (LuaTable) decode("[NaN, Infinity, -Infinity, 0x10, nan, inf, 1E2, -inf]");
        assertThat((Double) n.get(1)).isNaN();
        assertThat(n.get(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(n.get(3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(n.get(4)).isEqualTo(16.0);
        assertThat(n.get(7)).isEqualTo(100.0);
        LuaTable o = (LuaTable) decode("{\"a\":1,\"a\":2, \"b\" : {\"c\":[]}}");
        assertThat(o.get("a")).isEqualTo(2.0);
        assertThat(((LuaTable) o.get("b")).get("c")).isInstanceOf(LuaTable.class);
        assertThat(decode("\"\t\"")).isEqualTo(s("\t"));
        assertThat(call(L, cjson, "decode", 5.0)[0]).isEqualTo(5.0);
    }

    /** UTF-8 Lua strings for the expectations. */
    private static final class LuaStringUtf8 {
        static io.fakeredis.core.scripting.lua.LuaString of(String s) {
            return io.fakeredis.core.scripting.lua.LuaString.of(s);
        }
    }
}
