package io.fakeredis.core.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fakeredis.core.config.Config;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ListValue and HashValue against plain Java collections, with seeded random operations. */
class ListHashValueTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void listMatchesAnArrayList() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        ListValue l = new ListValue();
        List<String> model = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            int op = r.nextInt(8);
            String v = Integer.toString(r.nextInt(50));
            switch (op) {
                case 0: l.pushHead(b(v)); model.add(0, v); break;
                case 1: l.pushTail(b(v)); model.add(v); break;
                case 2: if (!model.isEmpty()) assertEquals(model.remove(0), new String(l.popHead(), StandardCharsets.UTF_8)); break;
                case 3: if (!model.isEmpty()) assertEquals(model.remove(model.size() - 1), new String(l.popTail(), StandardCharsets.UTF_8)); break;
                case 4: { int i = r.nextInt(model.size() + 1); l.insert(i, b(v)); model.add(i, v); break; }
                case 5: if (!model.isEmpty()) { int i = r.nextInt(model.size()); l.remove(i); model.remove(i); } break;
                case 6: if (model.size() > 2 && r.nextInt(20) == 0) {
                            int s = r.nextInt(model.size()), e = s + r.nextInt(model.size() - s);
                            l.trim(s, e);
                            List<String> m2 = new ArrayList<>(model.subList(s, e + 1));
                            model.clear();
                            model.addAll(m2);
                        }
                        break;
                default:
                    if (!model.isEmpty()) { int i = r.nextInt(model.size()); assertEquals(model.get(i), new String(l.get(i), StandardCharsets.UTF_8), "seed " + seed); }
            }
            assertEquals(model.size(), l.size(), "seed " + seed);
        }
        for (int i = 0; i < model.size(); i++) assertArrayEquals(b(model.get(i)), l.get(i), "seed " + seed);
        assertEquals("quicklist", l.encoding(new Config()));
    }

    @Test
    void hashMatchesALinkedHashMapWhileListpack() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        HashValue h = new HashValue();
        Map<String, String> model = new LinkedHashMap<>();
        for (int step = 0; step < 100_000; step++) {
            String f = "f" + r.nextInt(300);
            if (r.nextInt(3) == 0) {
                assertEquals(model.remove(f) != null, h.remove(b(f)), "seed " + seed);
            } else {
                String v = "v" + step;
                assertEquals(!model.containsKey(f), h.put(b(f), b(v)), "seed " + seed);
                model.put(f, v);
            }
        }
        int i = 0;
        for (Map.Entry<String, String> e : model.entrySet()) {
            assertArrayEquals(b(e.getKey()), h.fieldAt(i), "insertion order, seed " + seed);
            assertArrayEquals(b(e.getValue()), h.valueAt(i), "seed " + seed);
            i++;
        }
        assertEquals("listpack", h.encoding(new Config()));
        h.convertToHashtable();
        assertEquals("hashtable", h.encoding(new Config()));
        for (String f : new ArrayList<>(model.keySet())) {
            if (r.nextBoolean()) {
                h.remove(b(f));
                model.remove(f);
            }
        }
        assertEquals(model.size(), h.size());
        for (Map.Entry<String, String> e : model.entrySet()) assertArrayEquals(b(e.getValue()), h.get(b(e.getKey())));
        assertNull(h.get(b("nope")));
        HashValue copy = h.copy();
        assertEquals(h.size(), copy.size());
        assertEquals("hashtable", copy.encoding(new Config()));
    }
}
