package io.fakeredis.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Stream commands compared byte for byte with Redis 7.0.15; auto IDs compared by shape. */
class StreamConformanceTest extends ConformanceTest {

    @Test
    void xaddExplicitIdsAndErrors() {
        run(s -> {
            s.same("XADD", "s", "1-1", "a", "1");
            s.same("XADD", "s", "1-2", "a", "2", "b", "3");
            s.same("XADD", "s", "1-2", "a", "2");
            s.same("XADD", "s", "1-1", "a", "2");
            s.same("XADD", "s", "1", "a", "2");
            s.same("XADD", "s", "1-*", "a", "x");
            s.same("XADD", "s", "5-*", "a", "x");
            s.same("XADD", "s", "5-*", "a", "y");
            s.same("XADD", "s", "4-*", "a", "y");
            s.same("XADD", "s", "7", "a", "y");
            s.same("XADD", "s", "18446744073709551615-5", "a", "y");
            s.same("XADD", "s", "18446744073709551615-*", "a", "y");
            s.same("XADD", "s", "18446744073709551616-0", "a", "y");
            s.same("XADD", "new", "0-0", "a", "b");
            s.same("XADD", "new", "0", "a", "b");
            s.same("EXISTS", "new");
            s.same("XADD", "new", "0-*", "a", "b");
            s.same("XADD", "new2", "-", "a", "b");
            s.same("XADD", "new2", "+", "a", "b");
            s.same("XADD", "new2", "1-x", "a", "b");
            s.same("XADD", "new2", "x-1", "a", "b");
            s.same("XADD", "new2", "-1", "a", "b");
            s.same("XADD", "new2", "1-2-3", "a", "b");
            s.same("XADD", "new2", " 5-1", "a", "b");
            s.same("XADD", "new2", "10-*", "a");
            s.same("XADD", "new2", "10-*", "a", "b", "c");
            s.same("XADD", "new2", "10-*");
            s.same("XADD", "new2");
            s.same("EXISTS", "new2");
            s.same("XADD", "nom", "NOMKSTREAM", "1-1", "a", "b");
            s.same("EXISTS", "nom");
            s.same("XADD", "s", "NOMKSTREAM", "100-1", "a", "b");
            s.same("SET", "str", "x");
            s.same("XADD", "str", "1-1", "a", "b");
            s.same("XLEN", "str");
            s.same("XLEN", "s");
            s.same("XLEN", "nokey");
            s.same("TYPE", "s");
            s.same("OBJECT", "ENCODING", "s");
            s.same("XRANGE", "s", "-", "+");
            s.same("XADD", "m", "MAXLEN", "x", "1-1", "a", "b");
            s.same("XADD", "m", "MAXLEN", "-1", "1-1", "a", "b");
            s.same("XADD", "m", "MAXLEN", "1", "MINID", "1", "1-1", "a", "b");
            s.same("XADD", "m", "LIMIT", "10", "1-1", "a", "b");
            s.same("XADD", "m", "MAXLEN", "1", "LIMIT", "10", "1-1", "a", "b");
            s.same("XADD", "m", "MAXLEN", "~", "1", "LIMIT", "-1", "1-1", "a", "b");
            s.same("XADD", "m", "MINID", "+", "1-1", "a", "b");
            s.same("XADD", "m", "MAXLEN", "~");
            s.same("XADD", "m", "1-1", "a", "b", "MAXLEN", "1");
        });
    }

    @Test
    void xaddAutoIdsHaveTheRightShape() {
        run(s -> {
            byte[][] r = s.both("XADD", "s", "*", "a", "b");
            assertEquals(shape(r[0]), shape(r[1]));
            r = s.both("XADD", "s", "MAXLEN", "=", "5", "*", "a", "b");
            assertEquals(shape(r[0]), shape(r[1]));
            s.same("XLEN", "s");
            s.same("XADD", "s", "1-1", "a", "b");
        });
    }

    private static String shape(byte[] reply) {
        return RawConnection.show(reply).replaceAll("[0-9]+-[0-9]+", "ID").replaceAll("\\$[0-9]+", "\\$N");
    }

