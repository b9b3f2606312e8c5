package io.fakeredis.core.scripting.lua;

import static io.fakeredis.core.scripting.lua.LibCases.call;
import static io.fakeredis.core.scripting.lua.LibCases.need;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** math.*, each expected value read from redis-server 7.0.15 (EVAL "return tostring(...)" 0). */
class MathLibTest {
    static final double NAN = MathLib.NEG_NAN; // 0/0 on x86
    static final double PNAN = MathLib.POS_NAN; // -(0/0)
    static final double INF = Double.POSITIVE_INFINITY;

    final LuaState L = LibCases.state();

    String m(String fn, Object... args) {
        return call(L, "math", fn, args);
    }

    @Test
    void randomIsRedisRand48SharedAcrossScripts() {
        // EVAL "return {math.random(100), math.random(100), tostring(math.random())}" 0, on a fresh server
        assertThat(m("random", 100.0) + " " + m("random", 100.0) + " " + m("random")).isEqualTo("40 85 0.35333609737146");
        // the same EVAL again: Redis 7.0 does not reseed per script
        assertThat(m("random", 100.0) + " " + m("random", 100.0) + " " + m("random")).isEqualTo("45 32 0.88642843341754");
        // math.randomseed(42) then the same
        assertThat(m("randomseed", 42.0)).isEmpty();
        assertThat(m("random", 100.0) + " " + m("random", 100.0) + " " + m("random")).isEqualTo("75 35 0.11108528222474");
        // the next script continues the seeded sequence
        assertThat(m("random", 100.0)).isEqualTo("43");
    }

    @Test
    void randomRanges() {
        Rand48 r = new Rand48();
        r.seed(7);
        int a = r.next();
        Rand48 r2 = new Rand48();
        r2.seed(7);
        assertThat(r2.next()).isEqualTo(a);
        for (int i = 0; i < 200; i++) {
            double v = Double.parseDouble(m("random", -5.0, -1.0));
            assertThat(v).isBetween(-5.0, -1.0);
            assertThat(v % 1).isEqualTo(-0.0);
        }
        assertThat(need(m("random", 1.0, 2.0, 3.0))).isEqualTo("ERR wrong number of arguments");
        assertThat(need(m("random", 0.0))).isEqualTo("ERR bad argument #1 to 'random' (interval is empty)");
        assertThat(need(m("random", 5.0, 1.0))).isEqualTo("ERR bad argument #2 to 'random' (interval is empty)");
        assertThat(need(m("random", LuaString.of("x")))).isEqualTo("ERR bad argument #1 to 'random' (number expected, got string)");
        assertThat(need(m("randomseed"))).isEqualTo("ERR bad argument #1 to 'randomseed' (number expected, got no value)");
    }

    @Test
    void nanSignsAsGlibc() {
        assertThat(m("fmod", 1.0, 0.0)).isEqualTo("-nan");
        assertThat(m("fmod", -INF, 3.0)).isEqualTo("-nan");
        assertThat(m("fmod", 5.5, NAN)).isEqualTo("-nan");
        assertThat(m("fmod", PNAN, 0.0)).isEqualTo("nan");
        assertThat(m("fmod", 1.0, PNAN)).isEqualTo("nan");
        assertThat(m("fmod", NAN, PNAN)).isEqualTo("-nan");
        assertThat(m("fmod", PNAN, NAN)).isEqualTo("nan");
        assertThat(m("sqrt", -1.0)).isEqualTo("-nan");
        assertThat(m("sqrt", -INF)).isEqualTo("-nan");
        assertThat(m("sqrt", PNAN)).isEqualTo("nan");
        assertThat(m("log", -1.0)).isEqualTo("-nan");
        assertThat(m("log", -INF)).isEqualTo("-nan");
        assertThat(m("log", 0.0)).isEqualTo("-inf");
        assertThat(m("log10", -1.0)).isEqualTo("nan");
        assertThat(m("log10", PNAN)).isEqualTo("nan");
        assertThat(m("acos", 2.0)).isEqualTo("nan");
        assertThat(m("asin", 2.0)).isEqualTo("nan");
        assertThat(m("acos", NAN)).isEqualTo("-nan");
        assertThat(m("acos", PNAN)).isEqualTo("nan");
        assertThat(m("cos", INF)).isEqualTo("-nan");
        assertThat(m("sin", -INF)).isEqualTo("-nan");
        assertThat(m("tan", INF)).isEqualTo("-nan");
        assertThat(m("sin", NAN)).isEqualTo("-nan");
        assertThat(m("sin", PNAN)).isEqualTo("nan");
        assertThat(m("exp", NAN)).isEqualTo("-nan");
        assertThat(m("exp", PNAN)).isEqualTo("nan");
        assertThat(m("ceil", PNAN)).isEqualTo("nan");
        assertThat(m("floor", NAN)).isEqualTo("-nan");
        assertThat(m("deg", NAN)).isEqualTo("-nan");
        assertThat(m("rad", PNAN)).isEqualTo("nan");
        assertThat(m("cosh", NAN)).isEqualTo("-nan");
        assertThat(m("tanh", PNAN)).isEqualTo("nan");
        assertThat(m("atan", NAN)).isEqualTo("-nan");
        assertThat(m("abs", NAN)).isEqualTo("nan");
        assertThat(m("atan2", NAN, 1.0)).isEqualTo("-nan");
        assertThat(m("atan2", 1.0, PNAN)).isEqualTo("nan");
        assertThat(m("atan2", PNAN, NAN)).isEqualTo("-nan");
        assertThat(m("atan2", NAN, PNAN)).isEqualTo("nan");
        assertThat(m("pow", NAN, 1.0)).isEqualTo("-nan");
        assertThat(m("pow", PNAN, 1.0)).isEqualTo("nan");
        assertThat(m("pow", 2.0, PNAN)).isEqualTo("nan");
        assertThat(m("pow", PNAN, 0.0)).isEqualTo("1");
        assertThat(m("pow", 1.0, NAN)).isEqualTo("1");
        assertThat(m("pow", 1.0, PNAN)).isEqualTo("1");
        assertThat(m("pow", -1.0, INF)).isEqualTo("1");
        assertThat(m("pow", -8.0, 1.0 / 3)).isEqualTo("-nan");
        assertThat(m("ldexp", NAN, 1.0)).isEqualTo("-nan");
        assertThat(m("ldexp", PNAN, 1.0)).isEqualTo("nan");
        assertThat(m("max", 1.0, NAN, 3.0)).isEqualTo("3");
        assertThat(m("max", NAN, 1.0)).isEqualTo("-nan");
        assertThat(m("max", PNAN, 1.0)).isEqualTo("nan");
        assertThat(m("min", NAN, 1.0)).isEqualTo("-nan");
        assertThat(m("modf", NAN)).isEqualTo("-nan -nan");
        assertThat(m("modf", PNAN)).isEqualTo("nan nan");
        assertThat(m("frexp", NAN)).isEqualTo("-nan 0");
        assertThat(m("frexp", PNAN)).isEqualTo("nan 0");
    }

