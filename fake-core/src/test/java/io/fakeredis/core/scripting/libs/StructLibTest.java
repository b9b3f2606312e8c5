package io.fakeredis.core.scripting.libs;

import static io.fakeredis.core.scripting.libs.LibsTestSupport.bytes;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.call;
import static io.fakeredis.core.scripting.libs.LibsTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaTable;
import org.junit.jupiter.api.Test;

/** Expected values read from Redis 7.0.15. */
class StructLibTest {
    private final LuaState L = new LuaState();
    private final LuaTable struct = StructLib.create(L);

    @Test
    void redissonFormats() {
        Object packed = call(L, struct, "pack", s("dLc0"), 1.5, 3.0, s("abc"))[0];
        Object[] back = call(L, struct, "unpack", s("dLc0"), packed);
        assertThat(back).containsExactly(1.5, s("abc"), 20.0);
        Object p2 = call(L, struct, "pack", s("Bc0I"), 3.0, s("xyz"), 7.0)[0];
        assertThat(p2).isEqualTo(bytes(3, 'x', 'y', 'z', 7, 0, 0, 0));
        assertThat(call(L, struct, "unpack", s("Bc0I"), p2)).containsExactly(s("xyz"), 7.0, 9.0);
    }

    @Test
    void integersBeyondEightBytes() {
        assertThat(call(L, struct, "pack", s(">i12"), -2.0)[0])
                .isEqualTo(bytes(0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe));
        Object p = call(L, struct, "pack", s("<i10"), -2.0)[0];
        assertThat(p).isEqualTo(bytes(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0));
        assertThat(call(L, struct, "unpack", s("<i10"), p)).containsExactly(-2.0, 11.0);
    }

    @Test
    void stringsAlignmentAndSize() {
        assertThat(call(L, struct, "pack", s("s"), s("a\0b"))[0]).isEqualTo(bytes('a', 0, 'b', 0));
        assertThat(call(L, struct, "pack", s("!4bi"), 1.0, 2.0)[0]).isEqualTo(bytes(1, 0, 0, 0, 2, 0, 0, 0));
        assertThat(call(L, struct, "size", s("q"))[0]).isEqualTo(0.0);
        assertThat(call(L, struct, "size", s("!8bd"))[0]).isEqualTo(16.0);
        assertThat(call(L, struct, "unpack", s(">h"), bytes(0xff, 0xfe))).containsExactly(-2.0, 3.0);
        assertThat(call(L, struct, "unpack", s(">H"), bytes(0xff, 0xfe))).containsExactly(65534.0, 3.0);
    }
}