    @Test
    void xrangeAndXrevrange() {
        run(s -> {
            for (int i = 1; i <= 6; i++) s.same("XADD", "s", i + "-" + i, "f" + i, "v" + i, "g", "x");
            s.same("XRANGE", "s", "-", "+");
            s.same("XREVRANGE", "s", "+", "-");
            s.same("XRANGE", "s", "2", "4");
            s.same("XRANGE", "s", "2-2", "4-3");
            s.same("XRANGE", "s", "(2-2", "(5-5");
            s.same("XREVRANGE", "s", "(5-5", "(2-2");
            s.same("XRANGE", "s", "-", "+", "COUNT", "2");
            s.same("XREVRANGE", "s", "+", "-", "COUNT", "2");
            s.same("XRANGE", "s", "-", "+", "COUNT", "0");
            s.same("XRANGE", "s", "-", "+", "COUNT", "-3");
            s.same("XRANGE", "s", "-", "+", "COUNT", "x");
            s.same("XRANGE", "s", "-", "+", "COUNT");
            s.same("XRANGE", "s", "-", "+", "LIMIT", "1");
            s.same("XRANGE", "s", "5", "2");
            s.same("XRANGE", "s", "(-", "+");
            s.same("XRANGE", "s", "-", "(+");
            s.same("XRANGE", "s", "(18446744073709551615-18446744073709551615", "+");
            s.same("XRANGE", "s", "-", "(0-0");
            s.same("XRANGE", "s", "(0", "+");
            s.same("XRANGE", "s", "x", "+");
            s.same("XRANGE", "s", "(", "+");
            s.same("XRANGE", "nokey", "-", "+");
            s.same("XRANGE", "nokey", "-", "+", "COUNT", "0");
            s.same("XRANGE", "nokey", "x", "+");
            s.same("SET", "str", "x");
            s.same("XRANGE", "str", "-", "+");
            s.same("XREVRANGE", "str", "+", "-");
            s.same("XRANGE", "s", "-");
        });
    }

    @Test
    void xdelXtrimXsetid() {
        run(s -> {
            for (int i = 1; i <= 10; i++) s.same("XADD", "s", i + "-0", "f", "v" + i);
            s.same("XDEL", "s", "3-0", "3-0", "4", "99-0");
            s.same("XDEL", "s", "x");
            s.same("XDEL", "s", "5-0", "x");
            s.same("XDEL", "nokey", "x");
            s.same("XDEL", "s", "1-0");
            s.same("XRANGE", "s", "-", "+");
            s.same("XTRIM", "s", "MAXLEN", "6");
            s.same("XTRIM", "s", "MAXLEN", "=", "6");
            s.same("XTRIM", "s", "MINID", "8");
            s.same("XRANGE", "s", "-", "+");
            s.same("XTRIM", "s", "MAXLEN", "~", "0");
            s.same("XTRIM", "s", "MAXLEN", "0");
            s.same("XLEN", "s");
            s.same("EXISTS", "s");
            s.same("XTRIM", "s");
            s.same("XTRIM", "s", "LIMIT", "1");
            s.same("XTRIM", "s", "NOMKSTREAM");
            s.same("XTRIM", "s", "MAXLEN", "1", "LIMIT", "1");
            s.same("XTRIM", "s", "MAXLEN", "~", "1", "LIMIT", "1");
            s.same("XTRIM", "s", "MAXLEN", "1", "MINID", "1");
            s.same("XTRIM", "nokey", "MAXLEN", "1");
            s.same("XTRIM", "nokey", "FOO");
            // the arguments are checked before the key is looked up (found by StreamFuzzTest)
            s.same("XTRIM", "nokey", "MAXLEN", "x");
            s.same("XTRIM", "nokey", "MINID", "-1");
            s.same("XTRIM", "nokey", "MAXLEN", "1", "LIMIT", "1");
            s.same("SET", "str", "x");
            s.same("XTRIM", "str", "MAXLEN", "1");
            s.same("XTRIM", "str", "MAXLEN", "x");
            s.same("XDEL", "str", "1");
            s.same("XADD", "s", "10-0", "a", "b");
            s.same("XADD", "s", "10-1", "a", "b");
            s.same("XSETID", "s", "10-0");
            s.same("XSETID", "s", "20-0");
            s.same("XADD", "s", "19-0", "a", "b");
            s.same("XADD", "s", "20-*", "a", "b");
            s.same("XSETID", "s", "30-0", "ENTRIESADDED", "1");
            s.same("XSETID", "s", "30-0", "ENTRIESADDED", "-1");
            s.same("XSETID", "s", "30-0", "ENTRIESADDED", "x");
            s.same("XSETID", "s", "30-0", "MAXDELETEDID", "40-0");
            s.same("XSETID", "s", "30-0", "MAXDELETEDID", "25-0", "ENTRIESADDED", "100");
            s.same("XSETID", "s", "30-0", "MAXDELETEDID", "25-0", "ENTRIESADDED");
            s.same("XSETID", "s", "30-0", "FOO", "1");
            s.same("XSETID", "s", "+");
            s.same("XSETID", "nokey", "1-1");
            s.same("XSETID", "str", "1-1");
            s.same("XDEL", "s", "10-1");
            s.same("XDEL", "s", "20-1");
            s.same("XLEN", "s");
            s.same("XSETID", "s", "1-0");
        });
    }

