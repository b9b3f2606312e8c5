package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fakeredis.core.config.Config;
import io.fakeredis.core.type.RedisValue;
import io.fakeredis.core.type.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The string command group of Redis 7.0: every command, option and error, byte for byte. */
class StringConformanceTest extends ConformanceTest {

    /** Runs a script on both protocols, making sure the fake starts empty even before FLUSHALL exists. */
    private void script(Script sc) {
        run(s -> {
            flushFake();
            sc.run(s);
        });
    }

    private static void flushFake() {
        engine.lock.lock();
        try {
            for (int i = 0; i < io.fakeredis.core.Engine.DATABASES; i++) engine.db(i).clear();
        } finally {
            engine.lock.unlock();
        }
    }

    private static boolean unknown(byte[] reply) {
        return new String(reply, StandardCharsets.UTF_8).startsWith("-ERR unknown command");
    }

    /** A list key on both servers, for WRONGTYPE checks (directly in the fake until LPUSH exists). */
    private static void makeList(Session s, String key) {
        s.real.call("RPUSH", key, "a");
        if (!unknown(s.fake.call("RPUSH", key, "a"))) return;
        engine.lock.lock();
        try {
            engine.db(0).setKey(key.getBytes(StandardCharsets.UTF_8), new RedisValue() {
                @Override public ValueType type() { return ValueType.LIST; }
                @Override public String encoding(Config config) { return "listpack"; }
                @Override public RedisValue copy() { return this; }
            }, false);
        } finally {
            engine.lock.unlock();
        }
    }

    /** CONFIG SET on both servers (directly in the fake's config until CONFIG exists). */
    private static void config(Session s, String name, String value) {
        s.real.call("CONFIG", "SET", name, value);
        if (!unknown(s.fake.call("CONFIG", "SET", name, value))) return;
        engine.lock.lock();
        try {
            engine.config().set(name, value);
        } finally {
            engine.lock.unlock();
        }
    }

    @Test
    void getAndSet() {
        script(s -> {
            s.same("GET", "k");
            s.same("SET", "k", "v");
            s.same("GET", "k");
            s.same("SET", "k", "");
            s.same("GET", "k");
            s.same("SET", "k", "a\r\nb\u0000c");
            s.same("GET", "k");
            s.same("SET", "k");
            s.same("GET");
            s.same("GET", "a", "b");
            makeList(s, "list");
            s.same("GET", "list");
            s.same("SET", "list", "x");
            s.same("GET", "list");
        });
    }

