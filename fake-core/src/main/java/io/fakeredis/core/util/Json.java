package io.fakeredis.core.util;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON reader for the bundled reference facts; core must not depend on a JSON library.
 * It reads UTF-8 bytes with plain array indexing: the command table is parsed once per JVM, mostly
 * by the interpreter, where every {@code String.charAt} call was a visible share of the first
 * engine's start.
 */
public final class Json {
    private final byte[] s;
    private final boolean lazy;
    private int i;

    private Json(byte[] s, boolean lazy) {
        this.s = s;
        this.lazy = lazy;
    }

    /** An array of objects left as its JSON text by {@link #parseLazily}; parse it when needed. */
    public static final class Raw {
        public final String text;

        Raw(String text) {
            this.text = text;
        }
    }

    /** Parses a document into Map (insertion ordered), List, String, Long, Double, Boolean or null. */
    public static Object parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #parse(String)} for a UTF-8 document. */
    public static Object parse(byte[] utf8) {
        return parse(utf8, false);
    }

    /**
     * Like {@link #parse}, but every non-empty array of objects is returned as a {@link Raw}. The
     * command table's key specs are such arrays: half of command-info.json, read only by COMMAND
     * INFO, GETKEYS and ACL key checks, so skipping them shortens the first engine's start.
     */
    public static Object parseLazily(byte[] utf8) {
        return parse(utf8, true);
    }

    private static Object parse(byte[] text, boolean lazy) {
        Json p = new Json(text, lazy);
        Object v = p.value();
        p.ws();
        if (p.i != p.s.length) throw p.fail("trailing data");
        return v;
    }

    private Object value() {
        ws();
        if (i >= s.length) throw fail("unexpected end");
        switch (s[i]) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': expect("true"); return Boolean.TRUE;
            case 'f': expect("false"); return Boolean.FALSE;
            case 'n': expect("null"); return null;
            default: return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (s[i] == '}') { i++; return m; }
        while (true) {
            ws();
            String k = string();
            ws();
            if (s[i++] != ':') throw fail("expected ':'");
            m.put(k, value());
            ws();
            byte c = s[i++];
            if (c == '}') return m;
            if (c != ',') throw fail("expected ',' or '}'");
        }
    }

    private Object array() {
        int start = i;
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (s[i] == ']') { i++; return l; }
        if (lazy && s[i] == '{') {
            i = start;
            skip();
            return new Raw(new String(s, start, i - start, StandardCharsets.UTF_8));
        }
        while (true) {
            l.add(value());
            ws();
            byte c = s[i++];
            if (c == ']') return l;
            if (c != ',') throw fail("expected ',' or ']'");
        }
    }

    private String string() {
        if (s[i] != '"') throw fail("expected string");
        int start = ++i;
        while (s[i] != '"' && s[i] != '\\') i++;
        if (s[i] == '"') return new String(s, start, i++ - start, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        while (true) {
            b.append(new String(s, start, i - start, StandardCharsets.UTF_8));
            if (s[i++] == '"') return b.toString();
            byte e = s[i++];
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u':
                    b.append((char) Integer.parseInt(new String(s, i, 4, StandardCharsets.US_ASCII), 16));
                    i += 4;
                    break;
                default: b.append((char) e);
            }
            start = i;
            while (s[i] != '"' && s[i] != '\\') i++;
        }
    }

    /** Moves past the array or object at i, strings included, without building anything. */
    private void skip() {
        byte[] s = this.s;
        int i = this.i;
        int depth = 0;
        do {
            byte c = s[i++];
            if (c == '"') {
                while (s[i] != '"') i += s[i] == '\\' ? 2 : 1;
                i++;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        } while (depth > 0);
        this.i = i;
    }

    private Object number() {
        int start = i;
        boolean real = false;
        while (i < s.length) {
            byte c = s[i];
            if (c == '.' || c == 'e' || c == 'E') real = true;
            else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) break;
            i++;
        }
        if (i == start) throw fail("unexpected character");
        if (real) return Double.parseDouble(new String(s, start, i - start, StandardCharsets.US_ASCII));
        boolean neg = s[start] == '-';
        int from = neg ? start + 1 : start;
        if (i == from || i - from > 18) return Long.parseLong(new String(s, start, i - start, StandardCharsets.US_ASCII));
        long v = 0;
        for (int j = from; j < i; j++) {
            if (s[j] < '0' || s[j] > '9') throw fail("bad number");
            v = v * 10 + (s[j] - '0');
        }
        return neg ? -v : v;
    }

    private void expect(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (i + k >= s.length || s[i + k] != word.charAt(k)) throw fail("expected " + word);
        }
        i += word.length();
    }

    private void ws() {
        while (i < s.length && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++;
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException("JSON: " + why + " at offset " + i);
    }
}