    @Test
    void approximateTrimmingFollowsNodes() {
        run(s -> {
            for (int i = 1; i <= 350; i++) s.same("XADD", "s", i + "-0", "f", "v");
            s.same("XTRIM", "s", "MAXLEN", "~", "120");
            s.same("XLEN", "s");
            s.same("XTRIM", "s", "MAXLEN", "~", "99");
            s.same("XTRIM", "s", "MINID", "~", "290");
            s.same("XTRIM", "s", "MINID", "~", "320");
            s.same("XLEN", "s");
            for (int i = 1; i <= 250; i++) s.same("XADD", "t", i + "-0", "f", "v");
            s.same("XDEL", "t", "150-0", "160-0");
            s.same("XTRIM", "t", "MAXLEN", "~", "10", "LIMIT", "150");
            s.same("XLEN", "t");
            s.same("XTRIM", "t", "MAXLEN", "~", "10", "LIMIT", "250");
            s.same("XLEN", "t");
            for (int i = 1; i <= 250; i++) s.same("XADD", "u", "MAXLEN", "~", "120", i + "-0", "f", "v");
            s.same("XLEN", "u");
            s.same("XRANGE", "u", "-", "+", "COUNT", "1");
        });
    }

    @Test
    void xread() {
        run(s -> {
            s.same("XADD", "a", "1-0", "f", "1");
            s.same("XADD", "a", "2-0", "f", "2");
            s.same("XADD", "b", "5-0", "g", "1");
            s.same("XREAD", "STREAMS", "a", "b", "0", "0");
            s.same("XREAD", "COUNT", "1", "STREAMS", "a", "b", "0", "0");
            s.same("XREAD", "STREAMS", "a", "b", "1", "5");
            s.same("XREAD", "STREAMS", "a", "b", "$", "$");
            s.same("XREAD", "STREAMS", "a", "nokey", "0", "$");
            s.same("XREAD", "BLOCK", "0", "COUNT", "1", "STREAMS", "a", "0-0");
            s.same("XREAD", "STREAMS", "a", "b", "0");
            s.same("XREAD", "STREAMS");
            s.same("XREAD", "COUNT", "x", "STREAMS", "a", "0");
            s.same("XREAD", "BLOCK", "-1", "STREAMS", "a", "0");
            s.same("XREAD", "BLOCK", "x", "STREAMS", "a", "0");
            s.same("XREAD", "BLOCK", "1.5", "STREAMS", "a", "0");
            s.same("XREAD", "GROUP", "g", "c", "STREAMS", "a", "0");
            s.same("XREAD", "NOACK", "STREAMS", "a", "0");
            s.same("XREAD", "FOO", "STREAMS", "a", "0");
            s.same("XREAD", "COUNT", "1");
            s.same("XREAD", "STREAMS", "a", ">");
            s.same("XREAD", "STREAMS", "a", "x");
            s.same("XREAD", "STREAMS", "a", "-");
            s.same("SET", "str", "x");
            s.same("XREAD", "STREAMS", "str", "0");
            s.same("XREAD", "STREAMS", "a", "str", "0", "0");
            s.same("XREAD", "BLOCK", "10", "STREAMS", "a", "$");
            s.same("XREAD", "BLOCK", "10", "STREAMS", "nokey", "0");
            s.same("MULTI");
            s.same("XREAD", "BLOCK", "0", "STREAMS", "a", "$");
            s.same("EXEC");
        });
    }

