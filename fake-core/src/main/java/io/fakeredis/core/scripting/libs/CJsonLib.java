package io.fakeredis.core.scripting.libs;

import io.fakeredis.core.scripting.lua.Lua;
import io.fakeredis.core.scripting.lua.LuaError;
import io.fakeredis.core.scripting.lua.LuaFunction;
import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;
import io.fakeredis.core.scripting.lua.LuaUserdata;
import io.fakeredis.core.util.Bytes;
import java.io.ByteArrayOutputStream;

/**
 * lua-cjson 2.1.0 as Redis bundles it: encode, decode, the null sentinel, the configuration
 * functions (their settings persist in the Lua state, as in Redis) and new().
 */
public final class CJsonLib {
    /** cjson.null: Redis's is a light userdata holding NULL, which tostring shows as "userdata: (nil)". */
    public static final LuaUserdata NULL = new LuaUserdata("(nil)");

    private static final String[] BOOL_OPTIONS = {"off", "on"};
    private static final String[] INVALID_NUMBER_OPTIONS = {"off", "on", "null"};

    /** One module's settings: cjson.new() gets its own. */
    private static final class Config {
        int sparseConvert = 0;
        int sparseRatio = 2;
        int sparseSafe = 10;
        int encodeMaxDepth = 1000;
        int decodeMaxDepth = 1000;
        int precision = 14;
        int keepBuffer = 1;
        int encodeInvalidNumbers = 0;
        int decodeInvalidNumbers = 1;
    }

    private CJsonLib() {}

