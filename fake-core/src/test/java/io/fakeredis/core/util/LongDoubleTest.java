package io.fakeredis.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected strings were printed by Redis 7.0.15 on x86-64 (INCRBYFLOAT on a missing or set key). */
class LongDoubleTest {
    private static LongDouble p(String s) {
        return LongDouble.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String sum(String a, String b) {
        return p(a).add(p(b)).toHumanString();
    }

    @Test
    void addsLikeRedis() {
        assertEquals("10.6", sum("10.5", "0.1"));
        assertEquals("3", sum("0", "3.0000000000000000001"));
        assertEquals("123456789012345678899921813504", sum("0", "123456789012345678901234567890"));
        assertEquals("110000000000000000000", sum("0", "1.1e20"));
        assertEquals("8", sum("0", "0x1p3"));
        assertEquals("3", sum("0", "0x1.8p1"));
        assertEquals("0", sum("0", "-0"));
        assertEquals("0", sum("0", "-0.000000000000000001"));
        assertEquals("0", sum("0", "1e-4940"));
        assertEquals("-5.5", sum("1.5", "-7"));
        assertEquals("0.3", sum("0.1", "0.2"));
        assertEquals("5000", sum("5000", "0.0000000000000001")); // below half an ulp of 2^-51
        assertEquals("5000.00000000000000044", sum("5000", "0x1p-51"));
    }

    @Test
    void doesNotOverflowWhereDoublesWould() {
        LongDouble r = p("1e308").add(p("1e308"));
        assertTrue(!r.isInfinite());
        String s = r.toHumanString();
        assertTrue(s.startsWith("1999999999999999999933717593116912913211201996948311344155940959898434697376761237"), s);
        assertEquals(309, s.length());
    }

    @Test
    void overflowsToInfinityAtTheLongDoubleLimit() {
        LongDouble max = p("1.18973149535723176502e4932");
        assertTrue(max != null && !max.isInfinite());
        assertTrue(max.add(max).isInfinite());
        assertNull(p("1.2e4932"));
        assertNull(p("1e5000"));
    }

    @Test
    void printsRoundHalfEvenAtSeventeenDecimals() {
        // 2^-57 = 6.938893903907228e-18: .000000000000000006938... rounds up
        assertEquals("0.00000000000000001", LongDouble.parse("0x1p-57".getBytes()).toHumanString());
        // 2^-58 = 3.47e-18 rounds down to zero, printed "0" whatever the sign
        assertEquals("0", LongDouble.parse("-0x1p-58".getBytes()).toHumanString());
        // exactly 0.5e-17 is a tie and does not exist in binary; 0x1p-1 + 2^-60 stays below the cut
        assertEquals("0.5", LongDouble.parse("0x1p-1".getBytes()).toHumanString());
    }

    @Test
    void refusesWhatString2ldRefuses() {
        for (String bad : new String[] {"", " 1", "1 ", "\t1", "abc", "1e", "1e+", "e1", ".", "+", "-", "0x", "0x.p1",
                "0x1p", "nan", "NaN", "-nan", "1\u00002", "\u0000", "1e-5000", "1e5000", "1.0.0", "--1", "in", "infinit"}) {
            assertNull(p(bad), bad);
        }
        assertNull(p("1" + "0".repeat(5119)));
    }

    @Test
    void acceptsWhatStrtoldAccepts() {
        assertEquals("0.5", p(".5").toHumanString());
        assertEquals("5", p("5.").toHumanString());
        assertEquals("3", p("+3").toHumanString());
        assertEquals("100", p("1E+2").toHumanString());
        assertEquals("0.01", p("0.1e-1").toHumanString());
        assertEquals("-2.5", p("-0X1.4P1").toHumanString());
        assertTrue(p("inf").isInfinite());
        assertTrue(p("-Infinity").isInfinite() && p("-Infinity").isNegative());
        assertTrue(p("0e99999999999999999999").isZero());
        assertTrue(p("1e-4950") != null && !p("1e-4950").isZero());
        assertEquals("1", p("1." + "0".repeat(5117)).toHumanString()); // 5119 chars: still parsed
    }

    @Test
    void infinitiesAndNaN() {
        LongDouble inf = LongDouble.infinity(false);
        assertTrue(inf.add(LongDouble.infinity(true)).isNaN());
        assertTrue(inf.add(p("1")).isInfinite());
        assertEquals("inf", inf.toHumanString());
    }

    @Test
    void exactValues() {
        // the 64-bit mantissa: 0.1 is 0xCCCCCCCCCCCCCCCD * 2^-67
        BigDecimal tenth = p("0.1").toBigDecimal();
        assertEquals(new BigDecimal(new java.math.BigInteger("CCCCCCCCCCCCCCCD", 16))
                .divide(new BigDecimal(java.math.BigInteger.TWO.pow(67))), tenth);
        // ties round to even: 2^64 + 1 is halfway between 2^64 and 2^64 + 2
        assertEquals(new BigDecimal("18446744073709551616"), p("18446744073709551617").toBigDecimal());
        assertEquals(new BigDecimal("18446744073709551620"), p("18446744073709551619").toBigDecimal());
        // subnormals keep the 2^-16445 grid
        assertEquals(p("0x1p-16444").toBigDecimal(), p("0x1.8p-16445").toBigDecimal()); // 1.5 ulps: tie to even
        assertEquals(p("0x1p-16445").toBigDecimal(), p("0x1.7p-16445").toBigDecimal());
        assertNull(p("0x1p-16446")); // exactly half the smallest subnormal: ties to zero, ERANGE
        assertEquals(p("0x1p-16445").toBigDecimal(), p("0x1.0000001p-16446").toBigDecimal());
        assertEquals(LongDouble.of(-42).toHumanString(), "-42");
    }
}