    @Test
    void setOptions() {
        script(s -> {
            s.same("SET", "k", "1", "NX");
            s.same("SET", "k", "2", "NX");
            s.same("GET", "k");
            s.same("SET", "k", "3", "XX");
            s.same("SET", "missing", "3", "XX");
            s.same("GET", "missing");
            s.same("SET", "k", "4", "nx", "xx");
            s.same("SET", "k", "4", "xx", "nx");
            s.same("SET", "k", "4", "NX", "NX");
            s.same("SET", "k", "5", "GET");
            s.same("SET", "k", "6", "get", "GET");
            s.same("SET", "new", "6", "GET");
            s.same("SET", "k", "7", "NX", "GET");
            s.same("SET", "fresh", "7", "NX", "GET");
            s.same("GET", "fresh");
            s.same("SET", "k", "8", "XX", "GET");
            s.same("SET", "nokey", "8", "XX", "GET");
            s.same("GET", "nokey");
            s.same("SET", "k", "v", "EX", "100");
            s.same("SET", "k", "v", "PX", "100000");
            s.same("SET", "k", "v", "EXAT", "99999999999");
            s.same("SET", "k", "v", "PXAT", "99999999999999");
            s.same("SET", "k", "v", "KEEPTTL");
            s.same("SET", "k", "v", "keepttl", "xx", "get");
            s.same("SET", "k", "v", "EX", "100", "PX", "100");
            s.same("SET", "k", "v", "EX", "100", "EX", "100");
            s.same("SET", "k", "v", "EX", "100", "EX", "0");
            s.same("SET", "k", "v", "EX", "0", "EX", "100");
            s.same("SET", "k", "v", "GET", "GET", "EX", "1", "NX", "NX", "PX", "5", "EX", "100", "EX", "100");
            s.same("SET", "k", "v", "PXAT", "1", "PXAT", "99999999999999", "GET");
            s.same("SET", "k", "v", "PX", "100", "EXAT", "100");
            s.same("SET", "k", "v", "PXAT", "100", "EX", "100");
            s.same("SET", "k", "v", "EXAT", "100", "PXAT", "100");
            s.same("SET", "k", "v", "KEEPTTL", "EX", "100");
            s.same("SET", "k", "v", "PX", "100", "KEEPTTL");
            s.same("SET", "k", "v", "EX");
            s.same("SET", "k", "v", "PX");
            s.same("SET", "k", "v", "EXAT");
            s.same("SET", "k", "v", "PXAT");
            s.same("SET", "k", "v", "PERSIST");
            s.same("SET", "k", "v", "foo");
            s.same("SET", "k", "v", "NX", "foo");
            s.same("SET", "k", "v", "EX", "abc");
            s.same("SET", "k", "v", "EX", "1.5");
            s.same("SET", "k", "v", "EX", "0");
            s.same("SET", "k", "v", "EX", "-1");
            s.same("SET", "k", "v", "PX", "0");
            s.same("SET", "k", "v", "PXAT", "-5");
            s.same("SET", "k", "v", "EXAT", "0");
            s.same("SET", "k", "v", "EX", "9223372036854775");
            s.same("SET", "k", "v", "EX", "9223372036854776");
            s.same("SET", "k", "v", "EXAT", "9223372036854775");
            s.same("SET", "k", "v", "EXAT", "9223372036854776");
            s.same("SET", "k", "v", "PX", "9223372036854775807");
            s.same("SET", "k", "v", "PXAT", "9223372036854775807");
            s.same("SET", "k", "v", "PX", "9223372036854775808");
            // errors come before the GET part and before any change
            s.same("SET", "k", "changed", "GET", "EX", "0");
            s.same("GET", "k");
            makeList(s, "list");
            s.same("SET", "list", "v", "GET");
            s.same("SET", "list", "v", "GET", "NX");
            s.same("SET", "list", "v", "NX");
            s.same("SET", "list", "v", "XX", "EX", "10");
            s.same("GET", "list");
            s.same("SET", "k", "v", "GET", "EX", "abc");
        });
    }

    @Test
    void setVariants() {
        script(s -> {
            s.same("SETNX", "k", "1");
            s.same("SETNX", "k", "2");
            s.same("GET", "k");
            s.same("SETNX", "k");
            s.same("SETNX", "k", "1", "2");
            s.same("SETEX", "k", "100", "v");
            s.same("GET", "k");
            s.same("SETEX", "k", "0", "v");
            s.same("SETEX", "k", "-10", "v");
            s.same("SETEX", "k", "x", "v");
            s.same("SETEX", "k", "9223372036854776", "v");
            s.same("SETEX", "k", "100");
            s.same("PSETEX", "k", "100000", "w");
            s.same("GET", "k");
            s.same("PSETEX", "k", "0", "v");
            s.same("PSETEX", "k", "-1", "v");
            s.same("PSETEX", "k", "1e3", "v");
            s.same("PSETEX", "k", "9223372036854775807", "v");
            s.same("PSETEX", "k");
            makeList(s, "list");
            s.same("SETNX", "list", "v");
            s.same("SETEX", "list", "10", "v");
            s.same("GET", "list");
        });
    }

