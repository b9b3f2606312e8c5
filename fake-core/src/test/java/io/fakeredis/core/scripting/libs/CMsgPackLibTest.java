package io.fakeredis.core.scripting.libs;

import static io.fakeredis.core.scripting.libs.LibsTestSupport.bytes;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.call;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.list;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaTable;
import org.junit.jupiter.api.Test;

/** Expected bytes read from Redis 7.0.15. */
class CMsgPackLibTest {
    private final LuaState L = new LuaState();
    private final LuaTable mp = CMsgPackLib.create(L);

    @Test
    void packs() {
        LuaTable inner = new LuaTable();
        inner.put("a", 1.0);
        Object packed = call(L, mp, "pack", list(1.0, 2.0, inner), s("x"), 1.5, 0.1, -1.0, 0x1p40, true, null)[0];
        assertThat(packed).isEqualTo(bytes(0x93, 0x01, 0x02, 0x81, 0xa1, 'a', 0x01, 0xa1, 'x', 0xca, 0x3f, 0xc0, 0, 0,
                0xcb, 0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a, 0xff, 0xcf, 0, 0, 1, 0, 0, 0, 0, 0, 0xc3, 0xc0));
        assertThat(call(L, mp, "pack", Double.POSITIVE_INFINITY)[0]).isEqualTo(bytes(0xca, 0x7f, 0x80, 0, 0));
    }

    @Test
    void unpacks() {
        Object two = call(L, mp, "pack", 1.0, 2.0)[0];
        assertThat(call(L, mp, "unpack", two)).containsExactly(1.0, 2.0);
        assertThat(call(L, mp, "unpack_one", two)).containsExactly(1.0, 1.0);
        assertThat(call(L, mp, "unpack_one", two, 1.0)).containsExactly(-1.0, 2.0);
        Object three = call(L, mp, "pack", 1.0, 2.0, 3.0)[0];
        assertThat(call(L, mp, "unpack_limit", three, 2.0)).containsExactly(2.0, 1.0, 2.0);
        assertThat(call(L, mp, "unpack_limit", three, 0.0)).containsExactly(1.0, 2.0, 3.0);
        Object back = call(L, mp, "unpack", call(L, mp, "pack", list(s("a"), list(true)))[0])[0];
        assertThat(((LuaTable) back).get(1)).isEqualTo(s("a"));
        assertThat(((LuaTable) ((LuaTable) back).get(2)).get(1)).isEqualTo(true);
        assertThat(call(L, mp, "unpack", bytes(0xd3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe))).containsExactly(-2.0);
        assertThat(mp.get("_VERSION")).isEqualTo(s("lua-cmsgpack 0.4.0"));
    }
}
