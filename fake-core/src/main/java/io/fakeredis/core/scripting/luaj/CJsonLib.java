package io.fakeredis.core.scripting.luaj;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** lua-cjson as Redis bundles it: encode, decode and the null sentinel, with its defaults. */
final class CJsonLib {
    private CJsonLib() {}

    /** cjson.null: a unique value that encodes as JSON null and that decode returns for null. */
    static final LuaValue NULL = new LuaUserdata(new Object()) {
        @Override
        public String tojstring() {
            return "userdata: NULL";
        }
    };

    private static final int MAX_DEPTH = 1000;

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("encode", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                if (a.narg() != 1) throw new LuaError("bad argument #1 to 'encode' (expected 1 argument)");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                encode(a.arg1(), out, 0);
                return LuaString.valueOf(out.toByteArray());
            }
        });
        t.rawset("decode", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                if (a.narg() != 1) throw new LuaError("bad argument #1 to 'decode' (expected 1 argument)");
                return new Decoder(LuajRuntime.bytes(a.arg1())).document();
            }
        });
        t.rawset("null", NULL);
        for (String cfg : new String[] {"encode_sparse_array", "encode_max_depth", "decode_max_depth",
                "encode_number_precision", "encode_keep_buffer", "encode_invalid_numbers", "decode_invalid_numbers"}) {
            t.rawset(cfg, new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs a) {
                    return LuaValue.NONE;
                }
            });
        }
        return t;
    }

    private static void encode(LuaValue v, ByteArrayOutputStream out, int depth) {
        switch (v.type()) {
            case LuaValue.TSTRING:
                string(LuajRuntime.bytes(v), out);
                return;
            case LuaValue.TNUMBER:
                number(v.todouble(), out);
                return;
            case LuaValue.TBOOLEAN:
                ascii(v.toboolean() ? "true" : "false", out);
                return;
            case LuaValue.TNIL:
                ascii("null", out);
                return;
            case LuaValue.TTABLE:
                table((LuaTable) v, out, depth + 1);
                return;
            default:
                if (v == NULL) {
                    ascii("null", out);
                    return;
                }
                throw new LuaError("Cannot serialise " + v.typename() + ": type not supported");
        }
    }

    private static void number(double d, ByteArrayOutputStream out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new LuaError("Cannot serialise number: must not be NaN or Inf");
        }
        ascii(LuajRuntime.number(d), out);
    }

    private static void table(LuaTable t, ByteArrayOutputStream out, int depth) {
        if (depth > MAX_DEPTH) throw new LuaError("Cannot serialise, excessive nesting (" + depth + ")");
        int len = arrayLength(t);
        if (len > 0) {
            out.write('[');
            for (int i = 1; i <= len; i++) {
                if (i > 1) out.write(',');
                encode(t.rawget(i), out, depth);
            }
            out.write(']');
            return;
        }
        out.write('{');
        boolean first = true;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            if (!first) out.write(',');
            first = false;
            if (k.type() == LuaValue.TSTRING) {
                string(LuajRuntime.bytes(k), out);
            } else if (k.type() == LuaValue.TNUMBER) {
                out.write('"');
                ascii(LuajRuntime.number(k.todouble()), out);
                out.write('"');
            } else {
                throw new LuaError("Cannot serialise table: table key must be a number or string");
            }
            out.write(':');
            encode(n.arg(2), out, depth);
        }
        out.write('}');
    }

    /** lua-cjson's lua_array_length: the max key if all keys are positive integers, -1 otherwise. */
    private static int arrayLength(LuaTable t) {
        int max = 0, items = 0;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs n = t.next(k);
            if ((k = n.arg1()).isnil()) break;
            if (k.type() != LuaValue.TNUMBER) return -1;
            double d = k.todouble();
            if (d < 1 || d != Math.floor(d)) return -1;
            max = Math.max(max, (int) d);
            items++;
        }
        if (max > items * 2 && max > 10) throw new LuaError("Cannot serialise table: excessively sparse array");
        return max;
    }

    private static void string(byte[] s, ByteArrayOutputStream out) {
        out.write('"');
        for (byte b : s) {
            int c = b & 0xff;
            switch (c) {
                case '"': ascii("\\\"", out); break;
                case '\\': ascii("\\\\", out); break;
                case '/': ascii("\\/", out); break;
                case '\b': ascii("\\b", out); break;
                case '\f': ascii("\\f", out); break;
                case '\n': ascii("\\n", out); break;
                case '\r': ascii("\\r", out); break;
                case '\t': ascii("\\t", out); break;
                default:
                    if (c < 0x20 || c == 0x7f) ascii(String.format("\\u%04x", c), out);
                    else out.write(c);
            }
        }
        out.write('"');
    }

    private static void ascii(String s, ByteArrayOutputStream out) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** A strict JSON reader with lua-cjson's error wording. */
    private static final class Decoder {
        private final byte[] s;
        private int i;
        private int depth;

        Decoder(byte[] s) {
            this.s = s;
        }

        LuaValue document() {
            LuaValue v = value();
            ws();
            if (i < s.length) throw error("the end", "trailing garbage");
            return v;
        }

        private LuaError error(String expected, String found) {
            return new LuaError("Expected " + expected + " but found " + found + " at character " + (i + 1));
        }

        private void ws() {
            while (i < s.length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
        }

        private LuaValue value() {
            ws();
            if (i >= s.length) throw error("value", "T_END");
            byte c = s[i];
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return LuaString.valueOf(str());
                case 't': return word("true", LuaValue.TRUE);
                case 'f': return word("false", LuaValue.FALSE);
                case 'n': return word("null", NULL);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return num();
                    throw error("value", "invalid token");
            }
        }

        private LuaValue word(String w, LuaValue v) {
            for (int k = 0; k < w.length(); k++) {
                if (i + k >= s.length || s[i + k] != w.charAt(k)) throw error("value", "invalid token");
            }
            i += w.length();
            return v;
        }

        private LuaValue num() {
            int start = i;
            if (s[i] == '-') i++;
            while (i < s.length && (Character.isDigit(s[i]) || s[i] == '.' || s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-')) i++;
            try {
                return LuaValue.valueOf(Double.parseDouble(new String(s, start, i - start, StandardCharsets.US_ASCII)));
            } catch (NumberFormatException e) {
                i = start;
                throw error("value", "invalid number");
            }
        }

        private byte[] str() {
            i++; // opening quote
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                if (i >= s.length) throw error("value", "unexpected end of string");
                byte c = s[i++];
                if (c == '"') return out.toByteArray();
                if (c != '\\') {
                    out.write(c);
                    continue;
                }
                if (i >= s.length) throw error("value", "invalid escape code");
                byte e = s[i++];
                switch (e) {
                    case '"': out.write('"'); break;
                    case '\\': out.write('\\'); break;
                    case '/': out.write('/'); break;
                    case 'b': out.write('\b'); break;
                    case 'f': out.write('\f'); break;
                    case 'n': out.write('\n'); break;
                    case 'r': out.write('\r'); break;
                    case 't': out.write('\t'); break;
                    case 'u': {
                        if (i + 4 > s.length) throw error("value", "invalid unicode escape code");
                        int cp = Integer.parseInt(new String(s, i, 4, StandardCharsets.US_ASCII), 16);
                        i += 4;
                        if (cp >= 0xd800 && cp <= 0xdbff && i + 6 <= s.length && s[i] == '\\' && s[i + 1] == 'u') {
                            int lo = Integer.parseInt(new String(s, i + 2, 4, StandardCharsets.US_ASCII), 16);
                            if (lo >= 0xdc00 && lo <= 0xdfff) {
                                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                                i += 6;
                            }
                        }
                        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                        break;
                    }
                    default: throw error("value", "invalid escape code");
                }
            }
        }

        private LuaValue array() {
            if (++depth > MAX_DEPTH) throw new LuaError("Found too many nested data structures (" + depth + ") at character " + (i + 1));
            i++;
            LuaTable t = new LuaTable();
            ws();
            if (i < s.length && s[i] == ']') {
                i++;
                depth--;
                return t;
            }
            int n = 1;
            while (true) {
                t.rawset(n++, value());
                ws();
                if (i >= s.length) throw error("comma or array end", "T_END");
                byte c = s[i++];
                if (c == ']') break;
                if (c != ',') {
                    i--;
                    throw error("comma or array end", "invalid token");
                }
            }
            depth--;
            return t;
        }

        private LuaValue object() {
            if (++depth > MAX_DEPTH) throw new LuaError("Found too many nested data structures (" + depth + ") at character " + (i + 1));
            i++;
            LuaTable t = new LuaTable();
            ws();
            if (i < s.length && s[i] == '}') {
                i++;
                depth--;
                return t;
            }
            while (true) {
                ws();
                if (i >= s.length || s[i] != '"') throw error("object key string", i >= s.length ? "T_END" : "invalid token");
                LuaValue k = LuaString.valueOf(str());
                ws();
                if (i >= s.length || s[i] != ':') throw error("colon", i >= s.length ? "T_END" : "invalid token");
                i++;
                t.rawset(k, value());
                ws();
                if (i >= s.length) throw error("comma or object end", "T_END");
                byte c = s[i++];
                if (c == '}') break;
                if (c != ',') {
                    i--;
                    throw error("comma or object end", "invalid token");
                }
            }
            depth--;
            return t;
        }
    }
}