    @Test
    void getsetGetdelGetex() {
        script(s -> {
            s.same("GETSET", "k", "1");
            s.same("GETSET", "k", "2");
            s.same("GET", "k");
            s.same("GETSET", "k");
            s.same("GETDEL", "k");
            s.same("GETDEL", "k");
            s.same("GET", "k");
            s.same("GETDEL", "k", "x");
            s.same("SET", "k", "v");
            s.same("GETEX", "k");
            s.same("GETEX", "k", "EX", "100");
            s.same("GETEX", "k", "PX", "100000");
            s.same("GETEX", "k", "EXAT", "99999999999");
            s.same("GETEX", "k", "PXAT", "99999999999999");
            s.same("GETEX", "k", "PERSIST");
            s.same("GETEX", "k", "persist");
            s.same("GETEX", "k", "PERSIST", "EX", "10");
            s.same("GETEX", "k", "EX", "10", "PERSIST");
            s.same("GETEX", "k", "EX", "10", "PX", "10");
            s.same("GETEX", "k", "EX", "10", "EX", "20");
            s.same("GETEX", "k", "EX", "10", "EX", "0");
            s.same("GETEX", "k", "PX", "0", "PX", "10000");
            s.same("GETEX", "k", "PERSIST", "PERSIST");
            s.same("GETEX", "k", "pXaT", "99999999999999", "PXAT", "99999999999998");
            s.same("GETEX", "k", "EXAT", "99999999999", "EX", "5");
            s.same("GETEX", "k", "KEEPTTL");
            s.same("GETEX", "k", "NX");
            s.same("GETEX", "k", "GET");
            s.same("GETEX", "k", "EX");
            s.same("GETEX", "k", "EX", "0");
            s.same("GETEX", "k", "EX", "-1");
            s.same("GETEX", "k", "EX", "x");
            s.same("GETEX", "k", "PX", "0");
            s.same("GETEX", "k", "EXAT", "9223372036854776");
            s.same("GETEX", "k", "PX", "9223372036854775807");
            // a missing key answers nil before the expire time is checked
            s.same("GETEX", "missing", "EX", "0");
            s.same("GETEX", "missing", "EX", "x");
            s.same("GETEX", "missing", "FOO");
            // an absolute time already past deletes the key
            s.same("GETEX", "k", "PXAT", "1");
            s.same("GET", "k");
            s.same("SET", "k", "v");
            s.same("GETEX", "k", "EXAT", "1");
            s.same("GET", "k");
            s.same("GETEX");
            makeList(s, "list");
            s.same("GETSET", "list", "v");
            s.same("GETDEL", "list");
            s.same("GETEX", "list");
            s.same("GETEX", "list", "EX", "0");
            s.same("GETEX", "list", "FOO");
            s.same("GETEX", "list", "PERSIST");
        });
    }

    @Test
    void mgetMsetMsetnx() {
        script(s -> {
            s.same("MSET", "a", "1", "b", "2", "c", "3");
            s.same("MGET", "a", "b", "c", "d");
            s.same("MSET", "a");
            s.same("MSET", "a", "1", "b");
            s.same("MSET");
            s.same("MSETNX", "a", "1", "b");
            s.same("MSETNX", "x", "1", "a", "2");
            s.same("MGET", "x", "a");
            s.same("MSETNX", "x", "1", "y", "2");
            s.same("MGET", "x", "y");
            s.same("MSET", "a", "1", "a", "2");
            s.same("GET", "a");
            s.same("MSETNX", "p", "1", "p", "2");
            s.same("GET", "p");
            makeList(s, "list");
            s.same("MGET", "a", "list", "nope", "b");
            s.same("MGET");
            s.same("MSETNX", "list", "v", "q", "w");
            s.same("MSET", "list", "v");
            s.same("GET", "list");
        });
    }

