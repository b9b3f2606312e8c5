package io.fakeredis.core.util;

import java.util.ArrayList;
import java.util.List;

/** Redis's sdssplitargs: used for inline commands and for shebang lines of scripts and libraries. */
public final class SplitArgs {
    private SplitArgs() {}

    /** Whitespace separated words, with "..." (C escapes) and '...' quoting; null on unbalanced quotes. */
    public static List<byte[]> split(byte[] b, int from, int to) {
        List<byte[]> args = new ArrayList<>();
        int p = from;
        while (true) {
            while (p < to && isSpace(b[p])) p++;
            if (p >= to) return args;
            java.io.ByteArrayOutputStream cur = new java.io.ByteArrayOutputStream();
            boolean inq = false, insq = false, done = false;
            while (!done) {
                if (inq) {
                    if (p >= to) return null;
                    if (b[p] == '\\' && p + 3 < to && b[p + 1] == 'x' && isHex(b[p + 2]) && isHex(b[p + 3])) {
                        cur.write(Character.digit(b[p + 2], 16) * 16 + Character.digit(b[p + 3], 16));
                        p += 3;
                    } else if (b[p] == '\\' && p + 1 < to) {
                        p++;
                        byte c = b[p];
                        switch (c) {
                            case 'n': cur.write('\n'); break;
                            case 'r': cur.write('\r'); break;
                            case 't': cur.write('\t'); break;
                            case 'b': cur.write('\b'); break;
                            case 'a': cur.write(7); break;
                            default: cur.write(c); break;
                        }
                    } else if (b[p] == '"') {
                        if (p + 1 < to && !isSpace(b[p + 1])) return null;
                        done = true;
                    } else {
                        cur.write(b[p]);
                    }
                } else if (insq) {
                    if (p >= to) return null;
                    if (b[p] == '\\' && p + 1 < to && b[p + 1] == '\'') {
                        p++;
                        cur.write('\'');
                    } else if (b[p] == '\'') {
                        if (p + 1 < to && !isSpace(b[p + 1])) return null;
                        done = true;
                    } else {
                        cur.write(b[p]);
                    }
                } else {
                    if (p >= to) {
                        done = true;
                        continue;
                    }
                    byte c = b[p];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0) {
                        done = true;
                    } else if (c == '"') {
                        inq = true;
                    } else if (c == '\'') {
                        insq = true;
                    } else {
                        cur.write(c);
                    }
                }
                if (p < to) p++;
            }
            args.add(cur.toByteArray());
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    private static boolean isHex(byte c) {
        return Character.digit(c, 16) >= 0;
    }
}
