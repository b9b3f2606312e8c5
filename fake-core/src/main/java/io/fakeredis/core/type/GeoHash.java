package io.fakeredis.core.type;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The geohash math behind Redis's geo commands (geohash.c, geohash_helper.c): 52-bit interleaved
 * hashes over longitude -180..180 and latitude -85.05112878..85.05112878 (the Web Mercator
 * limits), haversine distances on a sphere of Redis's Earth radius, and the 3x3 box search.
 */
public final class GeoHash {
    private GeoHash() {}

    public static final double LONG_MIN = -180, LONG_MAX = 180;
    public static final double LAT_MIN = -85.05112878, LAT_MAX = 85.05112878;
    public static final int STEP_MAX = 26;
    static final double EARTH_RADIUS = 6372797.560856;
    static final double MERCATOR_MAX = 20037726.37;
    static final double D_R = Math.PI / 180.0;

    /** A hash of 2*step bits; step 0 with bits 0 is Redis's "zero" (skipped) hash. */
    static final class Bits {
        long bits;
        int step;

        Bits(long bits, int step) {
            this.bits = bits;
            this.step = step;
        }

        boolean isZero() {
            return bits == 0 && step == 0;
        }
    }

    /** A decoded cell: [longMin, longMax, latMin, latMax]. */
    static double[] decode(double longMin, double longMax, double latMin, double latMax, long bits, int step) {
        long sep = deinterleave64(bits);
        long ilato = sep & 0xFFFFFFFFL;
        long ilono = (sep >>> 32) & 0xFFFFFFFFL;
        double latScale = latMax - latMin, longScale = longMax - longMin;
        double div = (double) (1L << step);
        return new double[] {
            longMin + (ilono * 1.0 / div) * longScale,
            longMin + (((ilono + 1) & 0xFFFFFFFFL) * 1.0 / div) * longScale,
            latMin + (ilato * 1.0 / div) * latScale,
            latMin + (((ilato + 1) & 0xFFFFFFFFL) * 1.0 / div) * latScale,
        };
    }

    /** geohashEncode; returns -1 where Redis fails (out of the ranges). */
    static long encode(double longMin, double longMax, double latMin, double latMax,
                       double longitude, double latitude, int step) {
        if (longitude > LONG_MAX || longitude < LONG_MIN || latitude > LAT_MAX || latitude < LAT_MIN) return -1;
        if (latitude < latMin || latitude > latMax || longitude < longMin || longitude > longMax) return -1;
        double latOffset = (latitude - latMin) / (latMax - latMin);
        double longOffset = (longitude - longMin) / (longMax - longMin);
        latOffset *= (double) (1L << step);
        longOffset *= (double) (1L << step);
        // C converts the offsets to uint32_t
        return interleave64(((long) latOffset) & 0xFFFFFFFFL, ((long) longOffset) & 0xFFFFFFFFL);
    }