    @Test
    void incrDecr() {
        script(s -> {
            s.same("INCR", "n");
            s.same("INCR", "n");
            s.same("DECR", "n");
            s.same("DECR", "m");
            s.same("INCRBY", "n", "100");
            s.same("INCRBY", "n", "-1000");
            s.same("DECRBY", "n", "5");
            s.same("DECRBY", "n", "-5");
            s.same("GET", "n");
            s.same("INCRBY", "n", "x");
            s.same("INCRBY", "n", "1.5");
            s.same("INCRBY", "n", "");
            s.same("INCRBY", "n", "9223372036854775808");
            s.same("DECRBY", "n", "-9223372036854775808");
            s.same("DECRBY", "n", "x");
            s.same("SET", "max", "9223372036854775807");
            s.same("INCR", "max");
            s.same("INCRBY", "max", "0");
            s.same("DECR", "max");
            s.same("SET", "min", "-9223372036854775808");
            s.same("DECR", "min");
            s.same("INCRBY", "min", "-1");
            s.same("DECRBY", "min", "1");
            s.same("INCRBY", "min", "9223372036854775807");
            s.same("SET", "zero", "0");
            s.same("DECRBY", "zero", "-9223372036854775807");
            s.same("INCRBY", "zero", "1");
            for (String bad : new String[] {"abc", "1.0", " 1", "1 ", "+1", "01", "-0", "", "99999999999999999999",
                    "9223372036854775808", "1\u0000"}) {
                s.same("SET", "bad", bad);
                s.same("INCR", "bad");
                s.same("DECRBY", "bad", "1");
                s.same("GET", "bad");
            }
            s.same("SET", "neg", "-42");
            s.same("INCR", "neg");
            s.same("APPEND", "app", "12");
            s.same("APPEND", "app", "3");
            s.same("INCR", "app");
            s.same("INCR");
            s.same("INCR", "a", "b");
            s.same("INCRBY", "a");
            makeList(s, "list");
            s.same("INCR", "list");
            s.same("DECR", "list");
            s.same("INCRBY", "list", "x");
            s.same("DECRBY", "list", "-9223372036854775808");
        });
    }

    @Test
    void incrbyfloat() {
        script(s -> {
            s.same("SET", "k", "10.5");
            s.same("INCRBYFLOAT", "k", "0.1");
            s.same("INCRBYFLOAT", "k", "-5.0e3");
            s.same("INCRBYFLOAT", "new", "3");
            s.same("INCRBYFLOAT", "new", "0x1.8p1");
            s.same("INCRBYFLOAT", "new", "1.5");
            s.same("INCRBYFLOAT", "new", "-7.5");
            s.same("GET", "new");
            s.same("SET", "big", "1e308");
            s.same("INCRBYFLOAT", "big", "1e308");
            s.same("INCRBYFLOAT", "big", "1e4900");
            s.same("INCRBYFLOAT", "big", "1.2e4932");
            s.same("INCRBYFLOAT", "x", "123456789012345678901234567890");
            s.same("INCRBYFLOAT", "y", "1.1e20");
            s.same("INCRBYFLOAT", "y", "-1.1e20");
            s.same("INCRBYFLOAT", "z", "-0");
            s.same("INCRBYFLOAT", "z", "-0.000000000000000001");
            s.same("INCRBYFLOAT", "z", "0.000000000000000005");
            s.same("INCRBYFLOAT", "z", "0.000000000000000015");
            s.same("INCRBYFLOAT", "t", "1e-4940");
            s.same("INCRBYFLOAT", "t", "1e-4960");
            s.same("INCRBYFLOAT", "t", "1e5000");
            s.same("INCRBYFLOAT", "t", "inf");
            s.same("INCRBYFLOAT", "t", "-Infinity");
            s.same("INCRBYFLOAT", "t", "nan");
            s.same("INCRBYFLOAT", "t", "0x");
            s.same("INCRBYFLOAT", "t", "1e");
            s.same("INCRBYFLOAT", "t", "e1");
            s.same("INCRBYFLOAT", "t", ".5");
            s.same("INCRBYFLOAT", "t", "5.");
            s.same("INCRBYFLOAT", "t", ".");
            s.same("INCRBYFLOAT", "t", " 1");
            s.same("INCRBYFLOAT", "t", "1 ");
            s.same("INCRBYFLOAT", "t", "");
            s.same("INCRBYFLOAT", "t", "+");
            s.same("INCRBYFLOAT", "t", "+3");
            s.same("INCRBYFLOAT", "t", "1\u00002");
            s.same("INCRBYFLOAT", "t", "3.0000000000000000001");
            s.same("INCRBYFLOAT", "t", "1E+2");
            s.same("INCRBYFLOAT", "t", "0.1e-1");
            s.same("INCRBYFLOAT", "t", "1" + "0".repeat(5000));
            s.same("INCRBYFLOAT", "t", "1" + "0".repeat(5200));
            s.same("INCRBYFLOAT", "t", "0.".repeat(1) + "0".repeat(4000) + "1");
            for (String bad : new String[] {"abc", "1.0.0", " 1", "\u00001", "inf", "-inf", "nan", "1e5000", "1e-5000"}) {
                s.same("SET", "v", bad);
                s.same("INCRBYFLOAT", "v", "1");
                s.same("GET", "v");
            }
            for (String good : new String[] {"0x10", "1e10", "-.5e-3", "+7", "1E400", "-1e-400", "0.1", "1e4932",
                    "0x1p-16440", "0x1.fffffffffffffffep16383", "4.9e-4951", "-0", "123456789.123456789123456789"}) {
                s.same("SET", "v", good);
                s.same("INCRBYFLOAT", "v", "1e400");
                s.same("INCRBYFLOAT", "v", "-1e400");
                s.same("INCRBYFLOAT", "v", "0.25");
                s.same("INCRBYFLOAT", "v", "-1.5e-12");
            }
            s.same("SET", "v", "0x1.fffffffffffffffep16383");
            s.same("INCRBYFLOAT", "v", "0x1p16320");
            s.same("SET", "v", "0x1.fffffffffffffffep16383");
            s.same("INCRBYFLOAT", "v", "0x1p16319");
            s.same("SET", "v", "0x1.fffffffffffffffep16383");
            s.same("INCRBYFLOAT", "v", "0x1.0000000000000001p16319");
            s.same("SET", "v", "9223372036854775807");
            s.same("INCRBYFLOAT", "v", "1");
            s.same("SET", "v", "  ");
            s.same("INCRBYFLOAT", "v", "1");
            s.same("INCRBYFLOAT", "k");
            s.same("INCRBYFLOAT", "k", "1", "2");
            makeList(s, "list");
            s.same("INCRBYFLOAT", "list", "1");
            s.same("INCRBYFLOAT", "list", "x");
        });
    }

