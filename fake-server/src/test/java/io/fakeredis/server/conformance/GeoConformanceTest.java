package io.fakeredis.server.conformance;

import org.junit.jupiter.api.Test;

/** Geo commands against the real server, RESP2 and RESP3. */
class GeoConformanceTest extends FlushingConformanceTest {

    private static void cities(ConformanceTest.Session s) {
        s.same("GEOADD", "cities",
                "13.361389", "38.115556", "Palermo",
                "15.087269", "37.502669", "Catania",
                "2.349014", "48.864716", "Paris",
                "-0.127758", "51.507351", "London",
                "13.404954", "52.520008", "Berlin",
                "12.496366", "41.902782", "Rome",
                "-3.703790", "40.416775", "Madrid",
                "139.691711", "35.689487", "Tokyo",
                "-74.005974", "40.712776", "NewYork",
                "-122.419418", "37.774929", "SanFrancisco",
                "151.209290", "-33.868820", "Sydney",
                "-58.381592", "-34.603722", "BuenosAires",
                "174.763336", "-36.848461", "Auckland",
                "-149.900284", "61.218056", "Anchorage",
                "37.617300", "55.755826", "Moscow",
                "18.068581", "59.329323", "Stockholm",
                "-21.817439", "64.126521", "Reykjavik",
                "9.189982", "45.464204", "Milan",
                "14.268124", "40.851775", "Naples");
    }

    private static void edges(ConformanceTest.Session s) {
        s.same("GEOADD", "edges",
                "179.9999", "0", "east",
                "-179.9999", "0", "west",
                "180", "10", "e180",
                "-180", "10", "w180",
                "0", "85.05112878", "top",
                "0", "-85.05112878", "bottom",
                "10", "85", "north85",
                "-10", "-84.9", "south85",
                "0", "0", "origin",
                "0.0001", "0.0001", "near-origin",
                "179.5", "-16.5", "fiji",
                "-179.5", "-16.2", "fiji-west");
    }

    @Test
    void geoaddAndScores() {
        run(s -> {
            cities(s);
            s.same("ZRANGE", "cities", "0", "-1", "WITHSCORES");
            edges(s);
            s.same("ZRANGE", "edges", "0", "-1", "WITHSCORES");
            s.same("GEOADD", "cities", "NX", "0", "0", "Palermo", "1", "1", "Nowhere");
            s.same("GEOADD", "cities", "XX", "1", "1", "Palermo", "2", "2", "Nowhere2");
            s.same("GEOADD", "cities", "XX", "CH", "13.361389", "38.115556", "Palermo", "2", "2", "Nowhere2");
            s.same("GEOADD", "cities", "CH", "13.361389", "38.115556", "Palermo", "3", "3", "Nowhere3");
            s.same("GEOADD", "cities", "ch", "nx", "13.361389", "38.115556", "Palermo");
            s.same("ZRANGE", "cities", "0", "-1", "WITHSCORES");
            s.same("GEOADD", "cities", "NX", "XX", "1", "1", "a");
            s.same("GEOADD", "cities", "1", "1");
            s.same("GEOADD", "cities", "1", "1", "a", "2");
            s.same("GEOADD", "cities", "CH", "1", "1");
            s.same("GEOADD", "cities", "CH", "NX", "XX");
            s.same("GEOADD", "cities", "CH", "CH", "CH");
            s.same("GEOADD", "cities", "1");
            s.same("GEOADD", "cities");
            s.same("GEOADD", "cities", "x", "1", "a");
            s.same("GEOADD", "cities", "1", "y", "a");
            s.same("GEOADD", "cities", "181", "1", "a");
            s.same("GEOADD", "cities", "-180.5", "1", "a");
            s.same("GEOADD", "cities", "10", "85.06", "a");
            s.same("GEOADD", "cities", "10", "-86", "a");
            s.same("GEOADD", "cities", "10", "-86.123456789", "a");
            s.same("GEOADD", "cities", "inf", "1", "a");
            s.same("GEOADD", "cities", "1", "-inf", "a");
            s.same("GEOADD", "cities", "nan", "1", "a");
            s.same("GEOADD", "cities", "1", "1", "ok", "200", "1", "bad");
            s.same("ZSCORE", "cities", "ok");
            s.same("GEOADD", "cities", "-0", "-0", "negzero");
            s.same("ZSCORE", "cities", "negzero");
            s.same("SET", "str", "v");
            s.same("GEOADD", "str", "1", "1", "a");
            s.same("GEOADD", "str", "1", "1000", "a");
            s.same("GEOADD", "str", "NX", "XX", "1", "1", "a");
            s.same("OBJECT", "ENCODING", "cities");
            s.same("ZADD", "plain", "1", "one", "-5", "neg", "4503599627370495", "top", "1e30", "huge", "-1e30", "nhuge", "inf", "pinf", "-inf", "ninf", "1e19", "big", "0.5", "half");
            s.same("GEOPOS", "plain", "one", "neg", "top", "huge", "nhuge", "pinf", "ninf", "big", "half");
            s.same("GEODIST", "plain", "huge", "big");
            s.same("GEOSEARCH", "plain", "FROMMEMBER", "big", "BYRADIUS", "100", "km", "WITHCOORD");
            s.same("GEOHASH", "plain", "one", "neg", "top", "huge", "nhuge", "pinf", "ninf", "big", "half");
        });
    }

