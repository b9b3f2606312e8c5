package io.fakeredis.core.util;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal JSON reader for the bundled reference facts; core must not depend on a JSON library. */
public final class Json {
    private final String s;
    private final boolean lazy;
    private int i;

    private Json(String s, boolean lazy) {
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
        return parse(text, false);
    }

    /**
     * Like {@link #parse}, but every non-empty array of objects is returned as a {@link Raw}. The
     * command table's key specs are such arrays: half of command-info.json, read only by COMMAND
     * INFO and GETKEYS, so skipping them shortens the first engine's start.
     */
    public static Object parseLazily(String text) {
        return parse(text, true);
    }

    private static Object parse(String text, boolean lazy) {
        Json p = new Json(text, lazy);
        Object v = p.value();
        p.ws();
        if (p.i != p.s.length()) throw p.fail("trailing data");
        return v;
    }

    private Object value() {
        ws();
        if (i >= s.length()) throw fail("unexpected end");
        char c = s.charAt(i);
        switch (c) {
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
        if (s.charAt(i) == '}') { i++; return m; }
        while (true) {
            ws();
            String k = string();
            ws();
            if (s.charAt(i++) != ':') throw fail("expected ':'");
            m.put(k, value());
            ws();
            char c = s.charAt(i++);
            if (c == '}') return m;
            if (c != ',') throw fail("expected ',' or '}'");
        }
    }

    private Object array() {
        int start = i;
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (s.charAt(i) == ']') { i++; return l; }
        if (lazy && s.charAt(i) == '{') {
            i = start;
            skip();
            return new Raw(s.substring(start, i));
        }
        while (true) {
            l.add(value());
            ws();
            char c = s.charAt(i++);
            if (c == ']') return l;
            if (c != ',') throw fail("expected ',' or ']'");
        }
    }

    private String string() {
        if (s.charAt(i) != '"') throw fail("expected string");
        i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c != '\\') { b.append(c); continue; }
            char e = s.charAt(i++);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                default: b.append(e);
            }
        }
    }

    /** Moves past the array or object at i, strings included, without building anything. */
    private void skip() {
        int depth = 0;
        do {
            char c = s.charAt(i++);
            if (c == '"') {
                while (s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
                i++;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        } while (depth > 0);
    }

    private Object number() {
        int start = i;
        boolean real = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') real = true;
            else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) break;
            i++;
        }
        String n = s.substring(start, i);
        if (n.isEmpty()) throw fail("unexpected character");
        return real ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
    }

    private void expect(String word) {
        if (!s.startsWith(word, i)) throw fail("expected " + word);
        i += word.length();
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException("JSON: " + why + " at offset " + i);
    }
}