    /** Sums of random values of all magnitudes: the long double arithmetic and printing must match. */
    @Test
    void incrbyfloatRandom() {
        Random rnd = new Random(42);
        run(2, s -> {
            flushFake();
            for (int i = 0; i < 400; i++) {
                String key = "r" + (i % 7);
                String inc;
                switch (rnd.nextInt(6)) {
                    case 0: inc = Double.toString(rnd.nextDouble() * 1000 - 500); break;
                    case 1: inc = Long.toString(rnd.nextLong() >> rnd.nextInt(64)); break;
                    case 2: inc = (rnd.nextInt(19) - 9) + "." + Math.abs(rnd.nextLong()) + "e" + (rnd.nextInt(80) - 40); break;
                    case 3: inc = "0." + "0".repeat(rnd.nextInt(20)) + rnd.nextInt(1000); break;
                    case 4: inc = Double.toString(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20)); break;
                    default: inc = (rnd.nextBoolean() ? "-" : "") + rnd.nextInt(100) + "." + rnd.nextInt(100); break;
                }
                s.same("INCRBYFLOAT", key, inc);
                if (rnd.nextInt(10) == 0) s.same("SET", key, inc);
            }
        });
    }

    @Test
    void appendStrlenSetrangeGetrange() {
        script(s -> {
            s.same("APPEND", "k", "hello");
            s.same("APPEND", "k", " world");
            s.same("APPEND", "k", "");
            s.same("GET", "k");
            s.same("STRLEN", "k");
            s.same("STRLEN", "missing");
            s.same("APPEND", "e", "");
            s.same("GET", "e");
            s.same("SET", "i", "12345");
            s.same("STRLEN", "i");
            s.same("APPEND", "i", "6");
            s.same("GET", "i");
            for (int j = 0; j < 100; j++) s.same("APPEND", "loop", "x" + j);
            s.same("GET", "loop");
            s.same("STRLEN", "loop");
            s.same("SETRANGE", "loop", "5", "ZZZ");
            s.same("GETRANGE", "loop", "0", "10");
            s.same("SETRANGE", "r", "5", "abc");
            s.same("GET", "r");
            s.same("SETRANGE", "r", "0", "X");
            s.same("SETRANGE", "r", "10", "end");
            s.same("GET", "r");
            s.same("SETRANGE", "r", "2", "");
            s.same("SETRANGE", "r", "100", "");
            s.same("SETRANGE", "nothing", "5", "");
            s.same("GET", "nothing");
            s.same("SETRANGE", "nothing", "0", "");
            s.same("SETRANGE", "r", "-1", "x");
            s.same("SETRANGE", "r", "x", "x");
            s.same("SETRANGE", "r", "-1", "");
            s.same("SETRANGE", "r", "536870911", "");
            s.same("SETRANGE", "r", "536870912", "x");
            s.same("SETRANGE", "r", "536870911", "xy");
            s.same("SETRANGE", "new", "536870912", "x");
            s.same("SETRANGE", "new", "9223372036854775807", "xy");
            s.same("SETRANGE", "new", "9223372036854775808", "x");
            s.same("GET", "new");
            s.same("SET", "n", "123");
            s.same("SETRANGE", "n", "1", "x");
            s.same("GET", "n");
            s.same("SETRANGE", "k");
            s.same("APPEND", "k");
            s.same("STRLEN");
            s.same("SET", "s", "Hello World");
            for (String[] r : new String[][] {{"0", "4"}, {"0", "-1"}, {"-5", "-1"}, {"-1", "-5"}, {"5", "3"},
                    {"0", "100"}, {"100", "200"}, {"-100", "2"}, {"-100", "-50"}, {"3", "-100"}, {"-1", "-1"},
                    {"0", "0"}, {"10", "10"}, {"11", "11"}, {"-9223372036854775808", "9223372036854775807"},
                    {"9223372036854775807", "-9223372036854775808"}, {"-2", "-3"}}) {
                s.same("GETRANGE", "s", r[0], r[1]);
                s.same("SUBSTR", "s", r[0], r[1]);
            }
            s.same("GETRANGE", "missing", "0", "-1");
            s.same("GETRANGE", "missing", "x", "-1");
            s.same("GETRANGE", "s", "x", "1");
            s.same("GETRANGE", "s", "1", "1.5");
            s.same("GETRANGE", "s", "1");
            s.same("SUBSTR", "s", "1", "2", "3");
            s.same("SET", "empty", "");
            s.same("GETRANGE", "empty", "0", "-1");
            s.same("GETRANGE", "empty", "0", "0");
            s.same("SET", "num", "-12345");
            s.same("GETRANGE", "num", "1", "3");
            makeList(s, "list");
            s.same("APPEND", "list", "x");
            s.same("STRLEN", "list");
            s.same("SETRANGE", "list", "0", "x");
            s.same("SETRANGE", "list", "0", "");
            s.same("SETRANGE", "list", "-1", "x");
            s.same("GETRANGE", "list", "0", "1");
            s.same("GETRANGE", "list", "x", "1");
            s.same("SUBSTR", "list", "0", "1");
        });
    }

    @Test
    void protoMaxBulkLen() {
        run(2, s -> {
            flushFake();
            config(s, "proto-max-bulk-len", "1048576");
            try {
                s.same("SETRANGE", "k", "1048575", "x");
                s.same("STRLEN", "k");
                s.same("APPEND", "k", "y");
                s.same("SETRANGE", "k", "1048576", "x");
                s.same("SETRANGE", "k", "1048575", "xy");
                s.same("SETRANGE", "k", "0", "xy");
                s.same("SET", "a", "x".repeat(1000));
                s.same("APPEND", "a", "y".repeat(1047576));
                s.same("APPEND", "a", "z");
                s.same("STRLEN", "a");
                s.same("SET", "l1", "a".repeat(600));
                s.same("SET", "l2", "b".repeat(600));
                s.same("LCS", "l1", "l2");
                s.same("LCS", "l1", "l2", "LEN");
            } finally {
                config(s, "proto-max-bulk-len", "536870912");
            }
        });
    }

    @Test
    void lcs() {
        script(s -> {
            s.same("MSET", "key1", "ohmytext", "key2", "mynewtext");
            s.same("LCS", "key1", "key2");
            s.same("LCS", "key1", "key2", "LEN");
            s.same("LCS", "key1", "key2", "IDX");
            s.same("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4");
            s.same("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN");
            s.same("LCS", "key1", "key2", "IDX", "WITHMATCHLEN");
            s.same("LCS", "key1", "key2", "idx", "minmatchlen", "-5", "withmatchlen");
            s.same("LCS", "key1", "key2", "MINMATCHLEN", "4");
            s.same("LCS", "key1", "key2", "WITHMATCHLEN");
            s.same("LCS", "key1", "key2", "LEN", "WITHMATCHLEN");
            s.same("LCS", "key1", "key2", "LEN", "IDX");
            s.same("LCS", "key1", "key2", "IDX", "LEN");
            s.same("LCS", "key1", "key2", "MINMATCHLEN");
            s.same("LCS", "key1", "key2", "MINMATCHLEN", "x");
            s.same("LCS", "key1", "key2", "FOO");
            s.same("LCS", "key1", "missing");
            s.same("LCS", "missing", "key2", "IDX");
            s.same("LCS", "missing", "nope", "LEN");
            s.same("LCS", "missing", "nope", "IDX", "WITHMATCHLEN");
            s.same("LCS", "key1", "key1", "IDX", "WITHMATCHLEN");
            s.same("LCS", "key1");
            s.same("SET", "n1", "1234567");
            s.same("SET", "n2", "1299567");
            s.same("LCS", "n1", "n2", "IDX", "WITHMATCHLEN");
            s.same("APPEND", "n1", "89");
            s.same("LCS", "n1", "n2");
            s.same("SET", "big1", "a".repeat(12000));
            s.same("SET", "big2", "a".repeat(12000));
            s.same("LCS", "big1", "big2", "LEN");
            makeList(s, "list");
            s.same("LCS", "key1", "list");
            s.same("LCS", "list", "missing");
            s.same("LCS", "list", "key1", "FOO");
            s.same("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "9223372036854775807");
            s.same("LCS", "key1", "key2", "IDX", "MINMATCHLEN", "1", "MINMATCHLEN", "2", "WITHMATCHLEN", "IDX");
            s.same("LCS", "key1", "key2", "LEN", "LEN", "MINMATCHLEN", "3");
            Random rnd = new Random(7);
            for (int i = 0; i < 60; i++) {
                int n = i < 40 ? 40 : 300;
                String a = randomText(rnd, rnd.nextInt(n)), b = randomText(rnd, rnd.nextInt(n));
                s.same("MSET", "ra", a, "rb", b);
                s.same("LCS", "ra", "rb");
                s.same("LCS", "ra", "rb", "IDX", "WITHMATCHLEN");
                s.same("LCS", "ra", "rb", "IDX", "MINMATCHLEN", Integer.toString(rnd.nextInt(4)));
            }
        });
    }

    private static String randomText(Random rnd, int n) {
        StringBuilder b = new StringBuilder();
        int letters = 2 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) b.append((char) ('a' + rnd.nextInt(letters)));
        return b.toString();
    }

    @Test
    void arity() {
        script(s -> {
            for (String cmd : new String[] {"APPEND", "DECR", "DECRBY", "GET", "GETDEL", "GETEX", "GETRANGE", "GETSET",
                    "INCR", "INCRBY", "INCRBYFLOAT", "LCS", "MGET", "MSET", "MSETNX", "PSETEX", "SET", "SETEX",
                    "SETNX", "SETRANGE", "STRLEN", "SUBSTR"}) {
                s.same(cmd);
                s.same(cmd.toLowerCase(), "a");
            }
        });
    }

    /** TTLs through TTL, when the keys family provides it. */
    @Test
    void ttlEffects() {
        run(2, s -> {
            flushFake();
            Assumptions.assumeFalse(unknown(s.fake.call("TTL", "x")), "TTL is not implemented yet");
            s.same("SET", "k", "v", "EX", "100");
            s.same("TTL", "k");
            s.same("SET", "k", "w", "KEEPTTL");
            s.same("TTL", "k");
            s.same("SET", "k", "w");
            s.same("TTL", "k");
            s.same("SETEX", "k", "50", "v");
            s.same("INCRBYFLOAT", "k", "1");
            s.same("TTL", "k");
            s.same("SET", "n", "1", "EX", "100");
            s.same("INCR", "n");
            s.same("APPEND", "n", "0");
            s.same("SETRANGE", "n", "0", "9");
            s.same("TTL", "n");
            s.same("GETSET", "n", "1");
            s.same("TTL", "n");
            s.same("GETEX", "n", "EX", "200");
            s.same("TTL", "n");
            s.same("GETEX", "n", "PERSIST");
            s.same("TTL", "n");
            s.same("MSET", "k", "v");
            s.same("TTL", "k");
        });
    }

    /** Keyspace events, when CONFIG and PSUBSCRIBE are implemented. */
    @Test
    void keyspaceEvents() {
        run(2, s -> {
            flushFake();
            Assumptions.assumeFalse(unknown(s.fake.call("CONFIG", "SET", "notify-keyspace-events", "KEA")),
                    "CONFIG SET is not implemented yet");
            s.real.call("CONFIG", "SET", "notify-keyspace-events", "KEA");
            RawConnection realSub = oracle.connect();
            RawConnection fakeSub = RawConnection.tcp(server.host(), server.port());
            try {
                realSub.call("PSUBSCRIBE", "__key*__:*");
                byte[] ack = fakeSub.call("PSUBSCRIBE", "__key*__:*");
                Assumptions.assumeFalse(unknown(ack), "PSUBSCRIBE is not implemented yet");
                String[][] cmds = {
                    {"SET", "k", "v"}, {"SET", "k", "v", "EX", "100"}, {"SET", "k", "v", "NX"}, {"SET", "k", "v", "XX", "GET"},
                    {"SETNX", "n", "1"}, {"SETEX", "e", "10", "v"}, {"PSETEX", "e", "10000", "v"},
                    {"GETSET", "k", "2"}, {"GETDEL", "k"}, {"GETDEL", "k"}, {"GET", "missing"},
                    {"SET", "g", "v"}, {"GETEX", "g", "EX", "100"}, {"GETEX", "g", "PERSIST"}, {"GETEX", "g", "PERSIST"},
                    {"GETEX", "g", "PXAT", "1"}, {"MSET", "a", "1", "b", "2"}, {"MSETNX", "a", "1", "c", "3"},
                    {"MSETNX", "c", "1", "d", "3"}, {"INCR", "i"}, {"DECRBY", "i", "5"}, {"INCRBYFLOAT", "f", "1.5"},
                    {"APPEND", "ap", "x"}, {"APPEND", "ap", "y"}, {"SETRANGE", "sr", "2", "x"}, {"SETRANGE", "sr", "0", ""},
                    {"SETRANGE", "sr", "0", "y"}, {"MGET", "a", "zz"}, {"STRLEN", "zz"}, {"LCS", "a", "zz"},
                    {"INCR", "ap"},
                };
                for (String[] cmd : cmds) s.same(cmd);
                assertEquals(drain(realSub), drain(fakeSub));
            } finally {
                s.same("CONFIG", "SET", "notify-keyspace-events", "");
                realSub.close();
                fakeSub.close();
            }
        });
    }

    /** Messages received until a PING round trip, shown as text. */
    private static List<String> drain(RawConnection sub) {
        List<String> out = new ArrayList<>();
        sub.write(RawConnection.encode(RawConnection.utf8("PING")));
        while (true) {
            byte[] m = sub.read();
            String text = RawConnection.show(m);
            if (text.contains("pong")) return out;
            out.add(text);
        }
    }

    @Test
    void binarySafe() {
        script(s -> {
            byte[] key = {'k', 0, (byte) 0xff};
            byte[] val = {0, 1, 2, (byte) 0x80, '\r', '\n'};
            s.same("SET".getBytes(), key, val);
            s.same("GET".getBytes(), key);
            s.same("APPEND".getBytes(), key, val);
            s.same("GETRANGE".getBytes(), key, "2".getBytes(), "8".getBytes());
            byte[] r1 = s.real.call("GET".getBytes(), key);
            assertArrayEquals(r1, s.fake.call("GET".getBytes(), key));
        });
    }
}