    @Test
    void values() {
        assertThat(m("modf", INF)).isEqualTo("inf 0");
        assertThat(m("modf", -INF)).isEqualTo("-inf -0");
        assertThat(m("modf", -3.5)).isEqualTo("-3 -0.5");
        assertThat(m("modf", -0.0)).isEqualTo("-0 -0");
        assertThat(m("modf", 3.0)).isEqualTo("3 0");
        assertThat(m("frexp", 0.0)).isEqualTo("0 0");
        assertThat(m("frexp", INF)).isEqualTo("inf 0");
        assertThat(m("frexp", -12.5)).isEqualTo("-0.78125 4");
        assertThat(m("frexp", 1.0)).isEqualTo("0.5 1");
        assertThat(m("frexp", Double.MIN_VALUE)).isEqualTo("0.5 -1073");
        assertThat(m("ldexp", 1.5, 3.7)).isEqualTo("12");
        assertThat(m("ldexp", 0.5, -1073.0)).isEqualTo("4.9406564584125e-324");
        assertThat(m("fmod", -7.0, 3.0)).isEqualTo("-1");
        assertThat(m("fmod", 7.0, -3.0)).isEqualTo("1");
        assertThat(m("fmod", 3.0, INF)).isEqualTo("3");
        assertThat(m("fmod", -0.0, 1.0)).isEqualTo("-0");
        assertThat(m("mod", 7.0, 3.0)).isEqualTo("1");
        assertThat(m("max", LuaString.of("10"), 9.0)).isEqualTo("10");
        assertThat(m("floor", LuaString.of("3.7"))).isEqualTo("3");
        assertThat(m("pow", 0.0, -1.0)).isEqualTo("inf");
        assertThat(m("pow", -INF, 0.5)).isEqualTo("inf");
        assertThat(m("deg", 1.0)).isEqualTo("57.295779513082");
        assertThat(m("rad", 180.0)).isEqualTo("3.1415926535898");
        assertThat(m("ceil", -0.5)).isEqualTo("-0");
        assertThat(m("floor", -0.5)).isEqualTo("-1");
        assertThat(m("floor", -0.0)).isEqualTo("-0");
        assertThat(m("abs", -0.0)).isEqualTo("0");
        assertThat(m("atan2", 1.0, -1.0)).isEqualTo("2.3561944901923");
        assertThat(m("exp", 1.0)).isEqualTo("2.718281828459");
        assertThat(m("exp", 1000.0)).isEqualTo("inf");
        assertThat(m("log10", 1000.0)).isEqualTo("3");
        assertThat(m("sin", 1.0)).isEqualTo("0.8414709848079");
        assertThat(m("cosh", 1.0)).isEqualTo("1.5430806348152");
        assertThat(m("sinh", INF)).isEqualTo("inf");
        assertThat(m("cosh", -INF)).isEqualTo("inf");
        assertThat(m("sqrt", -0.0)).isEqualTo("-0");
        assertThat(m("sinh", -0.0)).isEqualTo("-0");
        assertThat(m("tan", 1e22)).isEqualTo("-1.6287782256069");
        LuaTable math = (LuaTable) L.globals.get("math");
        assertThat(LibCases.render(math.get("pi"))).isEqualTo("3.1415926535898");
        assertThat(LibCases.render(math.get("huge"))).isEqualTo("inf");
    }