    public static LuaTable create(LuaState L) {
        Config cfg = new Config();
        LuaTable t = new LuaTable();
        t.put("encode", LuaFunction.of((S, a) -> {
            if (a.length != 1) throw S.argError(1, "expected 1 argument");
            return Lua.one(onDeepStack(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new Encoder(S, cfg, out).value(a[0], 0);
                return LuaString.wrap(out.toByteArray());
            }));
        }));
        t.put("decode", LuaFunction.of((S, a) -> {
            if (a.length != 1) throw S.argError(1, "expected 1 argument");
            byte[] json = S.checkString(a, 1).bytes;
            return Lua.one(onDeepStack(() -> new Decoder(S, cfg, json).document()));
        }));
        t.put("encode_sparse_array", LuaFunction.of((S, a) -> {
            argCount(S, a, 3);
            Object convert = enumOption(S, a, 1, cfg.sparseConvert, null, v -> cfg.sparseConvert = v);
            Object ratio = intOption(S, a, 2, cfg.sparseRatio, 0, Integer.MAX_VALUE, v -> cfg.sparseRatio = v);
            Object safe = intOption(S, a, 3, cfg.sparseSafe, 0, Integer.MAX_VALUE, v -> cfg.sparseSafe = v);
            return new Object[] {convert, ratio, safe};
        }));
        t.put("encode_max_depth", LuaFunction.of((S, a) -> {
            argCount(S, a, 1);
            return Lua.one(intOption(S, a, 1, cfg.encodeMaxDepth, 1, Integer.MAX_VALUE, v -> cfg.encodeMaxDepth = v));
        }));
        t.put("decode_max_depth", LuaFunction.of((S, a) -> {
            argCount(S, a, 1);
            return Lua.one(intOption(S, a, 1, cfg.decodeMaxDepth, 1, Integer.MAX_VALUE, v -> cfg.decodeMaxDepth = v));
        }));
        t.put("encode_number_precision", LuaFunction.of((S, a) -> {
            argCount(S, a, 1);
            return Lua.one(intOption(S, a, 1, cfg.precision, 1, 14, v -> cfg.precision = v));
        }));
        t.put("encode_keep_buffer", LuaFunction.of((S, a) -> {
            argCount(S, a, 1);
            return Lua.one(enumOption(S, a, 1, cfg.keepBuffer, null, v -> cfg.keepBuffer = v));
        }));
        t.put("encode_invalid_numbers", LuaFunction.of((S, a) -> {
            argCount(S, a, 1);
            return Lua.one(enumOption(S, a, 1, cfg.encodeInvalidNumbers, INVALID_NUMBER_OPTIONS, v -> cfg.encodeInvalidNumbers = v));
        }));
        t.put("decode_invalid_numbers", LuaFunction.of((S, a) -> {
            argCount(S, a, 1);
            return Lua.one(enumOption(S, a, 1, cfg.decodeInvalidNumbers, null, v -> cfg.decodeInvalidNumbers = v));
        }));
        t.put("new", LuaFunction.of((S, a) -> Lua.one(create(S))));
        t.put("null", NULL);
        t.put("_NAME", LuaString.of("cjson"));
        t.put("_VERSION", LuaString.of("2.1.0"));
        return t;
    }

    /**
     * Runs a recursive encode or decode; if the caller's Java stack is too small for the 1000
     * levels cjson allows, runs it again on a thread with a large stack (the work is pure).
     */
    static Object onDeepStack(java.util.function.Supplier<Object> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            Object[] result = new Object[1];
            RuntimeException[] failure = new RuntimeException[1];
            Thread t = new Thread(null, () -> {
                try {
                    result[0] = work.get();
                } catch (RuntimeException ex) {
                    failure[0] = ex;
                }
            }, "fakeredis-cjson", 64L << 20);
            t.start();
            try {
                t.join();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new LuaError("interrupted");
            }
            if (failure[0] != null) throw failure[0];
            return result[0];
        }
    }

    private static void argCount(LuaState L, Object[] a, int max) {
        if (a.length > max) throw L.argError(max + 1, "found too many arguments");
    }

    private interface Setter {
        void set(int v);
    }

    /** json_enum_option: booleans for on/off, else one of the option names; returns the setting. */
    private static Object enumOption(LuaState L, Object[] a, int n, int current, String[] options, Setter set) {
        String[] names = options == null ? BOOL_OPTIONS : options;
        if (n <= a.length && a[n - 1] != null) {
            if (a[n - 1] instanceof Boolean) {
                current = (Boolean) a[n - 1] ? 1 : 0;
            } else {
                String s = L.checkString(a, n).latin1();
                int found = -1;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(s)) found = i;
                }
                if (found < 0) throw L.argError(n, "invalid option '" + s + "'");
                current = found;
            }
            set.set(current);
        }
        if (current == 0 || current == 1) return current == 1;
        return LuaString.of(names[current]);
    }

    /** json_integer_option: the range check always names argument 1, as lua-cjson does. */
    private static Object intOption(LuaState L, Object[] a, int n, int current, int min, int max, Setter set) {
        if (n <= a.length && a[n - 1] != null) {
            int v = (int) (long) L.checkNumber(a, n);
            if (v < min || v > max) throw L.argError(1, "expected integer between " + min + " and " + max);
            current = v;
            set.set(v);
        }
        return (double) current;
    }

    private static final class Encoder {
        private final LuaState L;
        private final Config cfg;
        private final ByteArrayOutputStream out;

        Encoder(LuaState L, Config cfg, ByteArrayOutputStream out) {
            this.L = L;
            this.cfg = cfg;
            this.out = out;
        }

        void value(Object v, int depth) {
            if (v instanceof LuaString) {
                string(((LuaString) v).bytes);
            } else if (v instanceof Double) {
                number((Double) v, v);
            } else if (v instanceof Boolean) {
                ascii((Boolean) v ? "true" : "false");
            } else if (v == null || v == NULL) {
                ascii("null");
            } else if (v instanceof LuaTable) {
                table((LuaTable) v, depth + 1);
            } else {
                throw failure(v, "type not supported");
            }
        }

        private LuaError failure(Object v, String why) {
            return L.error("Cannot serialise " + Lua.typeName(v) + ": " + why);
        }

        private void number(double d, Object v) {
            boolean invalid = Double.isNaN(d) || Double.isInfinite(d);
            if (invalid) {
                if (cfg.encodeInvalidNumbers == 0) throw failure(v, "must not be NaN or Inf");
                if (cfg.encodeInvalidNumbers == 2) {
                    ascii("null");
                    return;
                }
                if (Double.isNaN(d)) { // Redis's patch: never "-nan"
                    ascii("nan");
                    return;
                }
            }
            ascii(Bytes.formatG(d, cfg.precision));
        }

        private void table(LuaTable t, int depth) {
            if (depth > cfg.encodeMaxDepth) throw L.error("Cannot serialise, excessive nesting (" + depth + ")");
            int len = arrayLength(t);
            if (len > 0) {
                out.write('[');
                for (int i = 1; i <= len; i++) {
                    if (i > 1) out.write(',');
                    value(t.get(i), depth);
                }
                out.write(']');
                return;
            }
            out.write('{');
            boolean first = true;
            Object[] kv = new Object[2];
            Object k = null;
            while (t.next(k, kv)) {
                k = kv[0];
                Object v = kv[1];
                if (!first) out.write(',');
                first = false;
                if (k instanceof Double) {
                    out.write('"');
                    number((Double) k, k);
                    out.write('"');
                } else if (k instanceof LuaString) {
                    string(((LuaString) k).bytes);
                } else {
                    throw failure(k, "table key must be a number or string");
                }
                out.write(':');
                value(v, depth);
            }
            out.write('}');
        }

        /** lua_array_length: the largest key when every key is a positive integer, else -1. */
        private int arrayLength(LuaTable t) {
            int max = 0, items = 0;
            Object[] kv = new Object[2];
            Object k = null;
            while (t.next(k, kv)) {
                k = kv[0];
                if (!(k instanceof Double)) return -1;
                double d = (Double) k;
                if (d == 0 || Math.floor(d) != d || d < 1) return -1;
                if (d > max) max = (int) d;
                items++;
            }
            if (cfg.sparseRatio > 0 && max > (long) items * cfg.sparseRatio && max > cfg.sparseSafe) {
                if (cfg.sparseConvert == 0) throw failure(t, "excessively sparse array");
                return -1;
            }
            return max;
        }

        private void string(byte[] s) {
            out.write('"');
            for (byte b : s) {
                int c = b & 0xff;
                switch (c) {
                    case '"': ascii("\\\""); break;
                    case '\\': ascii("\\\\"); break;
                    case '/': ascii("\\/"); break;
                    case '\b': ascii("\\b"); break;
                    case '\f': ascii("\\f"); break;
                    case '\n': ascii("\\n"); break;
                    case '\r': ascii("\\r"); break;
                    case '\t': ascii("\\t"); break;
                    default:
                        if (c < 0x20 || c == 0x7f) ascii(String.format("\\u%04x", c));
                        else out.write(c);
                }
            }
            out.write('"');
        }

        private void ascii(String s) {
            for (int i = 0; i < s.length(); i++) out.write(s.charAt(i));
        }
    }

    /** lua-cjson's token kinds; the names appear in its error messages. */
    private enum Tok {
        T_OBJ_BEGIN, T_OBJ_END, T_ARR_BEGIN, T_ARR_END, T_STRING, T_NUMBER, T_BOOLEAN, T_NULL, T_COLON, T_COMMA, T_END, T_ERROR
    }

    /** lua-cjson's tokenizer and recursive parser, with its error texts and character positions. */
    private static final class Decoder {
        private final LuaState L;
        private final Config cfg;
        private final byte[] s;
        private int p;
        private int depth;
        // the current token
        private Tok type;
        private int index;
        private Object value;
        private String error;

        Decoder(LuaState L, Config cfg, byte[] s) {
            this.L = L;
            this.cfg = cfg;
            this.s = s;
        }

        /** The byte at i, or 0 past the end: the C parser reads a NUL-terminated buffer. */
        private int at(int i) {
            return i < s.length ? s[i] & 0xff : 0;
        }

        Object document() {
            if (s.length >= 2 && (s[0] == 0 || s[1] == 0)) throw L.error("JSON parser does not support UTF-16 or UTF-32");
            next();
            Object v = value();
            next();
            if (type != Tok.T_END) throw parseError("the end");
            return v;
        }

        private LuaError parseError(String expected) {
            String found = type == Tok.T_ERROR ? error : type.name();
            return L.error("Expected " + expected + " but found " + found + " at character " + (index + 1));
        }

        private Object value() {
            switch (type) {
                case T_STRING:
                case T_NUMBER:
                case T_BOOLEAN:
                    return value;
                case T_NULL:
                    return NULL;
                case T_OBJ_BEGIN:
                    return object();
                case T_ARR_BEGIN:
                    return array();
                default:
                    throw parseError("value");
            }
        }

        private void descend() {
            if (++depth > cfg.decodeMaxDepth) {
                throw L.error("Found too many nested data structures (" + depth + ") at character " + (index + 1));
            }
        }

        private LuaTable object() {
            descend();
            LuaTable t = new LuaTable();
            next();
            if (type == Tok.T_OBJ_END) {
                depth--;
                return t;
            }
            while (true) {
                if (type != Tok.T_STRING) throw parseError("object key string");
                Object key = value;
                next();
                if (type != Tok.T_COLON) throw parseError("colon");
                next();
                t.put(key, value());
                next();
                if (type == Tok.T_OBJ_END) break;
                if (type != Tok.T_COMMA) throw parseError("comma or object end");
                next();
            }
            depth--;
            return t;
        }

        private LuaTable array() {
            descend();
            LuaTable t = new LuaTable();
            next();
            if (type == Tok.T_ARR_END) {
                depth--;
                return t;
            }
            for (int i = 1; ; i++) {
                t.put(i, value());
                next();
                if (type == Tok.T_ARR_END) break;
                if (type != Tok.T_COMMA) throw parseError("comma or array end");
                next();
            }
            depth--;
            return t;
        }

        private void tokenError(String why) {
            type = Tok.T_ERROR;
            index = p;
            error = why;
        }

        private void next() {
            int c;
            while ((c = at(p)) == ' ' || c == '\t' || c == '\n' || c == '\r') p++;
            index = p;
            switch (c) {
                case 0: type = Tok.T_END; return;
                case '{': type = Tok.T_OBJ_BEGIN; p++; return;
                case '}': type = Tok.T_OBJ_END; p++; return;
                case '[': type = Tok.T_ARR_BEGIN; p++; return;
                case ']': type = Tok.T_ARR_END; p++; return;
                case ',': type = Tok.T_COMMA; p++; return;
                case ':': type = Tok.T_COLON; p++; return;
                case '"': string(); return;
                default:
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                if (cfg.decodeInvalidNumbers == 0 && invalidNumber()) {
                    tokenError("invalid number");
                    return;
                }
                number();
            } else if (startsWith("true")) {
                type = Tok.T_BOOLEAN;
                value = Boolean.TRUE;
                p += 4;
            } else if (startsWith("false")) {
                type = Tok.T_BOOLEAN;
                value = Boolean.FALSE;
                p += 5;
            } else if (startsWith("null")) {
                type = Tok.T_NULL;
                p += 4;
            } else if ((c == 'f' || c == 'i' || c == 'I' || c == 'n' || c == 'N' || c == 't' || c == '+')
                    && cfg.decodeInvalidNumbers != 0 && invalidNumber()) {
                number();
            } else {
                tokenError("invalid token");
            }
        }

        private boolean startsWith(String w) {
            for (int k = 0; k < w.length(); k++) {
                if (at(p + k) != w.charAt(k)) return false;
            }
            return true;
        }

        /** json_is_invalid_number: what strtod reads but JSON forbids (+1, 0x1, 01, inf, nan). */
        private boolean invalidNumber() {
            int q = p;
            if (at(q) == '+') return true;
            if (at(q) == '-') q++;
            if (at(q) == '0') {
                int c2 = at(q + 1);
                return (c2 | 0x20) == 'x' || (c2 >= '0' && c2 <= '9');
            } else if (at(q) <= '9') {
                return false;
            }
            return matchesIgnoreCase(q, "inf") || matchesIgnoreCase(q, "nan");
        }

        private boolean matchesIgnoreCase(int q, String w) {
            for (int k = 0; k < w.length(); k++) {
                if (Character.toLowerCase(at(q + k)) != w.charAt(k)) return false;
            }
            return true;
        }

        private void number() {
            int end = Strtod.prefix(s, p);
            if (end == p) {
                tokenError("invalid number");
                return;
            }
            type = Tok.T_NUMBER;
            value = Strtod.value(s, p, end);
            p = end;
        }

        private void string() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p++; // the opening quote
            int c;
            while ((c = at(p)) != '"') {
                if (c == 0) {
                    tokenError("unexpected end of string");
                    return;
                }
                if (c == '\\') {
                    int e = at(p + 1);
                    int ch;
                    switch (e) {
                        case '"': ch = '"'; break;
                        case '\\': ch = '\\'; break;
                        case '/': ch = '/'; break;
                        case 'b': ch = '\b'; break;
                        case 'f': ch = '\f'; break;
                        case 'n': ch = '\n'; break;
                        case 'r': ch = '\r'; break;
                        case 't': ch = '\t'; break;
                        case 'u':
                            if (unicodeEscape(out)) continue;
                            tokenError("invalid unicode escape code");
                            return;
                        default:
                            tokenError("invalid escape code");
                            return;
                    }
                    p++;
                    c = ch;
                }
                out.write(c);
                p++;
            }
            p++; // the closing quote
            type = Tok.T_STRING;
            value = LuaString.wrap(out.toByteArray());
        }

        private int hex4(int q) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(at(q + k), 16);
                if (d < 0) return -1;
                v = v * 16 + d;
            }
            return v;
        }

        /** \\uXXXX (a surrogate pair takes two) as UTF-8; false when malformed. */
        private boolean unicodeEscape(ByteArrayOutputStream out) {
            int cp = hex4(p + 2);
            if (cp < 0) return false;
            int len = 6;
            if ((cp & 0xfc00) == 0xdc00) return false; // a lone low surrogate
            if ((cp & 0xfc00) == 0xd800) {
                if (at(p + 6) != '\\' || at(p + 7) != 'u') return false;
                int lo = hex4(p + 8);
                if (lo < 0 || (lo & 0xfc00) != 0xdc00) return false;
                cp = (((cp & 0x3ff) << 10) | (lo & 0x3ff)) + 0x10000;
                len = 12;
            }
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                out.write(0xe0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else {
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            }
            p += len;
            return true;
        }
    }
}
