package io.fakeredis.core.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keyspace table: probing invariants, resizing, backward-shift deletion and SCAN guarantees. */
class DictTest {

    private static byte[] k(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Every stored key is reachable from its home slot, and the counts agree with the slots. */
    private static void checkInvariants(Dict d) {
        int n = 0, vol = 0;
        for (int i = 0; i < d.capacity(); i++) {
            byte[] key = d.keyAt(i);
            if (key == null) {
                assertNull(d.valueAt(i), "value left in empty slot " + i);
                assertEquals(0, d.expireAt(i), "expire left in empty slot " + i);
                continue;
            }
            n++;
            if (d.expireAt(i) != 0) vol++;
            assertEquals(i, d.find(key), "key " + s(key) + " not reachable from its home");
        }
        assertEquals(n, d.size());
        assertEquals(vol, d.volatileCount());
        assertTrue(d.size() * 4L <= d.capacity() * 3L, "over-full: " + d.size() + "/" + d.capacity());
        assertTrue(d.capacity() == 16 || d.size() * 8L >= d.capacity() / 2, "not shrunk: " + d.size() + "/" + d.capacity());
    }

    @Test
    void putFindReplaceRemove() {
        Dict d = new Dict();
        assertEquals(0, d.size());
        assertEquals(-1, d.find(k("a")));
        int s = d.put(k("a"), "1");
        assertEquals(s, d.find(k("a")));
        assertEquals("1", d.get(k("a")));
        d.setExpireAt(s, 1234);
        d.setAccessAt(s, 77);
        assertEquals(1, d.volatileCount());
        // replacing keeps TTL and access
        assertEquals(s, d.put(k("a"), "2"));
        assertEquals("2", d.get(k("a")));
        assertEquals(1234, d.expireAt(s));
        assertEquals(77, d.accessAt(s));
        assertEquals(1, d.size());
        // the key array is kept, not copied
        byte[] key = k("b");
        assertSame(key, d.keyAt(d.put(key, "x")));
        assertTrue(d.remove(k("a")));
        assertFalse(d.remove(k("a")));
        assertEquals(0, d.volatileCount());
        assertEquals(1, d.size());
        // empty key and binary keys are ordinary keys
        d.put(new byte[0], "empty");
        d.put(new byte[] {0, (byte) 0xff}, "bin");
        assertEquals("empty", d.get(new byte[0]));
        assertEquals("bin", d.get(new byte[] {0, (byte) 0xff}));
        checkInvariants(d);
    }

    @Test
    void expireBookkeeping() {
        Dict d = new Dict();
        int s = d.put(k("a"), "v");
        d.setExpireAt(s, 0); // clearing an absent TTL is a no-op
        assertEquals(0, d.volatileCount());
        d.setExpireAt(s, 10);
        d.setExpireAt(s, 20); // changing a TTL does not count twice
        assertEquals(1, d.volatileCount());
        d.setExpireAt(s, 0);
        assertEquals(0, d.volatileCount());
        d.setExpireAt(s, 5);
        d.clear();
        assertEquals(0, d.volatileCount());
        assertEquals(0, d.size());
        assertEquals(16, d.capacity());
        s = d.put(k("a"), "v");
        assertEquals(0, d.expireAt(s), "a new key after clear has no TTL");
    }

    @Test
    void growsAndShrinks() {
        Dict d = new Dict();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            int s = d.put(k("key:" + i), i);
            if (i % 2 == 0) d.setExpireAt(s, 1000 + i);
            d.setAccessAt(s, i);
        }
        assertEquals(n, d.size());
        assertTrue(d.capacity() >= n * 4 / 3);
        checkInvariants(d);
        for (int i = 0; i < n; i++) {
            int s = d.find(k("key:" + i));
            assertEquals(i, d.valueAt(s));
            assertEquals(i % 2 == 0 ? 1000 + i : 0, d.expireAt(s));
            assertEquals(i, d.accessAt(s));
        }
        int big = d.capacity();
        for (int i = 0; i < n - 10; i++) assertTrue(d.remove(k("key:" + i)));
        assertTrue(d.capacity() < big / 100, "capacity " + d.capacity());
        checkInvariants(d);
        for (int i = n - 10; i < n; i++) {
            int s = d.find(k("key:" + i));
            assertEquals(i, d.valueAt(s));
            assertEquals(i % 2 == 0 ? 1000 + i : 0, d.expireAt(s));
            assertEquals(i, d.accessAt(s));
        }
        for (int i = n - 10; i < n; i++) d.remove(k("key:" + i));
        assertEquals(16, d.capacity());
        assertEquals(0, d.size());
        assertEquals(0, d.volatileCount());
    }

