package io.fakeredis.core.scripting.libs;

import static io.fakeredis.core.scripting.libs.LibsTestSupport.call;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.s;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaTable;
import org.junit.jupiter.api.Test;

/** Expected values read from Redis 7.0.15. */
class BitLibTest {
    private final LuaState L = new LuaState();
    private final LuaTable bit = BitLib.create(L);

    private double num(String fn, Object... args) {
        return (Double) call(L, bit, fn, args)[0];
    }

    @Test
    void operations() {
        assertThat(num("tobit", 0x1p31 + 0.5)).isEqualTo(-2147483648.0);
        assertThat(num("tobit", 0xffffffffL + 0.0)).isEqualTo(-1.0);
        assertThat(num("tobit", s("0x10"))).isEqualTo(16.0);
        assertThat(num("bnot", 0.0)).isEqualTo(-1.0);
        assertThat(num("band", 12.0, 10.0, 8.0)).isEqualTo(8.0);
        assertThat(num("bor", 1.0, 2.0, 4.0)).isEqualTo(7.0);
        assertThat(num("bxor", 3.0, 1.0)).isEqualTo(2.0);
        assertThat(num("lshift", 1.0, 31.0)).isEqualTo(-2147483648.0);
        assertThat(num("rshift", -1.0, 28.0)).isEqualTo(15.0);
        assertThat(num("arshift", -16.0, 2.0)).isEqualTo(-4.0);
        assertThat(num("rol", 0x12345678 + 0.0, 4.0)).isEqualTo((double) 0x23456781);
        assertThat(num("ror", 0x12345678 + 0.0, 4.0)).isEqualTo((double) 0x81234567);
        assertThat(num("bswap", 0x12345678 + 0.0)).isEqualTo((double) 0x78563412);
        assertThat(text(call(L, bit, "tohex", -1.0, -4.0)[0])).isEqualTo("FFFF");
        assertThat(text(call(L, bit, "tohex", 255.0)[0])).isEqualTo("000000ff");
        assertThat(text(call(L, bit, "tohex", 0x1234 + 0.0, 2.0)[0])).isEqualTo("34");
    }
}
