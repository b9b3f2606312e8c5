package io.fakeredis.core.scripting.lua;

/**
 * Lua 5.1's math library with C (glibc, x86-64) semantics, as Redis 7.0 ships it: math.random
 * and math.randomseed are Redis's, drawing from {@link Rand48}.
 *
 * <p>{@link #install(LuaState, Rand48)} builds the table (keys inserted in lmathlib.c's order, so
 * pairs(math) lists them as Redis does), stores it as the global {@code math} and returns it. Pass
 * one Rand48 per fake server: Redis keeps a single generator state for all scripts.
 *
 * <p>NaN results carry the sign glibc gives them, since tostring prints "-nan" or "nan": a NaN
 * argument comes back as it was, an invalid operation gives x86's default NaN (sign set), except
 * asin, acos and log10, which glibc answers with a positive NaN.
 */
public final class MathLib {
    private MathLib() {}

    /** x86's default NaN, the result of 0/0 or sqrt(-1): tostring prints it as -nan. */
    static final double NEG_NAN = Double.longBitsToDouble(0xfff8000000000000L);
    static final double POS_NAN = Double.longBitsToDouble(0x7ff8000000000000L);
    private static final double RADIANS_PER_DEGREE = Math.PI / 180.0;
    private static final int RAND_MAX = Integer.MAX_VALUE;

    public static LuaTable install(LuaState L) {
        return install(L, new Rand48());
    }

    public static LuaTable install(LuaState L, Rand48 rng) {
        LuaTable m = LuaTable.createTable(0, 28);
        m.put("abs", LuaFunction.of((st, a) -> Lua.one(Double.longBitsToDouble(Double.doubleToRawLongBits(st.checkNumber(a, 1)) & Long.MAX_VALUE))));
        m.put("acos", unaryNaN(Math::acos, POS_NAN));
        m.put("asin", unaryNaN(Math::asin, POS_NAN));
        m.put("atan2", LuaFunction.of(MathLib::atan2));
        m.put("atan", unary(Math::atan));
        m.put("ceil", unaryNaN(Math::ceil, NEG_NAN));
        m.put("cosh", unary(MathLib::cosh));
        m.put("cos", unaryNaN(Math::cos, NEG_NAN));
        m.put("deg", unary(x -> x / RADIANS_PER_DEGREE));
        m.put("exp", unary(Math::exp));
        m.put("floor", unaryNaN(Math::floor, NEG_NAN));
        m.put("fmod", LuaFunction.of(MathLib::fmod));
        m.put("frexp", LuaFunction.of(MathLib::frexp));
        m.put("ldexp", LuaFunction.of(MathLib::ldexp));
        m.put("log10", unaryNaN(StrictMath::log10, POS_NAN));
        m.put("log", unaryNaN(Math::log, NEG_NAN));
        m.put("max", LuaFunction.of((st, a) -> minMax(st, a, true)));
        m.put("min", LuaFunction.of((st, a) -> minMax(st, a, false)));
        m.put("modf", LuaFunction.of(MathLib::modf));
        m.put("pow", LuaFunction.of(MathLib::pow));
        m.put("rad", unary(x -> x * RADIANS_PER_DEGREE));
        m.put("random", LuaFunction.of((st, a) -> random(st, a, rng)));
        m.put("randomseed", LuaFunction.of((st, a) -> {
            rng.seed(st.checkInt(a, 1));
            return Lua.NONE;
        }));
        m.put("sinh", unary(MathLib::sinh));
        m.put("sin", unaryNaN(Math::sin, NEG_NAN));
        m.put("sqrt", unaryNaN(Math::sqrt, NEG_NAN));
        m.put("tanh", unary(Math::tanh));
        m.put("tan", unaryNaN(Math::tan, NEG_NAN));
        m.put("pi", Math.PI);
        m.put("huge", Double.POSITIVE_INFINITY);
        m.put("mod", m.get("fmod")); // LUA_COMPAT_MOD
        L.globals.put("math", m);
        return m;
    }

    private interface Fn {
        double apply(double x);
    }

    /** A one-argument function that passes a NaN argument through unchanged. */
    private static LuaFunction unary(Fn f) {
        return unaryNaN(f, NEG_NAN);
    }

    /** As unary, with invalid NaN: the NaN an invalid operation (a non-NaN argument) yields. */
    private static LuaFunction unaryNaN(Fn f, double invalid) {
        return LuaFunction.of((L, a) -> {
            double x = L.checkNumber(a, 1);
            if (x != x) return Lua.one(x);
            double r = f.apply(x);
            return Lua.one(r != r ? invalid : r);
        });
    }

