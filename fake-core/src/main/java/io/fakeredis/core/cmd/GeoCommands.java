package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.config.Config;
import io.fakeredis.core.type.GeoHash;
import io.fakeredis.core.type.ZSetValue;
import io.fakeredis.core.type.ZSetValue.Node;
import io.fakeredis.core.type.ZSetValue.ScoreRange;
import io.fakeredis.core.util.Bytes;
import io.fakeredis.core.util.PartialSort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Geo commands, as Redis 7.0's geo.c: sorted sets whose scores are 52-bit geohashes. */
public final class GeoCommands {
    private GeoCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "geoadd" -> geoadd(c);
            case "geodist" -> geodist(c);
            case "geohash" -> geohash(c);
            case "geopos" -> geopos(c);
            case "georadius" -> search(c, 1, COORDS);
            case "georadius_ro" -> search(c, 1, COORDS | NOSTORE);
            case "georadiusbymember" -> search(c, 1, MEMBER);
            case "georadiusbymember_ro" -> search(c, 1, MEMBER | NOSTORE);
            case "geosearch" -> search(c, 1, SEARCH);
            case "geosearchstore" -> search(c, 2, SEARCH | SEARCHSTORE);
            default -> throw new IllegalStateException("not bound in GeoCommands: " + name);
        }
    }

    private static final int COORDS = 1, MEMBER = 2, NOSTORE = 4, SEARCH = 8, SEARCHSTORE = 16;
    private static final int SORT_NONE = 0, SORT_ASC = 1, SORT_DESC = 2;

    // ---- parsing ----

    /** extractLongLatOrReply: two floats within Redis's limits. */
    private static double[] lonLat(Client c, int i) {
        double lon = ZSetCommands.parseScore(c.argv[i], Errors.NOT_FLOAT);
        double lat = ZSetCommands.parseScore(c.argv[i + 1], Errors.NOT_FLOAT);
        if (lon < GeoHash.LONG_MIN || lon > GeoHash.LONG_MAX || lat < GeoHash.LAT_MIN || lat > GeoHash.LAT_MAX) {
            throw new RedisException("ERR invalid longitude,latitude pair "
                    + GeoHash.fixed6(lon) + "," + GeoHash.fixed6(lat));
        }
        return new double[] {lon, lat};
    }

    /** extractUnitOrReply: meters per unit. */
    private static double unit(byte[] u) {
        if (Bytes.eq(u, "m")) return 1;
        if (Bytes.eq(u, "km")) return 1000;
        if (Bytes.eq(u, "ft")) return 0.3048;
        if (Bytes.eq(u, "mi")) return 1609.34;
        throw new RedisException("ERR unsupported unit provided. please use M, KM, FT, MI");
    }

    /** longLatFromMember: the position of a member, or null. */
    private static double[] memberPos(ZSetValue z, byte[] member) {
        Double score = z.score(member);
        return score == null ? null : GeoHash.decodeScore(score);
    }

    private static void human(Client c, double d) {
        c.reply.dbl(d, GeoHash.human(d));
    }

    /**
     * addReplyDoubleDistance, which in 7.0.15 is fixedpoint_d2string(d, 4): the value times 10^4
     * rounded to an integer with llrint (so ties in the product go to even), not printf's "%.4f".
     */
    private static void distance(Client c, double d) {
        c.reply.bulk(GeoHash.fixed4(d).getBytes(StandardCharsets.US_ASCII));
    }

    // ---- GEOADD, GEODIST, GEOHASH, GEOPOS ----

    /** GEOADD turns its arguments into a ZADD, as Redis does, and runs it. */
    static void geoadd(Client c) {
        boolean xx = false, nx = false;
        int longIdx = 2;
        while (longIdx < c.argc()) {
            byte[] a = c.argv[longIdx];
            if (Bytes.eq(a, "nx")) nx = true;
            else if (Bytes.eq(a, "xx")) xx = true;
            else if (!Bytes.eq(a, "ch")) break;
            longIdx++;
        }
        if ((c.argc() - longIdx) % 3 != 0 || (xx && nx)) throw Errors.syntax;
        int elements = (c.argc() - longIdx) / 3;
        byte[][] argv = new byte[longIdx + elements * 2][];
        argv[0] = "zadd".getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i < longIdx; i++) argv[i] = c.argv[i];
        for (int i = 0; i < elements; i++) {
            double[] xy = lonLat(c, longIdx + i * 3);
            long bits = GeoHash.score(xy[0], xy[1]);
            argv[longIdx + i * 2] = Long.toString(bits).getBytes(StandardCharsets.US_ASCII);
            argv[longIdx + i * 2 + 1] = c.argv[longIdx + i * 3 + 2];
        }
        c.argv = argv;
        ZSetCommands.zadd(c, false);
    }

    static void geodist(Client c) {
        double toMeter = 1;
        if (c.argc() == 5) toMeter = unit(c.argv[4]);
        else if (c.argc() > 5) throw Errors.syntax;
        ZSetValue z = ZSetCommands.readZ(c, c.argv[1]);
        if (z == null) {
            c.reply.nullBulk();
            return;
        }
        Double s1 = z.score(c.argv[2]), s2 = z.score(c.argv[3]);
        if (s1 == null || s2 == null) {
            c.reply.nullBulk();
            return;
        }
        double[] a = GeoHash.decodeScore(s1), b = GeoHash.decodeScore(s2);
        distance(c, GeoHash.distance(a[0], a[1], b[0], b[1]) / toMeter);
    }

    static void geohash(Client c) {
        ZSetValue z = ZSetCommands.readZ(c, c.argv[1]);
        c.reply.array(c.argc() - 2);
        for (int j = 2; j < c.argc(); j++) {
            Double score = z == null ? null : z.score(c.argv[j]);
            if (score == null) c.reply.nullBulk();
            else c.reply.bulk(GeoHash.standardString(score).getBytes(StandardCharsets.US_ASCII));
        }
    }

    static void geopos(Client c) {
        ZSetValue z = ZSetCommands.readZ(c, c.argv[1]);
        c.reply.array(c.argc() - 2);
        for (int j = 2; j < c.argc(); j++) {
            Double score = z == null ? null : z.score(c.argv[j]);
            if (score == null) {
                c.reply.nullArray();
            } else {
                double[] xy = GeoHash.decodeScore(score);
                c.reply.array(2);
                human(c, xy[0]);
                human(c, xy[1]);
            }
        }
    }

    // ---- the searches ----

    private static final class Point {
        final byte[] member;
        final double lon, lat, score;
        double dist;

        Point(byte[] member, double lon, double lat, double dist, double score) {
            this.member = member;
            this.lon = lon;
            this.lat = lat;
            this.dist = dist;
            this.score = score;
        }
    }

    /** georadiusGeneric: GEORADIUS*, GEOSEARCH and GEOSEARCHSTORE. */
    static void search(Client c, int srcIdx, int flags) {
        byte[] storeKey = null;
        boolean storeDist = false;
        ZSetValue z = ZSetCommands.readZ(c, c.argv[srcIdx]);
        GeoHash.Shape shape = new GeoHash.Shape();
        int base;
        if ((flags & COORDS) != 0) {
            base = 6;
            double[] xy = lonLat(c, 2);
            shape.lon = xy[0];
            shape.lat = xy[1];
            radius(c, base - 2, shape);
        } else if ((flags & MEMBER) != 0 && z == null) {
            base = 5;
        } else if ((flags & MEMBER) != 0) {
            base = 5;
            double[] xy = memberPos(z, c.argv[2]);
            if (xy == null) throw new RedisException("ERR could not decode requested zset member");
            shape.lon = xy[0];
            shape.lat = xy[1];
            radius(c, base - 2, shape);
        } else {
            base = 2;
            if ((flags & SEARCHSTORE) != 0) {
                base = 3;
                storeKey = c.argv[1];
            }
        }

        boolean withDist = false, withHash = false, withCoords = false;
        boolean fromMember = false, fromLoc = false, byRadius = false, byBox = false, any = false;
        int sort = SORT_NONE;
        long count = 0;
        boolean search = (flags & SEARCH) != 0;
        boolean storeOk = (flags & NOSTORE) == 0 && !search;
        int remaining = c.argc() - base;
        for (int i = 0; i < remaining; i++) {
            byte[] arg = c.argv[base + i];
            if (Bytes.eq(arg, "withdist")) {
                withDist = true;
            } else if (Bytes.eq(arg, "withhash")) {
                withHash = true;
            } else if (Bytes.eq(arg, "withcoord")) {
                withCoords = true;
            } else if (Bytes.eq(arg, "any")) {
                any = true;
            } else if (Bytes.eq(arg, "asc")) {
                sort = SORT_ASC;
            } else if (Bytes.eq(arg, "desc")) {
                sort = SORT_DESC;
            } else if (Bytes.eq(arg, "count") && i + 1 < remaining) {
                count = Bytes.toLong(c.argv[base + i + 1]);
                if (count <= 0) throw new RedisException("ERR COUNT must be > 0");
                i++;
            } else if (Bytes.eq(arg, "store") && i + 1 < remaining && storeOk) {
                storeKey = c.argv[base + i + 1];
                storeDist = false;
                i++;
            } else if (Bytes.eq(arg, "storedist") && i + 1 < remaining && storeOk) {
                storeKey = c.argv[base + i + 1];
                storeDist = true;
                i++;
            } else if (Bytes.eq(arg, "storedist") && search && (flags & SEARCHSTORE) != 0) {
                storeDist = true;
            } else if (Bytes.eq(arg, "frommember") && i + 1 < remaining && search && !fromLoc) {
                if (z != null) {
                    double[] xy = memberPos(z, c.argv[base + i + 1]);
                    if (xy == null) throw new RedisException("ERR could not decode requested zset member");
                    shape.lon = xy[0];
                    shape.lat = xy[1];
                }
                fromMember = true;
                i++;
            } else if (Bytes.eq(arg, "fromlonlat") && i + 2 < remaining && search && !fromMember) {
                double[] xy = lonLat(c, base + i + 1);
                shape.lon = xy[0];
                shape.lat = xy[1];
                fromLoc = true;
                i += 2;
            } else if (Bytes.eq(arg, "byradius") && i + 2 < remaining && search && !byBox) {
                radius(c, base + i + 1, shape);
                byRadius = true;
                i += 2;
            } else if (Bytes.eq(arg, "bybox") && i + 3 < remaining && search && !byRadius) {
                double w = ZSetCommands.parseScore(c.argv[base + i + 1], "ERR need numeric width");
                double h = ZSetCommands.parseScore(c.argv[base + i + 2], "ERR need numeric height");
                if (h < 0 || w < 0) throw new RedisException("ERR height or width cannot be negative");
                shape.width = w;
                shape.height = h;
                shape.conversion = unit(c.argv[base + i + 3]);
                shape.box = true;
                byBox = true;
                i += 3;
            } else {
                throw Errors.syntax;
            }
        }

        if (storeKey != null && (withDist || withHash || withCoords)) {
            throw new RedisException("ERR " + ((flags & SEARCHSTORE) != 0 ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
                    + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
        }
        String cmdName = new String(c.argv[0], StandardCharsets.UTF_8);
        if (search && !(fromMember || fromLoc)) {
            throw new RedisException("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + cmdName);
        }
        if (search && !(byRadius || byBox)) {
            throw new RedisException("ERR exactly one of BYRADIUS and BYBOX can be specified for " + cmdName);
        }
        if (any && count == 0) throw new RedisException("ERR the ANY argument requires COUNT argument");

        if (z == null) {
            if (storeKey != null) {
                if (c.db.delete(storeKey)) c.engine.notify(Notify.GENERIC, "del", c.db, storeKey);
                c.reply.integer(0);
            } else {
                c.reply.array(0);
            }
            return;
        }
        if (count != 0 && sort == SORT_NONE && !any) sort = SORT_ASC;

        List<Point> found = collect(z, shape, any ? count : 0);
        if (found.isEmpty() && storeKey == null) {
            c.reply.array(0);
            return;
        }
        int resultLength = found.size();
        int returned = (count == 0 || resultLength < count) ? resultLength : (int) count;
        if (sort != SORT_NONE) {
            Comparator<Point> cmp = sort == SORT_ASC ? GeoCommands::ascending : (a, b) -> -ascending(a, b);
            if (returned == resultLength) {
                found.sort(cmp); // glibc's qsort is a stable merge sort
            } else {
                Point[] arr = found.toArray(new Point[0]);
                PartialSort.sort(arr, cmp, 0, returned - 1);
                found = java.util.Arrays.asList(arr);
            }
        }

        if (storeKey == null) {
            int options = (withDist ? 1 : 0) + (withCoords ? 1 : 0) + (withHash ? 1 : 0);
            c.reply.array(returned);
            for (int i = 0; i < returned; i++) {
                Point p = found.get(i);
                p.dist /= shape.conversion;
                if (options > 0) c.reply.array(options + 1);
                c.reply.bulk(p.member);
                if (withDist) distance(c, p.dist);
                if (withHash) c.reply.integer((long) p.score);
                if (withCoords) {
                    c.reply.array(2);
                    human(c, p.lon);
                    human(c, p.lat);
                }
            }
            return;
        }
        if (returned > 0) {
            Config cfg = c.engine.config();
            long maxEntries = ZSetValue.maxEntries(cfg), maxValue = ZSetValue.maxValue(cfg);
            ZSetValue dst = new ZSetValue(false);
            long maxLen = 0;
            for (int i = 0; i < returned; i++) {
                Point p = found.get(i);
                p.dist /= shape.conversion;
                maxLen = Math.max(maxLen, p.member.length);
                dst.insert(storeDist ? p.dist : p.score, p.member, maxEntries, maxValue);
            }
            dst.shrinkIfFits(maxEntries, maxValue, maxLen);
            c.db.setKey(storeKey, dst, false);
            c.engine.notify(Notify.ZSET, search ? "geosearchstore" : "georadiusstore", c.db, storeKey);
        } else if (c.db.delete(storeKey)) {
            c.engine.notify(Notify.GENERIC, "del", c.db, storeKey);
        }
        c.reply.integer(returned);
    }

    /** sort_gp_asc: by distance. */
    private static int ascending(Point a, Point b) {
        if (a.dist > b.dist) return 1;
        if (a.dist == b.dist) return 0;
        return -1;
    }

    /** extractDistanceOrReply: a radius and its unit. */
    private static void radius(Client c, int i, GeoHash.Shape shape) {
        double d = ZSetCommands.parseScore(c.argv[i], "ERR need numeric radius");
        if (d < 0) throw new RedisException("ERR radius cannot be negative");
        shape.radius = d;
        shape.conversion = unit(c.argv[i + 1]);
        shape.box = false;
    }

    /** membersOfAllNeighbors: the points of the boxes around the centre that lie in the shape. */
    private static List<Point> collect(ZSetValue z, GeoHash.Shape shape, long limit) {
        List<Point> out = new ArrayList<>();
        double[] pos = new double[3];
        for (long[] range : GeoHash.searchRanges(shape)) {
            if (range == null) continue;
            if (!out.isEmpty() && limit != 0 && out.size() >= limit) break;
            ScoreRange r = new ScoreRange(range[0], false, range[1], true);
            for (Node n = z.firstInRange(r); n != null && r.lteMax(n.score); n = n.next()) {
                if (shape.contains(n.score, pos)) out.add(new Point(n.ele, pos[0], pos[1], pos[2], n.score));
                if (!out.isEmpty() && limit != 0 && out.size() >= limit) break;
            }
        }
        return out;
    }
}