    @Test
    void argumentErrors() {
        assertThat(need(m("max"))).isEqualTo("ERR bad argument #1 to 'max' (number expected, got no value)");
        assertThat(need(m("max", 1.0, LuaString.of("x")))).isEqualTo("ERR bad argument #2 to 'max' (number expected, got string)");
        assertThat(need(m("min", 1.0, null))).isEqualTo("ERR bad argument #2 to 'min' (number expected, got nil)");
        assertThat(need(m("abs"))).isEqualTo("ERR bad argument #1 to 'abs' (number expected, got no value)");
        assertThat(need(m("ldexp", 1.0))).isEqualTo("ERR bad argument #2 to 'ldexp' (number expected, got no value)");
    }

    @Test
    void pairsOrderAsRedis() {
        // local r={} for k in pairs(math) do r[#r+1]=k end return table.concat(r,' ')
        StringBuilder sb = new StringBuilder();
        LuaTable math = (LuaTable) L.globals.get("math");
        Object[] kv = new Object[2];
        for (Object k = null; math.next(k, kv); k = kv[0]) sb.append(sb.length() == 0 ? "" : " ").append(kv[0]);
        assertThat(sb.toString()).isEqualTo("log max acos huge ldexp pi cos tanh pow deg tan cosh sinh random randomseed frexp ceil floor rad abs sqrt modf asin min mod fmod log10 atan2 exp sin atan");
    }

    @Test
    void throughTheVm() {
        LuaState L = LibCases.state();
        String script = "return math.random(100), math.random(100), tostring(math.random())";
        assertThat(LibCases.run(L, script)).isEqualTo("40 85 0.35333609737146");
        assertThat(LibCases.run(L, script)).isEqualTo("45 32 0.88642843341754");
        assertThat(LibCases.run(L, "math.randomseed(42) " + script)).isEqualTo("75 35 0.11108528222474");
        assertThat(LibCases.run(L, "return math.random(1,2,3)")).isEqualTo("ERR user_script:1: wrong number of arguments");
        assertThat(LibCases.run(L, "return math.random(0)")).isEqualTo("ERR user_script:1: bad argument #1 to 'random' (interval is empty)");
        assertThat(LibCases.run(L, "return math.random(5,1)")).isEqualTo("ERR user_script:1: bad argument #2 to 'random' (interval is empty)");
        assertThat(LibCases.run(L, "return math.max(1,'x')")).isEqualTo("ERR user_script:1: bad argument #2 to 'max' (number expected, got string)");
        assertThat(LibCases.run(L, "return math.ldexp(1)")).isEqualTo("ERR user_script:1: bad argument #2 to 'ldexp' (number expected, got no value)");
        assertThat(LibCases.run(L, "return tostring(math.fmod(1,0)), tostring(math.acos(2)), tostring(math.abs(0/0))")).isEqualTo("-nan nan nan");
        assertThat(LibCases.run(L, "local a, b = math.modf(-1/0) return tostring(a), tostring(b)")).isEqualTo("-inf -0");
    }

    @Test
    void hyperbolicAsGlibc() {
        // values where StrictMath.cosh/sinh print differently from glibc at %.17g
        LuaState L = LibCases.state();
        assertThat(LibCases.run(L, "return table.concat({tostring(math.sinh(710.4)), tostring(math.cosh(710.4)), tostring(math.sinh(-1000)), "
                        + "tostring(math.cosh(1000)), tostring(math.sinh(1e-300)), tostring(math.cosh(1e-300)), tostring(math.sinh(0.3)), "
                        + "tostring(math.cosh(0.3)), tostring(math.sinh(-25)), tostring(math.cosh(-710))}, ' ')"))
                .isEqualTo("1.6663642832806e+308 1.6663642832806e+308 -inf inf 1e-300 1 0.30452029344714 1.0453385141289 -36002449668.693 1.1169973830809e+308");
        // where StrictMath.cosh is one bit off glibc's
        assertThat(LibCases.run(L, "local r={} for _,i in ipairs({18,24,64,66}) do local x=((i*7919)%1000)/137-3.5 "
                        + "r[#r+1]=string.format('%.17g', math.cosh(x)) end return table.concat(r,' ')"))
                .isEqualTo("1.1058785746930169 11.024905628223795 5.8731142856859506 1.926960564122999");
    }
}