    /** Random operations against a HashMap, checking every invariant as it goes. */
    @Test
    void randomOperationsMatchAModel() {
        Random r = new Random(7);
        Dict d = new Dict();
        Map<String, Object[]> model = new HashMap<>(); // key -> {value, expire, access}
        for (int step = 0; step < 60_000; step++) {
            // a small key space forces long clusters, wrap-around and many shifts
            String key = "k" + r.nextInt(step < 30_000 ? 400 : 40);
            int op = r.nextInt(10);
            if (op < 5) {
                int s = d.put(k(key), step);
                Object[] m = model.computeIfAbsent(key, x -> new Object[] {null, 0L, 0});
                m[0] = step;
                if (r.nextBoolean()) {
                    long e = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(1000);
                    d.setExpireAt(s, e);
                    m[1] = e;
                }
                d.setAccessAt(s, step);
                m[2] = step;
            } else {
                assertEquals(model.remove(key) != null, d.remove(k(key)));
            }
            if (step % 997 == 0) checkInvariants(d);
        }
        checkInvariants(d);
        assertEquals(model.size(), d.size());
        for (Map.Entry<String, Object[]> e : model.entrySet()) {
            int s = d.find(k(e.getKey()));
            assertTrue(s >= 0, e.getKey());
            assertEquals(e.getValue()[0], d.valueAt(s));
            assertEquals((long) (Long) e.getValue()[1], d.expireAt(s));
            assertEquals((int) (Integer) e.getValue()[2], d.accessAt(s));
        }
    }