    @Test
    void geoposGeohashGeodist() {
        run(s -> {
            cities(s);
            edges(s);
            s.same("GEOPOS", "cities", "Palermo", "Catania", "nope", "Tokyo", "Sydney", "BuenosAires", "Anchorage");
            s.same("GEOPOS", "edges", "east", "west", "e180", "w180", "top", "bottom", "north85", "south85", "origin",
                    "near-origin", "fiji", "fiji-west");
            s.same("GEOPOS", "cities");
            s.same("GEOPOS", "nokey", "a", "b");
            s.same("GEOPOS", "nokey");
            s.same("GEOHASH", "cities", "Palermo", "Catania", "nope", "Tokyo", "Sydney", "BuenosAires", "Reykjavik");
            s.same("GEOHASH", "edges", "east", "west", "e180", "w180", "top", "bottom", "north85", "south85", "origin",
                    "near-origin", "fiji", "fiji-west");
            s.same("GEOHASH", "cities");
            s.same("GEOHASH", "nokey", "a");
            s.same("GEODIST", "cities", "Palermo", "Catania");
            s.same("GEODIST", "cities", "Palermo", "Catania", "km");
            s.same("GEODIST", "cities", "Palermo", "Catania", "KM");
            s.same("GEODIST", "cities", "Palermo", "Catania", "ft");
            s.same("GEODIST", "cities", "Palermo", "Catania", "mi");
            s.same("GEODIST", "cities", "Palermo", "Catania", "M");
            s.same("GEODIST", "cities", "Tokyo", "NewYork", "km");
            s.same("GEODIST", "cities", "Sydney", "BuenosAires", "mi");
            s.same("GEODIST", "cities", "Auckland", "Anchorage");
            s.same("GEODIST", "cities", "Paris", "Paris");
            s.same("GEODIST", "edges", "east", "west");
            s.same("GEODIST", "edges", "top", "bottom", "km");
            s.same("GEODIST", "edges", "e180", "w180");
            s.same("GEODIST", "edges", "fiji", "fiji-west", "km");
            s.same("GEODIST", "edges", "origin", "near-origin");
            s.same("GEODIST", "cities", "Palermo", "nope");
            s.same("GEODIST", "cities", "nope", "Palermo");
            s.same("GEODIST", "nokey", "a", "b");
            s.same("GEODIST", "cities", "Palermo", "Catania", "yd");
            s.same("GEODIST", "nokey", "a", "b", "yd");
            s.same("GEODIST", "cities", "Palermo", "Catania", "km", "extra");
            s.same("GEODIST", "cities", "Palermo");
            s.same("SET", "str", "v");
            s.same("GEODIST", "str", "a", "b");
            s.same("GEOPOS", "str", "a");
            s.same("GEOHASH", "str", "a");
            s.same("GEODIST", "str", "a", "b", "yd");
        });
    }

