package io.fakeredis.core.type;

import io.fakeredis.core.util.ByteKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fakeredis.core.type.ZSetValue.LexRange;
import io.fakeredis.core.type.ZSetValue.Node;
import io.fakeredis.core.type.ZSetValue.ScoreRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The skip list checked against a simple sorted model. */
class ZSetValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Model entry ordered like Redis: score, then member bytes. */
    private record E(double score, String ele) {}

    private static final Comparator<E> ORDER = (x, y) -> {
        int c = Double.compare(x.score == 0 ? 0.0 : x.score, y.score == 0 ? 0.0 : y.score);
        return c != 0 ? c : ByteKey.compare(b(x.ele), b(y.ele));
    };

    private static List<E> snapshot(ZSetValue z) {
        List<E> out = new ArrayList<>();
        for (Node x = z.first(); x != null; x = x.next()) out.add(new E(x.score, new String(x.ele, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void randomOperationsMatchModel() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        ZSetValue z = new ZSetValue(false);
        TreeMap<String, Double> model = new TreeMap<>();
        for (int i = 0; i < 20000; i++) {
            String m = "m" + r.nextInt(300);
            double s = r.nextInt(50) - 25 + (r.nextBoolean() ? 0.5 : 0);
            int op = r.nextInt(3);
            Node n = z.node(b(m));
            if (op == 0) {
                if (n == null) {
                    z.insert(s, b(m), Long.MAX_VALUE, Long.MAX_VALUE);
                } else {
                    z.update(n, s);
                }
                model.put(m, s);
            } else if (op == 1) {
                assertEquals(model.remove(m) != null, z.remove(b(m)), "seed " + seed);
            } else if (n != null) {
                z.update(n, s);
                model.put(m, s);
            }
        }
        List<E> expected = new ArrayList<>();
        model.forEach((k, v) -> expected.add(new E(v, k)));
        expected.sort(ORDER);
        assertEquals(expected, snapshot(z), "seed " + seed);
        assertEquals(expected.size(), z.size());
        for (int i = 0; i < expected.size(); i++) {
            Node n = z.byRank(i);
            assertEquals(expected.get(i).ele, new String(n.ele, StandardCharsets.UTF_8), "seed " + seed);
            assertEquals(i, z.rank(z.node(b(expected.get(i).ele))), "seed " + seed);
        }
        assertNull(z.byRank(expected.size()));
        assertNull(z.byRank(-1));
        // backward links agree with forward ones
        List<E> back = new ArrayList<>();
        for (Node x = z.last(); x != null; x = x.prev()) back.add(0, new E(x.score, new String(x.ele, StandardCharsets.UTF_8)));
        assertEquals(expected, back);
    }

    @Test
    void scoreRanges() {
        ZSetValue z = new ZSetValue(false);
        for (int i = 1; i <= 5; i++) z.insert(i, b("e" + i), Long.MAX_VALUE, Long.MAX_VALUE);
        assertEquals("e2", str(z.firstInRange(new ScoreRange(2, false, 4, false))));
        assertEquals("e3", str(z.firstInRange(new ScoreRange(2, true, 4, false))));
        assertEquals("e4", str(z.lastInRange(new ScoreRange(2, false, 4, false))));
        assertEquals("e3", str(z.lastInRange(new ScoreRange(2, false, 4, true))));
        assertNull(z.firstInRange(new ScoreRange(3, true, 3, false)));
        assertNull(z.firstInRange(new ScoreRange(6, false, 9, false)));
        assertNull(z.lastInRange(new ScoreRange(-9, false, 0, false)));
        assertEquals("e1", str(z.firstInRange(new ScoreRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false))));
        assertEquals("e5", str(z.lastInRange(new ScoreRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false))));
    }

    @Test
    void lexRanges() {
        for (boolean listpack : new boolean[] {true, false}) {
            ZSetValue z = new ZSetValue(listpack);
            for (String m : new String[] {"a", "b", "c", "d"}) z.insert(0, b(m), Long.MAX_VALUE, Long.MAX_VALUE);
            assertEquals("b", str(z.firstInLex(new LexRange(0, b("b"), false, 0, b("c"), false))));
            assertEquals("c", str(z.firstInLex(new LexRange(0, b("b"), true, 1, null, true))));
            assertEquals("d", str(z.lastInLex(new LexRange(-1, null, true, 1, null, true))));
            assertEquals("b", str(z.lastInLex(new LexRange(-1, null, true, 0, b("c"), true))));
            assertNull(z.firstInLex(new LexRange(1, null, true, -1, null, true)));
            assertNull(z.firstInLex(new LexRange(-1, null, true, -1, null, true)));
            assertNull(z.firstInLex(new LexRange(0, b("c"), true, 0, b("c"), false)));
        }
    }

    @Test
    void encodingAndNegativeZero() {
        ZSetValue z = new ZSetValue(true);
        z.insert(-0.0, b("a"), 2, 64);
        assertEquals(0, Double.compare(0.0, z.score(b("a"))), "a listpack stores -0 as 0");
        z.insert(1, b("b"), 2, 64);
        assertTrue(z.isListpack());
        z.insert(2, b("c"), 2, 64);
        assertFalse(z.isListpack());
        z.update(z.node(b("c")), -0.0);
        assertEquals(0, Double.compare(-0.0, z.score(b("c"))), "a skiplist keeps -0");
        ZSetValue w = new ZSetValue(true);
        w.insert(1, b("x".repeat(65)), 128, 64);
        assertFalse(w.isListpack());
        ZSetValue copy = z.copy();
        z.remove(b("a"));
        assertEquals(3, copy.size());
        assertArrayEquals(b("c"), copy.byRank(1).ele); // a(0) c(-0) b(1)
    }

    private static String str(Node n) {
        return n == null ? null : new String(n.ele, StandardCharsets.UTF_8);
    }
}
