package io.fakeredis.server.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits raw RESP replies into their parts, for order-insensitive comparisons. */
public final class Reply {
    private Reply() {}

    /**
     * For random replies ({real, fake} from Session.both): asserts the same aggregate type and
     * element count, and returns the count.
     */
    public static int sameShapeCount(byte[][] both) {
        org.junit.jupiter.api.Assertions.assertEquals(header(both[0]).charAt(0), header(both[1]).charAt(0));
        int n = elements(both[1]).size();
        org.junit.jupiter.api.Assertions.assertEquals(elements(both[0]).size(), n);
        return n;
    }

    /** The first line of a reply, e.g. "*3". */
    public static String header(byte[] raw) {
        int i = 0;
        while (i < raw.length && raw[i] != '\r') i++;
        return new String(raw, 0, i, StandardCharsets.ISO_8859_1);
    }

    /** Raw bytes of each top-level element of an aggregate reply (maps: keys and values alike). */
    public static List<byte[]> elements(byte[] raw) {
        List<byte[]> out = new ArrayList<>();
        int[] pos = {0};
        char type = (char) raw[0];
        int n = Integer.parseInt(line(raw, pos).substring(1));
        if (type == '%') n *= 2;
        for (int i = 0; i < n; i++) {
            int start = pos[0];
            skip(raw, pos);
            out.add(Arrays.copyOfRange(raw, start, pos[0]));
        }
        return out;
    }

    /** Elements sorted as strings; for maps, key-value pairs are kept together. */
    public static List<String> sortedElements(byte[] raw) {
        List<String> s = new ArrayList<>();
        char type = (char) raw[0];
        if (type != '*' && type != '~' && type != '%') {
            s.add(RawConnection.show(raw));
            return s;
        }
        List<byte[]> e = elements(raw);
        if (type == '%') {
            for (int i = 0; i + 1 < e.size(); i += 2) s.add(RawConnection.show(e.get(i)) + " => " + RawConnection.show(e.get(i + 1)));
        } else {
            for (byte[] b : e) s.add(RawConnection.show(b));
        }
        s.sort(null);
        return s;
    }

    /** The text of a bulk or simple string reply. */
    public static String bulkString(byte[] raw) {
        int[] pos = {0};
        String l = line(raw, pos);
        if (l.charAt(0) == '$') return new String(raw, pos[0], Integer.parseInt(l.substring(1)), StandardCharsets.UTF_8);
        return l.substring(1);
    }

    private static String line(byte[] raw, int[] pos) {
        int start = pos[0];
        int i = start;
        while (raw[i] != '\r') i++;
        pos[0] = i + 2;
        return new String(raw, start, i - start, StandardCharsets.ISO_8859_1);
    }

    private static void skip(byte[] raw, int[] pos) {
        char type = (char) raw[pos[0]];
        String l = line(raw, pos);
        switch (type) {
            case '$': case '=': case '!': {
                int n = Integer.parseInt(l.substring(1));
                if (n >= 0) pos[0] += n + 2;
                return;
            }
            case '*': case '~': case '>': {
                int n = Integer.parseInt(l.substring(1));
                for (int i = 0; i < n; i++) skip(raw, pos);
                return;
            }
            case '%': case '|': {
                int n = Integer.parseInt(l.substring(1));
                for (int i = 0; i < 2 * n; i++) skip(raw, pos);
                if (type == '|') skip(raw, pos);
                return;
            }
            default:
        }
    }
}