    /** The zset score of a point (geohashEncodeWGS84 at step 26, aligned to 52 bits). */
    public static long score(double longitude, double latitude) {
        return encode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, longitude, latitude, STEP_MAX);
    }

    /** decodeGeohash: a score back to {longitude, latitude}, the centre of its cell, clamped. */
    public static double[] decodeScore(double score) {
        long bits = toUint64(score);
        double[] a = decode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, bits, STEP_MAX);
        double x = (a[0] + a[1]) / 2;
        if (x > LONG_MAX) x = LONG_MAX;
        if (x < LONG_MIN) x = LONG_MIN;
        double y = (a[2] + a[3]) / 2;
        if (y > LAT_MAX) y = LAT_MAX;
        if (y < LAT_MIN) y = LAT_MIN;
        return new double[] {x, y};
    }

    /** C's (uint64_t) cast of a double as x86-64 compiles it (cvttsd2si, overflow gives 2^63). */
    private static long toUint64(double d) {
        if (d < 9.223372036854775807E18) return cvttsd2si(d);
        return cvttsd2si(d - 9.223372036854775807E18) ^ Long.MIN_VALUE;
    }

    private static long cvttsd2si(double d) {
        if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775807E18) return Long.MIN_VALUE;
        return (long) d;
    }

    private static final String ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";

    /** GEOHASH's standard 11-character string (re-encoded with latitude -90..90). */
    public static String standardString(double score) {
        double[] xy = decodeScore(score);
        long bits = encode(-180, 180, -90, 90, xy[0], xy[1], STEP_MAX);
        if (bits < 0) bits = 0;
        char[] buf = new char[11];
        for (int i = 0; i < 11; i++) {
            int idx = i == 10 ? 0 : (int) ((bits >>> (52 - ((i + 1) * 5))) & 0x1f);
            buf[i] = ALPHABET.charAt(idx);
        }
        return new String(buf);
    }

    static long interleave64(long x, long y) {
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        y = (y | (y << 16)) & 0x0000FFFF0000FFFFL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
        y = (y | (y << 8)) & 0x00FF00FF00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
        y = (y | (y << 4)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x << 2)) & 0x3333333333333333L;
        y = (y | (y << 2)) & 0x3333333333333333L;
        x = (x | (x << 1)) & 0x5555555555555555L;
        y = (y | (y << 1)) & 0x5555555555555555L;
        return x | (y << 1);
    }

    static long deinterleave64(long interleaved) {
        long x = interleaved;
        long y = interleaved >>> 1;
        x = x & 0x5555555555555555L;
        y = y & 0x5555555555555555L;
        x = (x | (x >>> 1)) & 0x3333333333333333L;
        y = (y | (y >>> 1)) & 0x3333333333333333L;
        x = (x | (x >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        y = (y | (y >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x >>> 4)) & 0x00FF00FF00FF00FFL;
        y = (y | (y >>> 4)) & 0x00FF00FF00FF00FFL;
        x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
        y = (y | (y >>> 8)) & 0x0000FFFF0000FFFFL;
        x = (x | (x >>> 16)) & 0x00000000FFFFFFFFL;
        y = (y | (y >>> 16)) & 0x00000000FFFFFFFFL;
        return x | (y << 32);
    }

    // ---- distances ----

    static double latDistance(double lat1d, double lat2d) {
        return EARTH_RADIUS * Math.abs(lat2d * D_R - lat1d * D_R);
    }

    /** Haversine distance in meters between two points given as longitude, latitude. */
    public static double distance(double lon1d, double lat1d, double lon2d, double lat2d) {
        double lon1r = lon1d * D_R, lon2r = lon2d * D_R;
        double v = sin((lon2r - lon1r) / 2);
        if (v == 0.0) return latDistance(lat1d, lat2d);
        double lat1r = lat1d * D_R, lat2r = lat2d * D_R;
        double u = sin((lat2r - lat1r) / 2);
        double a = u * u + cos(lat1r) * cos(lat2r) * v * v;
        return 2.0 * EARTH_RADIUS * asin(Math.sqrt(a));
    }

    // ---- correctly rounded sin, cos and asin ----
    // glibc's are (almost always) correctly rounded, Java's Math ones are not (asin differs from
    // glibc in several percent of cases), which shows in distances. These evaluate the Taylor
    // series in double-double arithmetic and round once.

    /** sin(x), correctly rounded for |x| <= 4 (Math.sin beyond). */
    static double sin(double x) {
        if (!(Math.abs(x) <= 4) || x == 0) return Math.sin(x);
        return series(x, -x * x, Math.fma(-x, x, x * x), 1, null);
    }

    /** cos(x), correctly rounded for |x| <= 4 (Math.cos beyond). */
    static double cos(double x) {
        if (!(Math.abs(x) <= 4)) return Math.cos(x);
        return series(1, -x * x, Math.fma(-x, x, x * x), 0, null);
    }

    /** asin(x), correctly rounded: one Newton step from Math.asin with a double-double sine. */
    static double asin(double x) {
        double y0 = Math.asin(x);
        if (x == 0 || !(Math.abs(x) < 1)) return y0;
        double[] lo = new double[1];
        double sh = series(y0, -y0 * y0, Math.fma(-y0, y0, y0 * y0), 1, lo);
        double r = (x - sh) - lo[0]; // x and sin(y0) are within a factor 2: the first difference is exact
        return y0 + r / Math.cos(y0);
    }

    /**
     * The Taylor series t0 * (1 + m/((k0+1)(k0+2)) + m^2/... ) of sin (t0 = x, k0 = 1) or cos
     * (t0 = 1, k0 = 0) in double-double, m = -x^2 = (mh, ml). Returns the sum rounded once;
     * lo, when given, receives the low part of the unrounded sum.
     */
    private static double series(double t0, double mh, double ml, int k0, double[] lo) {
        double th = t0, tl = 0; // current term
        double sh = t0, sl = 0; // sum
        int k = k0;
        for (int i = 0; i < 60; i++) {
            double p = th * mh; // term *= m
            double e = Math.fma(th, mh, -p) + (th * ml + tl * mh);
            th = p + e;
            tl = e - (th - p);
            double d = (double) (k + 1) * (k + 2); // term /= (k+1)(k+2)
            k += 2;
            double q1 = th / d;
            double pr = q1 * d;
            double pe = Math.fma(q1, d, -pr);
            double q2 = ((th - pr) - pe + tl) / d;
            th = q1 + q2;
            tl = q2 - (th - q1);
            double s = sh + th; // sum += term
            double bb = s - sh;
            double err = (sh - (s - bb)) + (th - bb) + sl + tl;
            sh = s + err;
            sl = err - (sh - s);
            if (Math.abs(th) < Math.abs(sh) * 1e-36) break;
        }
        if (lo != null) {
            lo[0] = sl;
            return sh;
        }
        return sh + sl;
    }

    // ---- search shapes ----

    /** A search area: a circle of radius, or a width x height box, in units of conversion meters. */
    public static final class Shape {
        public boolean box;
        public double lon, lat;
        public double radius, width, height;
        public double conversion = 1;

        /**
         * Whether a score lies in the shape; fills out {lon, lat, dist} (geoWithinShape).
         */
        public boolean contains(double score, double[] out) {
            double[] xy = decodeScore(score);
            out[0] = xy[0];
            out[1] = xy[1];
            if (!box) {
                double d = distance(lon, lat, xy[0], xy[1]);
                out[2] = d;
                return d <= radius * conversion;
            }
            double w = width * conversion, h = height * conversion;
            if (latDistance(xy[1], lat) > h / 2) return false;
            if (distance(xy[0], xy[1], lon, xy[1]) > w / 2) return false;
            out[2] = distance(lon, lat, xy[0], xy[1]);
            return true;
        }
    }

    private static int estimateSteps(double rangeMeters, double lat) {
        if (rangeMeters == 0) return 26;
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (lat > 66 || lat < -66) {
            step--;
            if (lat > 80 || lat < -80) step--;
        }
        if (step < 1) step = 1;
        if (step > 26) step = 26;
        return step;
    }

    private static long moveX(long bits, int step, int d) {
        if (d == 0) return bits;
        long x = bits & 0xaaaaaaaaaaaaaaaaL;
        long y = bits & 0x5555555555555555L;
        long zz = 0x5555555555555555L >>> (64 - step * 2);
        if (d > 0) {
            x = x + (zz + 1);
        } else {
            x = x | zz;
            x = x - (zz + 1);
        }
        x &= (0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2));
        return x | y;
    }

    private static long moveY(long bits, int step, int d) {
        if (d == 0) return bits;
        long x = bits & 0xaaaaaaaaaaaaaaaaL;
        long y = bits & 0x5555555555555555L;
        long zz = 0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2);
        if (d > 0) {
            y = y + (zz + 1);
        } else {
            y = y | zz;
            y = y - (zz + 1);
        }
        y &= (0x5555555555555555L >>> (64 - step * 2));
        return x | y;
    }

    private static Bits neighbor(long bits, int step, int dx, int dy) {
        return new Bits(moveY(moveX(bits, step, dx), step, dy), step);
    }

    /**
     * The score ranges [min, max) to scan, in Redis's order (centre, N, S, E, W, NE, NW, SE, SW),
     * with the useless and repeated boxes left out, as geohashCalculateAreasByShapeWGS84 and
     * membersOfAllNeighbors.
     */
    public static long[][] searchRanges(Shape s) {
        double height = s.conversion * (s.box ? s.height / 2 : s.radius);
        double width = s.conversion * (s.box ? s.width / 2 : s.radius);
        double latDelta = (height / EARTH_RADIUS) / D_R;
        double longDeltaTop = (width / EARTH_RADIUS / cos((s.lat + latDelta) * D_R)) / D_R;
        double longDeltaBottom = (width / EARTH_RADIUS / cos((s.lat - latDelta) * D_R)) / D_R;
        boolean south = s.lat < 0;
        double minLon = south ? s.lon - longDeltaBottom : s.lon - longDeltaTop;
        double maxLon = south ? s.lon + longDeltaBottom : s.lon + longDeltaTop;
        double minLat = s.lat - latDelta;
        double maxLat = s.lat + latDelta;

        double radiusMeters = s.box
                ? Math.sqrt((s.width / 2) * (s.width / 2) + (s.height / 2) * (s.height / 2))
                : s.radius;
        radiusMeters *= s.conversion;
        int steps = estimateSteps(radiusMeters, s.lat);

        long hash = encodeOrZero(s.lon, s.lat, steps);
        Bits[] nb = neighbors(hash, steps);
        boolean decrease = false;
        double[] north = decodeBits(nb[1]), southA = decodeBits(nb[2]), east = decodeBits(nb[3]), west = decodeBits(nb[4]);
        if (north[3] < maxLat) decrease = true;
        if (southA[2] > minLat) decrease = true;
        if (east[1] < maxLon) decrease = true;
        if (west[0] > minLon) decrease = true;
        if (steps > 1 && decrease) {
            steps--;
            hash = encodeOrZero(s.lon, s.lat, steps);
            nb = neighbors(hash, steps);
        }
        double[] area = decodeBits(nb[0]);
        if (steps >= 2) {
            if (area[2] < minLat) zero(nb, 2, 8, 7);
            if (area[3] > maxLat) zero(nb, 1, 5, 6);
            if (area[0] < minLon) zero(nb, 4, 8, 6);
            if (area[1] > maxLon) zero(nb, 3, 7, 5);
        }
        long[][] out = new long[9][];
        int lastProcessed = 0;
        for (int i = 0; i < 9; i++) {
            if (nb[i].isZero()) continue;
            if (lastProcessed != 0 && nb[i].bits == nb[lastProcessed].bits && nb[i].step == nb[lastProcessed].step) {
                continue;
            }
            int shift = 52 - nb[i].step * 2;
            out[i] = new long[] {nb[i].bits << shift, (nb[i].bits + 1) << shift};
            lastProcessed = i;
        }
        return out;
    }

    private static void zero(Bits[] nb, int a, int b, int c) {
        nb[a] = new Bits(0, 0);
        nb[b] = new Bits(0, 0);
        nb[c] = new Bits(0, 0);
    }

    private static long encodeOrZero(double lon, double lat, int step) {
        long h = encode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, lon, lat, step);
        return h < 0 ? 0 : h;
    }

    /** Redis's geohashDecode of a cell; a zero hash leaves the area zeroed (C's uninitialised). */
    private static double[] decodeBits(Bits b) {
        if (b.isZero()) return new double[4];
        return decode(LONG_MIN, LONG_MAX, LAT_MIN, LAT_MAX, b.bits, b.step);
    }

    private static Bits[] neighbors(long hash, int step) {
        return new Bits[] {
            new Bits(hash, step),
            neighbor(hash, step, 0, 1), // north
            neighbor(hash, step, 0, -1), // south
            neighbor(hash, step, 1, 0), // east
            neighbor(hash, step, -1, 0), // west
            neighbor(hash, step, 1, 1), // north east
            neighbor(hash, step, -1, 1), // north west
            neighbor(hash, step, 1, -1), // south east
            neighbor(hash, step, -1, -1), // south west
        };
    }

    // ---- printing ----

    /** ld2string(LD_STR_HUMAN) of a double: "%.17Lf" without trailing zeros. */
    public static String human(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        BigDecimal b = new BigDecimal(d).setScale(17, RoundingMode.HALF_EVEN);
        if (b.signum() == 0) return "0";
        return b.stripTrailingZeros().toPlainString();
    }

    /** Redis's fixedpoint_d2string with 4 fractional digits. */
    public static String fixed4(double d) {
        if (d == 0) return "0.0000";
        long v = (long) Math.rint(d * 10000.0);
        boolean neg = v < 0;
        String digits = neg ? Long.toUnsignedString(-v) : Long.toString(v);
        if (digits.length() < 5) digits = "0".repeat(5 - digits.length()) + digits;
        int p = digits.length() - 4;
        return (neg ? "-" : "") + digits.substring(0, p) + "." + digits.substring(p);
    }

    /** C's "%f" of a double (for the invalid pair error). */
    public static String fixed6(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        if ((d < 0 || 1 / d < 0) && !s.startsWith("-")) s = "-" + s;
        return s;
    }
}