    /**
     * glibc's cosh: fdlibm's algorithm over glibc's own exp, which Math.exp matches far more often
     * than StrictMath.exp does (StrictMath.cosh differs from Redis in the last bit every ~13 calls).
     */
    static double cosh(double x) {
        double ax = Math.abs(x);
        long bits = Double.doubleToRawLongBits(x);
        int ix = (int) (bits >>> 32) & 0x7fffffff;
        if (ix >= 0x7ff00000) return x * x;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3fd62e43) { // |x| < ln2/2
                if (ix < 0x3c800000) return 1.0;
                double t = StrictMath.expm1(ax);
                double w = 1.0 + t;
                return 1.0 + (t * t) / (w + w);
            }
            double t = Math.exp(ax);
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862e42) return 0.5 * Math.exp(ax);
        if (belowOverflow(ix, (int) bits)) {
            double w = Math.exp(0.5 * ax);
            double t = 0.5 * w;
            return t * w;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** glibc's sinh, as cosh. */
    static double sinh(double x) {
        double ax = Math.abs(x);
        long bits = Double.doubleToRawLongBits(x);
        int ix = (int) (bits >>> 32) & 0x7fffffff;
        if (ix >= 0x7ff00000) return x + x;
        double h = x < 0 ? -0.5 : 0.5;
        if (ix < 0x40360000) {
            if (ix < 0x3e300000) return x; // tiny: sinh(x) = x
            double t = StrictMath.expm1(ax);
            if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1.0));
            return h * (t + t / (t + 1.0));
        }
        if (ix < 0x40862e42) return h * Math.exp(ax);
        if (belowOverflow(ix, (int) bits)) {
            double w = Math.exp(0.5 * ax);
            double t = h * w;
            return t * w;
        }
        return x * Double.POSITIVE_INFINITY;
    }

    /** |x| at most the threshold above which cosh and sinh overflow (0x408633ce8fb9f87d). */
    private static boolean belowOverflow(int ix, int lx) {
        return ix < 0x408633ce || (ix == 0x408633ce && Integer.compareUnsigned(lx, 0x8fb9f87d) <= 0);
    }

    static Object[] atan2(LuaState L, Object[] a) {
        double y = L.checkNumber(a, 1);
        double x = L.checkNumber(a, 2);
        if (x != x) return Lua.one(x);
        if (y != y) return Lua.one(y);
        return Lua.one(Math.atan2(y, x));
    }

    static Object[] fmod(LuaState L, Object[] a) {
        double x = L.checkNumber(a, 1);
        double y = L.checkNumber(a, 2);
        if (x != x) return Lua.one(x);
        if (y != y) return Lua.one(y);
        double r = x % y; // Java's % is C's fmod: truncated, the sign of x
        return Lua.one(r != r ? NEG_NAN : r);
    }

    static Object[] pow(LuaState L, Object[] a) {
        double x = L.checkNumber(a, 1);
        double y = L.checkNumber(a, 2);
        // C99 pow: these are 1 even with a NaN or infinite other operand
        if (y == 0 || x == 1 || (x == -1 && Double.isInfinite(y))) return Lua.one(1.0);
        if (x != x) return Lua.one(x);
        if (y != y) return Lua.one(y);
        double r = Math.pow(x, y);
        return Lua.one(r != r ? NEG_NAN : r);
    }

    static Object[] modf(LuaState L, Object[] a) {
        double x = L.checkNumber(a, 1);
        if (x != x) return new Object[] {x, x};
        if (Double.isInfinite(x)) return new Object[] {x, Math.copySign(0.0, x)};
        double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
        return new Object[] {ip, Math.copySign(x - ip, x)};
    }

    static Object[] frexp(LuaState L, Object[] a) {
        double x = L.checkNumber(a, 1);
        if (x == 0 || x != x || Double.isInfinite(x)) return new Object[] {x, 0.0};
        int e = Math.getExponent(x);
        double m;
        if (e == Double.MIN_EXPONENT - 1) {
            // subnormal: scale into the normal range first
            double scaled = x * 0x1p54;
            e = Math.getExponent(scaled) - 54;
            m = Math.scalb(scaled, -(Math.getExponent(scaled) + 1));
        } else {
            m = Math.scalb(x, -(e + 1));
        }
        return new Object[] {m, (double) (e + 1)};
    }

    static Object[] ldexp(LuaState L, Object[] a) {
        double x = L.checkNumber(a, 1);
        int e = L.checkInt(a, 2);
        if (x != x) return Lua.one(x);
        return Lua.one(Math.scalb(x, e));
    }

    static Object[] minMax(LuaState L, Object[] a, boolean max) {
        double best = L.checkNumber(a, 1);
        for (int i = 2; i <= a.length; i++) {
            double d = L.checkNumber(a, i);
            if (max ? d > best : d < best) best = d;
        }
        return Lua.one(best);
    }

    /** Lua 5.1's math_random with rand() replaced by redisLrand48(), as Redis does. */
    static Object[] random(LuaState L, Object[] a, Rand48 rng) {
        double r = (double) (rng.next() % RAND_MAX) / RAND_MAX;
        switch (a.length) {
            case 0:
                return Lua.one(r);
            case 1: {
                int u = L.checkInt(a, 1);
                if (!(1 <= u)) throw L.argError(1, "interval is empty");
                return Lua.one(Math.floor(r * u) + 1);
            }
            case 2: {
                int l = L.checkInt(a, 1);
                int u = L.checkInt(a, 2);
                if (!(l <= u)) throw L.argError(2, "interval is empty");
                return Lua.one(Math.floor(r * (u - l + 1)) + l);
            }
            default:
                throw L.error("wrong number of arguments");
        }
    }
}