    @Test
    void georadius() {
        run(s -> {
            cities(s);
            edges(s);
            s.same("GEORADIUS", "cities", "15", "37", "200", "km");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "ASC");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "DESC");
            s.same("GEORADIUS", "cities", "15", "37", "2000", "km", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "2000", "km", "WITHDIST", "WITHCOORD", "WITHHASH", "ASC");
            s.same("GEORADIUS", "cities", "15", "37", "2000", "km", "withcoord", "desc");
            s.same("GEORADIUS", "cities", "15", "37", "2000", "km", "WITHHASH");
            s.same("GEORADIUS", "cities", "15", "37", "20000", "km", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "20000", "km", "COUNT", "3");
            s.same("GEORADIUS", "cities", "15", "37", "20000", "km", "COUNT", "3", "DESC", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "20000", "km", "COUNT", "100", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "3000", "km", "COUNT", "2", "ANY");
            s.same("GEORADIUS", "cities", "15", "37", "3000", "km", "COUNT", "2", "ANY", "ASC", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "500", "mi", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "3000000", "ft", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "600000", "m", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "0", "m");
            s.same("GEORADIUS", "cities", "15", "37", "1", "m");
            s.same("GEORADIUS", "cities", "0", "0", "1", "km");
            s.same("GEORADIUS", "edges", "180", "0", "50", "km", "WITHDIST");
            s.same("GEORADIUS", "edges", "-180", "5", "2000", "km", "WITHDIST", "ASC");
            s.same("GEORADIUS", "edges", "0", "85", "500", "km", "WITHDIST", "ASC");
            s.same("GEORADIUS", "edges", "0", "-85", "1500", "km", "WITHDIST", "ASC");
            s.same("GEORADIUS", "edges", "179.9", "-16", "200", "km", "WITHDIST", "WITHCOORD", "ASC");
            s.same("GEORADIUS", "edges", "0", "0", "100", "m", "WITHDIST", "WITHCOORD");
            s.same("GEORADIUS", "cities", "-150", "61", "100", "km", "WITHDIST");
            s.same("GEORADIUS", "cities", "-22", "64", "300", "km", "WITHDIST");
            s.same("GEORADIUS", "nokey", "15", "37", "200", "km");
            s.same("GEORADIUS", "cities", "15", "37", "200", "yd");
            s.same("GEORADIUS", "cities", "15", "37", "-1", "km");
            s.same("GEORADIUS", "cities", "15", "37", "x", "km");
            s.same("GEORADIUS", "cities", "x", "37", "1", "km");
            s.same("GEORADIUS", "cities", "15", "90", "1", "km");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "COUNT");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "COUNT", "0");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "COUNT", "-2");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "COUNT", "x");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "ANY");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "BOGUS");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "FROMMEMBER", "Palermo");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "STORE");
            s.same("GEORADIUS", "cities", "15", "37", "200");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "STORE", "dst", "WITHDIST");
            s.same("GEORADIUS", "cities", "15", "37", "200", "km", "STOREDIST", "dst", "WITHCOORD");
            s.same("GEORADIUS_RO", "cities", "15", "37", "2000", "km", "WITHDIST", "ASC");
            s.same("GEORADIUS_RO", "cities", "15", "37", "2000", "km", "STORE", "dst");
            s.same("GEORADIUS_RO", "cities", "15", "37", "2000", "km", "STOREDIST", "dst");
            s.same("SET", "str", "v");
            s.same("GEORADIUS", "str", "15", "37", "200", "km");
            s.same("GEORADIUS", "str", "15", "95", "200", "km");
        });
    }

    @Test
    void georadiusbymember() {
        run(s -> {
            cities(s);
            s.same("GEORADIUSBYMEMBER", "cities", "Palermo", "200", "km");
            s.same("GEORADIUSBYMEMBER", "cities", "Palermo", "1500", "km", "WITHDIST", "WITHCOORD", "WITHHASH");
            s.same("GEORADIUSBYMEMBER", "cities", "Palermo", "1500", "km", "WITHDIST", "DESC", "COUNT", "4");
            s.same("GEORADIUSBYMEMBER", "cities", "Berlin", "1000", "mi", "WITHDIST", "ASC");
            s.same("GEORADIUSBYMEMBER", "cities", "Sydney", "3000", "km", "WITHDIST");
            s.same("GEORADIUSBYMEMBER", "cities", "nope", "200", "km");
            s.same("GEORADIUSBYMEMBER", "cities", "nope", "x", "km");
            s.same("GEORADIUSBYMEMBER", "cities", "Palermo", "x", "km");
            s.same("GEORADIUSBYMEMBER", "cities", "Palermo", "1", "yd");
            s.same("GEORADIUSBYMEMBER", "nokey", "Palermo", "x", "yd");
            s.same("GEORADIUSBYMEMBER", "nokey", "Palermo", "1", "km");
            s.same("GEORADIUSBYMEMBER", "nokey", "Palermo", "1", "km", "STORE", "dst");
            s.same("GEORADIUSBYMEMBER", "nokey", "Palermo", "1", "km", "BOGUS");
            s.same("GEORADIUSBYMEMBER_RO", "cities", "Rome", "800", "km", "WITHDIST", "ASC");
            s.same("GEORADIUSBYMEMBER_RO", "cities", "Rome", "800", "km", "STORE", "x");
            s.same("SET", "str", "v");
            s.same("GEORADIUSBYMEMBER", "str", "Palermo", "1", "km");
        });
    }

    @Test
    void stores() {
        run(s -> {
            cities(s);
            s.same("GEORADIUS", "cities", "15", "37", "2000", "km", "STORE", "dst");
            s.same("ZRANGE", "dst", "0", "-1", "WITHSCORES");
            s.same("OBJECT", "ENCODING", "dst");
            s.same("GEORADIUS", "cities", "15", "37", "2000", "km", "STOREDIST", "dst2");
            s.same("ZRANGE", "dst2", "0", "-1", "WITHSCORES");
            s.same("GEORADIUS", "cities", "15", "37", "2000", "mi", "STOREDIST", "dst2", "COUNT", "2", "DESC");
            s.same("ZRANGE", "dst2", "0", "-1", "WITHSCORES");
            s.same("GEORADIUSBYMEMBER", "cities", "Paris", "500", "km", "STORE", "dst3");
            s.same("ZRANGE", "dst3", "0", "-1", "WITHSCORES");
            s.same("GEORADIUSBYMEMBER", "cities", "Paris", "1", "m", "STOREDIST", "dst3");
            s.same("ZRANGE", "dst3", "0", "-1", "WITHSCORES");
            s.same("GEORADIUS", "cities", "0", "0", "1", "km", "STORE", "dst3");
            s.same("EXISTS", "dst3");
            s.same("SET", "dst4", "x");
            s.same("GEORADIUS", "nokey", "0", "0", "1", "km", "STORE", "dst4");
            s.same("EXISTS", "dst4");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMLONLAT", "15", "37", "BYBOX", "4000", "4000", "km");
            s.same("ZRANGE", "dst5", "0", "-1", "WITHSCORES");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMMEMBER", "Rome", "BYRADIUS", "1000", "km", "STOREDIST");
            s.same("ZRANGE", "dst5", "0", "-1", "WITHSCORES");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMMEMBER", "Rome", "BYRADIUS", "1000", "km", "STOREDIST",
                    "COUNT", "2", "DESC");
            s.same("ZRANGE", "dst5", "0", "-1", "WITHSCORES");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMMEMBER", "Rome", "BYRADIUS", "1", "m", "COUNT", "1", "ANY");
            s.same("ZRANGE", "dst5", "0", "-1", "WITHSCORES");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m");
            s.same("EXISTS", "dst5");
            s.same("GEOSEARCHSTORE", "dst5", "nokey", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m", "WITHDIST");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m", "STORE", "x");
            s.same("GEOSEARCHSTORE", "dst5", "cities", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m", "STOREDIST", "x");
            s.same("CONFIG", "SET", "zset-max-listpack-entries", "2");
            s.same("GEOSEARCHSTORE", "dst6", "cities", "FROMMEMBER", "Rome", "BYRADIUS", "1000", "km");
            s.same("OBJECT", "ENCODING", "dst6");
            s.same("GEOSEARCHSTORE", "dst6", "cities", "FROMMEMBER", "Rome", "BYRADIUS", "1000", "km", "COUNT", "2");
            s.same("OBJECT", "ENCODING", "dst6");
            s.same("CONFIG", "SET", "zset-max-listpack-entries", "128");
            s.same("SET", "str", "v");
            s.same("GEOSEARCHSTORE", "dst7", "str", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "m");
            s.same("GEOSEARCHSTORE", "str", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "500", "km");
            s.same("TYPE", "str");
        });
    }

    @Test
    void geosearch() {
        run(s -> {
            cities(s);
            edges(s);
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC");
            s.same("GEOSEARCH", "cities", "FROMMEMBER", "Palermo", "BYRADIUS", "2000", "km", "WITHDIST", "WITHCOORD",
                    "WITHHASH");
            s.same("GEOSEARCH", "cities", "FROMMEMBER", "Palermo", "BYBOX", "400", "400", "km", "ASC", "WITHDIST");
            s.same("GEOSEARCH", "cities", "FROMMEMBER", "Paris", "BYBOX", "2000", "1000", "km", "ASC", "WITHDIST");
            s.same("GEOSEARCH", "cities", "FROMMEMBER", "Paris", "BYBOX", "1000", "2000", "km", "ASC", "WITHDIST");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "0", "45", "BYBOX", "5000", "5000", "mi", "DESC",
                    "WITHCOORD");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "0", "0", "BYBOX", "40000", "20000", "km", "ASC");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "150", "-35", "BYBOX", "10000000", "5000000", "ft", "WITHDIST");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "150", "-35", "BYBOX", "0", "0", "m");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "20000", "km", "COUNT", "5");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "20000", "km", "COUNT", "5", "DESC");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "20000", "km", "COUNT", "5", "ANY");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "3000", "km", "COUNT", "3", "ANY",
                    "DESC", "WITHDIST");
            s.same("GEOSEARCH", "edges", "FROMLONLAT", "180", "0", "BYBOX", "300", "3000", "km", "WITHDIST", "ASC");
            s.same("GEOSEARCH", "edges", "FROMLONLAT", "0", "84", "BYBOX", "3000", "300", "km", "WITHDIST", "ASC");
            s.same("GEOSEARCH", "edges", "FROMMEMBER", "fiji", "BYRADIUS", "300", "km", "WITHDIST", "ASC");
            s.same("GEOSEARCH", "edges", "FROMMEMBER", "bottom", "BYBOX", "100", "100", "km", "WITHDIST", "ASC");
            s.same("GEOSEARCH", "nokey", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km");
            s.same("GEOSEARCH", "nokey", "FROMMEMBER", "x", "BYRADIUS", "200", "km");
            s.same("GEOSEARCH", "cities", "FROMMEMBER", "nope", "BYRADIUS", "200", "km");
            s.same("GEOSEARCH", "cities", "FROMMEMBER", "Palermo", "FROMLONLAT", "1", "1", "BYRADIUS", "200", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "FROMMEMBER", "Palermo", "BYRADIUS", "200", "km");
            s.same("GEOSEARCH", "cities", "BYRADIUS", "200", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "200", "km", "BYBOX", "1", "1", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYBOX", "1", "1", "km", "BYRADIUS", "200", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "WITHDIST");
            s.same("geosearch", "cities", "FROMLONLAT", "1", "1", "WITHDIST");
            s.same("geosearch", "cities", "BYRADIUS", "1", "m", "WITHDIST");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "x", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "-1", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "yd");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYBOX", "x", "1", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYBOX", "1", "x", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYBOX", "-1", "1", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYBOX", "1", "-1", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYBOX", "1", "1", "yd");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYBOX", "1", "1");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "100", "BYBOX", "1", "1", "km");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km", "STORE", "x");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km", "STOREDIST");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km", "ANY");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km", "COUNT", "0");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km", "COUNT");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS", "1");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1");
            s.same("GEOSEARCH", "cities", "FROMMEMBER");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "1", "1", "BYRADIUS");
            s.same("SET", "str", "v");
            s.same("GEOSEARCH", "str", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km");
        });
    }

    @Test
    void denseGrid() {
        run(s -> {
            // a grid of points around Palermo, 0.01 degree apart, searched with many sizes
            String[] args = new String[2 + 3 * 121];
            args[0] = "GEOADD";
            args[1] = "grid";
            int k = 2;
            for (int i = 0; i < 11; i++) {
                for (int j = 0; j < 11; j++) {
                    args[k++] = String.format(java.util.Locale.ROOT, "%.4f", 13.30 + i * 0.013);
                    args[k++] = String.format(java.util.Locale.ROOT, "%.4f", 38.05 + j * 0.011);
                    args[k++] = "p" + i + "_" + j;
                }
            }
            s.same(args);
            for (String r : new String[] {"10", "100", "500", "1000", "2500", "5000", "20000", "100000"}) {
                s.same("GEOSEARCH", "grid", "FROMLONLAT", "13.36", "38.1", "BYRADIUS", r, "m", "ASC", "WITHDIST");
                s.same("GEOSEARCH", "grid", "FROMLONLAT", "13.36", "38.1", "BYBOX", r, r, "m", "ASC", "WITHDIST");
                s.same("GEOSEARCH", "grid", "FROMMEMBER", "p3_7", "BYBOX", r, "700", "m", "DESC", "WITHCOORD");
                s.same("GEORADIUSBYMEMBER", "grid", "p5_5", r, "m");
                s.same("GEOSEARCH", "grid", "FROMMEMBER", "p0_0", "BYRADIUS", r, "m", "COUNT", "7", "WITHHASH");
            }
            s.same("GEOSEARCH", "grid", "FROMMEMBER", "p5_5", "BYRADIUS", "3", "km", "COUNT", "10", "ANY");
            s.same("GEOSEARCH", "grid", "FROMMEMBER", "p5_5", "BYRADIUS", "3", "km", "COUNT", "1000", "ANY");
            s.same("CONFIG", "SET", "zset-max-listpack-entries", "16");
            s.same("GEOADD", "grid", "13.3", "38.2", "convert");
            s.same("OBJECT", "ENCODING", "grid");
            s.same("GEOSEARCH", "grid", "FROMMEMBER", "p5_5", "BYRADIUS", "3", "km", "COUNT", "10", "ANY");
            s.same("GEOSEARCH", "grid", "FROMMEMBER", "p5_5", "BYRADIUS", "1", "km", "WITHDIST");
            s.same("CONFIG", "SET", "zset-max-listpack-entries", "128");
        });
    }

    @Test
    void keyspaceEvents() {
        run(s -> s.sameEvents("KEA",
                new String[] {"GEOADD", "g", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"},
                new String[] {"GEOADD", "g", "NX", "13.361389", "38.115556", "Palermo"},
                new String[] {"GEOADD", "g", "XX", "CH", "13", "38", "Palermo"},
                new String[] {"GEORADIUS", "g", "15", "37", "200", "km", "STORE", "d1"},
                new String[] {"GEORADIUSBYMEMBER", "g", "Palermo", "200", "km", "STOREDIST", "d2"},
                new String[] {"GEOSEARCHSTORE", "d3", "g", "FROMMEMBER", "Palermo", "BYRADIUS", "200", "km"},
                new String[] {"GEOSEARCHSTORE", "d3", "g", "FROMLONLAT", "0", "0", "BYRADIUS", "1", "km"},
                new String[] {"GEORADIUS", "g", "0", "0", "1", "km", "STORE", "d1"},
                new String[] {"GEORADIUS", "nokey", "0", "0", "1", "km", "STORE", "d2"},
                new String[] {"GEOSEARCH", "g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km"},
                new String[] {"GEOPOS", "g", "Palermo"}));
    }

    @Test
    void arity() {
        run(s -> {
            s.same("GEOADD", "g", "1", "2");
            s.same("GEOPOS");
            s.same("GEOHASH");
            s.same("GEODIST", "g", "a");
            s.same("GEORADIUS", "g", "1", "2", "3");
            s.same("GEORADIUS_RO", "g", "1", "2", "3");
            s.same("GEORADIUSBYMEMBER", "g", "a", "3");
            s.same("GEORADIUSBYMEMBER_RO", "g", "a", "3");
            s.same("GEOSEARCH", "g", "FROMLONLAT", "1", "2", "BYRADIUS");
            s.same("GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "1", "2", "BYRADIUS");
        });
    }

    @Test
    void watch() {
        run(s -> {
            cities(s);
            try (ConformanceTest.Session o = s.another()) {
                for (String[] write : new String[][] {
                        {"GEOADD", "cities", "XX", "1", "1", "Palermo"},
                        {"GEORADIUS", "cities", "15", "37", "200", "km", "STORE", "d"},
                        {"GEOSEARCHSTORE", "d", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "1", "m"}}) {
                    s.same("WATCH", write[0].equals("GEOADD") ? "cities" : "d");
                    o.same(write);
                    s.same("MULTI");
                    s.same("PING");
                    s.same("EXEC");
                }
                // no change, no abort
                s.same("WATCH", "cities");
                o.same("GEOADD", "cities", "NX", "1", "1", "Palermo");
                o.same("GEOSEARCH", "cities", "FROMMEMBER", "Palermo", "BYRADIUS", "1", "km");
                s.same("MULTI");
                s.same("PING");
                s.same("EXEC");
            }
        });
    }

    @Test
    void getkeys() {
        run(s -> {
            s.same("COMMAND", "GETKEYS", "GEOADD", "g", "1", "2", "a");
            s.same("COMMAND", "GETKEYS", "GEORADIUS", "g", "1", "2", "3", "km");
            s.same("COMMAND", "GETKEYS", "GEORADIUS", "g", "1", "2", "3", "km", "STORE", "d");
            s.same("COMMAND", "GETKEYS", "GEORADIUS", "g", "1", "2", "3", "km", "STOREDIST", "d", "STORE", "e");
            s.same("COMMAND", "GETKEYS", "GEORADIUSBYMEMBER", "g", "a", "3", "km", "STOREDIST", "d");
            s.same("COMMAND", "GETKEYS", "GEOSEARCHSTORE", "d", "g", "FROMLONLAT", "1", "2", "BYRADIUS", "1", "m");
            s.same("COMMAND", "GETKEYSANDFLAGS", "GEORADIUS", "g", "1", "2", "3", "km", "STORE", "d");
            s.same("COMMAND", "INFO", "GEORADIUS", "GEOSEARCH", "GEOADD");
        });
    }

    @Test
    void randomized() {
        run(s -> {
            java.util.Random rnd = new java.util.Random(20260101L + s.resp);
            java.util.List<String> add = new java.util.ArrayList<>(java.util.List.of("GEOADD", "r"));
            for (int i = 0; i < 500; i++) {
                double lon, lat;
                if (i % 2 == 0) {
                    lon = rnd.nextDouble() * 360 - 180;
                    lat = rnd.nextDouble() * 170.1 - 85.05;
                } else {
                    // clusters around a few centres, one on the antimeridian and one near a pole
                    double[][] centres = {{13.36, 38.11}, {179.9, -16.5}, {-179.95, 65}, {25, 83}, {-70, -80}};
                    double[] c = centres[i % centres.length];
                    lon = Math.max(-180, Math.min(180, c[0] + rnd.nextGaussian() * 0.5));
                    lat = Math.max(-85.05, Math.min(85.05, c[1] + rnd.nextGaussian() * 0.3));
                }
                add.add(String.format(java.util.Locale.ROOT, "%.6f", lon));
                add.add(String.format(java.util.Locale.ROOT, "%.6f", lat));
                add.add("m" + i);
            }
            s.same(add.toArray(new String[0]));
            String[] units = {"m", "km", "mi", "ft"};
            double[] scale = {1, 1000, 1609.34, 0.3048};
            for (int q = 0; q < 300; q++) {
                int u = rnd.nextInt(4);
                double meters = Math.pow(10, rnd.nextDouble() * 7.5);
                String r = String.format(java.util.Locale.ROOT, "%.3f", meters / scale[u]);
                String r2 = String.format(java.util.Locale.ROOT, "%.3f", meters * (0.2 + rnd.nextDouble() * 2) / scale[u]);
                String[] fromArgs;
                if (rnd.nextBoolean()) {
                    fromArgs = new String[] {"FROMMEMBER", "m" + rnd.nextInt(500)};
                } else {
                    fromArgs = new String[] {"FROMLONLAT",
                        String.format(java.util.Locale.ROOT, "%.5f", rnd.nextDouble() * 360 - 180),
                        String.format(java.util.Locale.ROOT, "%.5f", rnd.nextDouble() * 170 - 85)};
                }
                java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("GEOSEARCH", "r"));
                cmd.addAll(java.util.List.of(fromArgs));
                if (q % 2 == 0) cmd.addAll(java.util.List.of("BYRADIUS", r, units[u]));
                else cmd.addAll(java.util.List.of("BYBOX", r, r2, units[u]));
                int order = q % 3;
                if (order == 1) cmd.add("ASC");
                if (order == 2) cmd.add("DESC");
                if (q % 5 == 0) cmd.addAll(java.util.List.of("COUNT", "5"));
                else if (q % 7 == 0) cmd.addAll(java.util.List.of("COUNT", "3", "ANY"));
                cmd.addAll(java.util.List.of("WITHDIST", "WITHCOORD", "WITHHASH"));
                s.same(cmd.toArray(new String[0]));
                if (q % 10 == 3 && fromArgs[0].equals("FROMLONLAT")) {
                    s.same("GEORADIUS", "r", fromArgs[1], fromArgs[2], r, units[u], "WITHCOORD", "WITHDIST");
                }
                if (q % 10 == 0) {
                    s.same("GEORADIUSBYMEMBER", "r", "m" + q, r, units[u], "WITHDIST");
                    s.same("GEODIST", "r", "m" + q, "m" + (q + 1), units[u]);
                }
            }
        });
    }

    @Test
    void oddNumbers() {
        run(s -> {
            cities(s);
            edges(s);
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "inf", "km", "ASC");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "1e308", "m", "ASC");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "-0", "m");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYRADIUS", "nan", "m");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYBOX", "inf", "inf", "km", "ASC");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYBOX", "inf", "10", "km", "ASC");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYBOX", "10", "inf", "km", "ASC");
            s.same("GEOSEARCH", "cities", "FROMLONLAT", "15", "37", "BYBOX", "1e-300", "1e-300", "km");
            s.same("GEOSEARCH", "edges", "FROMLONLAT", "0", "0", "BYRADIUS", "0", "m", "WITHDIST");
            s.same("GEOSEARCH", "edges", "FROMLONLAT", "180", "85.05112878", "BYRADIUS", "5000", "km", "WITHDIST");
            s.same("GEOSEARCH", "edges", "FROMLONLAT", "-180", "-85.05112878", "BYBOX", "5000", "5000", "km", "WITHDIST");
            s.same("GEOSEARCH", "edges", "FROMLONLAT", "-180", "-85.05112878", "BYBOX", "5000", "5000", "km",
                    "COUNT", "9223372036854775807", "DESC");
            s.same("GEOSEARCH", "edges", "FROMLONLAT", "-180", "-85.05112878", "BYBOX", "5000", "5000", "km",
                    "COUNT", "9223372036854775808");
            s.same("GEOSEARCH", "cities", "FROMMEMBER", "Rome", "FROMMEMBER", "Paris", "BYRADIUS", "300", "km",
                    "BYRADIUS", "500", "km", "WITHDIST", "ASC");
            s.same("GEOSEARCH", "cities", "fromlonlat", "2.35", "48.86", "bybox", "1000", "1000", "KM", "asc",
                    "withdist", "withcoord", "withhash", "count", "3", "any");
            s.same("GEORADIUS", "cities", "2.35", "48.86", "1000", "KM", "asc", "withdist", "count", "3", "any");
            // a distance whose 10^4 multiple rounds to a tie: Redis prints it with llrint, not "%.4f"
            s.same("GEOADD", "tie", "-76.22306", "-4.71382", "c", "23.86044055223464966", "8.00171548145046785", "p");
            s.same("GEOSEARCH", "tie", "FROMLONLAT", "-76.22306", "-4.71382", "BYRADIUS", "54918090.263", "ft", "WITHDIST");
            s.same("GEOSEARCHSTORE", "tied", "tie", "FROMLONLAT", "-76.22306", "-4.71382", "BYRADIUS", "20000", "km",
                    "STOREDIST");
            s.same("ZRANGE", "tied", "0", "-1", "WITHSCORES");
            s.same("GEOADD", "cities", "1e-320", "-1e-320", "tiny");
            s.same("GEOPOS", "cities", "tiny");
            s.same("GEOADD", "cities", "0x10", "1", "hex");
            s.same("GEOADD", "cities", " 1", "1", "sp");
            s.same("GEOADD", "cities", "1", "1e400", "big");
            s.same("MULTI");
            s.same("GEOADD", "m", "1", "1", "a");
            s.same("GEOPOS", "m", "a");
            s.same("GEOSEARCH", "m", "FROMLONLAT", "1", "1", "BYRADIUS", "1", "km", "WITHCOORD");
            s.same("EXEC");
            s.same("EVAL", "return redis.call('GEOPOS', KEYS[1], 'a')", "1", "m");
            s.same("EVAL", "return redis.call('GEODIST', KEYS[1], 'a', 'a')", "1", "m");
            s.same("EVAL", "redis.setresp(3); return redis.call('GEOPOS', KEYS[1], 'a')", "1", "m");
            s.same("EVAL", "return redis.call('GEOADD', KEYS[1], 2, 2, 'b')", "1", "m");
            s.same("EVAL", "return redis.call('GEOADD', KEYS[1], 200, 2, 'b')", "1", "m");
        });
    }

    @Test
    void ties() {
        run(s -> {
            java.util.List<String> add = new java.util.ArrayList<>(java.util.List.of("GEOADD", "t"));
            for (int i = 0; i < 40; i++) {
                add.add(i % 2 == 0 ? "10" : "10.5");
                add.add("20");
                add.add("x" + (i * 7919 % 40));
            }
            s.same(add.toArray(new String[0]));
            s.same("GEOSEARCH", "t", "FROMLONLAT", "10.2", "20", "BYRADIUS", "100", "km", "ASC");
            s.same("GEOSEARCH", "t", "FROMLONLAT", "10.2", "20", "BYRADIUS", "100", "km", "DESC");
            s.same("GEOSEARCH", "t", "FROMLONLAT", "10.2", "20", "BYRADIUS", "100", "km", "COUNT", "5");
            s.same("GEOSEARCH", "t", "FROMLONLAT", "10.2", "20", "BYRADIUS", "100", "km", "COUNT", "30", "DESC");
            // more points than 40 take the median-of-nine pivot path
            java.util.List<String> add2 = new java.util.ArrayList<>(java.util.List.of("GEOADD", "t2"));
            String[] lons = {"10", "10.1", "10.3", "10.6", "9.9"};
            for (int i = 0; i < 130; i++) {
                add2.add(lons[(i * 31) % 5]);
                add2.add("20");
                add2.add("y" + (i * 97 % 130));
            }
            s.same(add2.toArray(new String[0]));
            for (String n : new String[] {"1", "2", "6", "7", "8", "33", "41", "60", "100", "129", "130", "131"}) {
                s.same("GEOSEARCH", "t2", "FROMLONLAT", "10.2", "20", "BYRADIUS", "100", "km", "COUNT", n);
                s.same("GEOSEARCH", "t2", "FROMLONLAT", "10.2", "20", "BYRADIUS", "100", "km", "COUNT", n, "DESC");
                s.same("GEORADIUS", "t2", "10.2", "20", "100", "km", "COUNT", n, "DESC", "STORE", "st");
                s.same("ZRANGE", "st", "0", "-1", "WITHSCORES");
            }
        });
    }
}