    @Test
    void xreadBlockIsServedByXadd() {
        run(s -> {
            s.same("XADD", "a", "1-0", "f", "1");
            try (ConformanceTest.Session other = s.another()) {
                byte[][] cmd = RawConnection.utf8("XREAD", "BLOCK", "0", "COUNT", "5", "STREAMS", "nokey", "a", "$", "$");
                other.real.write(RawConnection.encode(cmd));
                other.fake.write(RawConnection.encode(cmd));
                BlockingConformanceTest.pause();
                s.same("XADD", "nokey", "3-0", "x", "y");
                byte[] r = other.real.read();
                byte[] f = other.fake.read();
                assertEquals(RawConnection.show(r), RawConnection.show(f));
                other.real.write(RawConnection.encode(RawConnection.utf8("XREAD", "BLOCK", "0", "STREAMS", "a", "1-0")));
                other.fake.write(RawConnection.encode(RawConnection.utf8("XREAD", "BLOCK", "0", "STREAMS", "a", "1-0")));
                BlockingConformanceTest.pause();
                s.same("XADD", "a", "2-0", "f", "2");
                assertEquals(RawConnection.show(other.real.read()), RawConnection.show(other.fake.read()));
            }
        });
    }

    @Test
    void keyspaceEvents() {
        run(s -> s.sameEvents("KEA",
                new String[] {"XADD", "s", "1-0", "a", "b"},
                new String[] {"XADD", "s", "MAXLEN", "1", "2-0", "a", "b"},
                new String[] {"XADD", "s", "3-0", "a", "b"},
                new String[] {"XDEL", "s", "3-0"},
                new String[] {"XDEL", "s", "3-0"},
                new String[] {"XTRIM", "s", "MAXLEN", "0"},
                new String[] {"XTRIM", "s", "MAXLEN", "0"},
                new String[] {"XSETID", "s", "5-0"},
                new String[] {"DEL", "s"}));
    }

    @Test
    void xinfoStream() {
        run(s -> {
            s.same("XINFO", "STREAM", "nokey");
            s.same("SET", "str", "x");
            s.same("XINFO", "STREAM", "str");
            s.same("XADD", "s", "1-1", "a", "b");
            s.same("XINFO", "STREAM", "s");
            s.same("XINFO", "STREAM", "s", "FOO");
            s.same("XDEL", "s", "1-1");
            s.same("XINFO", "STREAM", "s");
            for (int i = 1; i <= 450; i++) s.same("XADD", "s", (i * 37 + 1000) + "-" + (i % 3), "f", "v");
            s.same("XINFO", "STREAM", "s");
            s.same("XDEL", "s", "1037-1", "5000-0");
            s.same("XTRIM", "s", "MAXLEN", "~", "230");
            s.same("XINFO", "STREAM", "s");
            for (int i = 1; i <= 300; i++) s.same("XADD", "s", "MAXLEN", "~", "150", (i * 100000 + 70000) + "-0", "f", "v");
            s.same("XINFO", "STREAM", "s");
            s.same("XSETID", "s", "99999999999-5", "ENTRIESADDED", "9999", "MAXDELETEDID", "99999999999-0");
            s.same("XINFO", "STREAM", "s");
            s.same("XTRIM", "s", "MAXLEN", "0");
            s.same("XINFO", "STREAM", "s");
        });
    }
}
