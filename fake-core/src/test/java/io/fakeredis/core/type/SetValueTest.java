package io.fakeredis.core.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void intsetStaysSortedAndConverts() {
        SetValue s = SetValue.forFirst(b("5"));
        assertTrue(s.isIntset());
        for (String m : new String[] {"5", "-1", "3", "9223372036854775807", "-9223372036854775808"}) s.add(b(m), 512);
        assertEquals(5, s.size());
        assertArrayEquals(b("-9223372036854775808"), s.get(0));
        assertArrayEquals(b("9223372036854775807"), s.get(s.size() - 1));
        assertTrue(s.contains(b("3")));
        assertFalse(s.contains(b("03")));
        assertFalse(s.add(b("3"), 512));
        s.add(b("07"), 512); // not canonical: forces a hash table
        assertFalse(s.isIntset());
        assertTrue(s.contains(b("3")));
        assertTrue(s.contains(b("07")));
        SetValue t = new SetValue();
        t.add(b("1"), 1);
        assertTrue(t.isIntset());
        t.add(b("2"), 1);
        assertFalse(t.isIntset());
    }

    @Test
    void randomOperationsMatchModel() {
        Random r = new Random(42);
        SetValue s = new SetValue();
        Set<String> model = new HashSet<>();
        for (int i = 0; i < 20000; i++) {
            String m = r.nextInt(4) == 0 ? "x" + r.nextInt(100) : Integer.toString(r.nextInt(200) - 100);
            if (r.nextBoolean()) assertEquals(model.add(m), s.add(b(m), 512));
            else assertEquals(model.remove(m), s.remove(b(m)));
            if (r.nextInt(50) == 0 && s.size() > 0) assertTrue(model.remove(new String(s.pop(r), StandardCharsets.UTF_8)));
        }
        assertEquals(model.size(), s.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.size(); i++) seen.add(new String(s.get(i), StandardCharsets.UTF_8));
        assertEquals(model, seen);
    }
}