    /** Deleting from the middle of a cluster moves later members back, across the table's end too. */
    @Test
    void removeAtShiftsClusterMembersBack() {
        Dict d = new Dict(); // 16 slots until 12 keys
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add("c" + i);
            d.put(k("c" + i), i);
        }
        assertEquals(16, d.capacity());
        Random r = new Random(3);
        // remove and re-add in every order over the crowded table
        for (int round = 0; round < 2000; round++) {
            String victim = keys.get(r.nextInt(keys.size()));
            int slot = d.find(k(victim));
            d.removeAt(slot);
            assertEquals(-1, d.find(k(victim)));
            checkInvariants(d);
            d.put(k(victim), round);
            checkInvariants(d);
        }
    }

    private static Set<String> scanAll(Dict d, int count) {
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        do {
            cursor = d.scan(cursor, count, s -> seen.add(s(d.keyAt(s))));
        } while (cursor != 0);
        return seen;
    }

    @Test
    void scanVisitsEveryKey() {
        Dict d = new Dict();
        assertEquals(0, d.scan(0, 10, s -> { throw new AssertionError(); }));
        for (int i = 0; i < 5000; i++) d.put(k("s" + i), i);
        for (int count : new int[] {1, 3, 10, 100, 100_000}) {
            Set<String> seen = scanAll(d, count);
            assertEquals(5000, seen.size(), "count " + count);
        }
    }

    @Test
    void scanVisitsEachKeyOnceWithoutResizes() {
        Dict d = new Dict();
        for (int i = 0; i < 3000; i++) d.put(k("s" + i), i);
        Map<String, Integer> times = new HashMap<>();
        long cursor = 0;
        do {
            cursor = d.scan(cursor, 7, s -> times.merge(s(d.keyAt(s)), 1, Integer::sum));
        } while (cursor != 0);
        assertEquals(3000, times.size());
        for (int t : times.values()) assertEquals(1, t);
    }

    @Test
    void scanCountIsAFloorPerCall() {
        Dict d = new Dict();
        for (int i = 0; i < 1000; i++) d.put(k("s" + i), i);
        long cursor = 0;
        int calls = 0;
        do {
            int[] got = {0};
            cursor = d.scan(cursor, 10, s -> got[0]++);
            if (cursor != 0) assertTrue(got[0] >= 10, "only " + got[0]);
            calls++;
        } while (cursor != 0);
        assertTrue(calls <= 101, calls + " calls");
    }

    /** Keys present for the whole scan are returned even when the table grows or shrinks between calls. */
    @Test
    void scanGuaranteeAcrossResizes() {
        Random r = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            Dict d = new Dict();
            Set<String> stable = new HashSet<>();
            int base = 50 + r.nextInt(2000);
            for (int i = 0; i < base; i++) {
                d.put(k("stable" + i), i);
                stable.add("stable" + i);
            }
            List<String> churn = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long cursor = 0;
            int next = 0;
            boolean growing = r.nextBoolean();
            do {
                cursor = d.scan(cursor, 1 + r.nextInt(20), s -> seen.add(s(d.keyAt(s))));
                // between calls: big inserts (growth) or big removals (shrink), never of stable keys
                int burst = r.nextInt(300);
                if (growing || churn.isEmpty()) {
                    for (int j = 0; j < burst; j++) {
                        String c = "churn" + next++;
                        d.put(k(c), 0);
                        churn.add(c);
                    }
                } else {
                    for (int j = 0; j < burst && !churn.isEmpty(); j++) d.remove(k(churn.remove(churn.size() - 1)));
                }
                if (r.nextInt(8) == 0) growing = !growing;
            } while (cursor != 0);
            for (String key : stable) assertTrue(seen.contains(key), "trial " + trial + " missed " + key);
            for (String key : seen) assertTrue(key.startsWith("stable") || key.startsWith("churn"), key);
        }
    }

    @Test
    void scanCursorsBeyondTheTableFinish() {
        Dict d = new Dict();
        for (int i = 0; i < 100; i++) d.put(k("s" + i), i);
        assertEquals(0, d.scan(1L << 32, 10, s -> { throw new AssertionError("visited"); }));
        assertEquals(0, d.scan(-1L, 10, s -> { throw new AssertionError("visited"); }));
        assertEquals(0, d.scan(Long.MIN_VALUE, 10, s -> { throw new AssertionError("visited"); }));
        // any cursor inside the hash space is a valid place to resume
        Set<String> tail = new HashSet<>();
        long cursor = 0xF0000000L;
        do {
            cursor = d.scan(cursor, 5, s -> tail.add(s(d.keyAt(s))));
        } while (cursor != 0);
        assertTrue(tail.size() < 100);
    }

    @Test
    void randomSlotCoversTheKeys() {
        Dict d = new Dict();
        Random r = new Random(5);
        assertEquals(-1, d.randomSlot(r));
        for (int i = 0; i < 20; i++) d.put(k("r" + i), i);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int s = d.randomSlot(r);
            assertTrue(d.keyAt(s) != null);
            seen.add(s(d.keyAt(s)));
        }
        assertEquals(20, seen.size());
    }

    @Test
    void keysStayTheCallersArrays() {
        Dict d = new Dict();
        byte[] key = k("x");
        d.put(key, 1);
        for (int i = 0; i < 1000; i++) d.put(k("f" + i), i); // several resizes
        assertSame(key, d.keyAt(d.find(k("x"))));
        assertArrayEquals(k("x"), d.keyAt(d.find(key)));
    }
}
