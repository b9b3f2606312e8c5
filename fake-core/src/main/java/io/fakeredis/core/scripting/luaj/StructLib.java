package io.fakeredis.core.scripting.luaj;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Roberto Ierusalimschy's "struct" library as Redis bundles it (pack, unpack, size), with the
 * sizes of a 64-bit Linux build: long and size_t are 8 bytes, native order little-endian.
 */
final class StructLib {
    private StructLib() {}

    private static final int MAXINTSIZE = 32;

    /** Parser state over a format string. */
    private static final class Fmt {
        final String s;
        int i;
        boolean little = true;
        int align = 1;

        Fmt(String s) {
            this.s = s;
        }

        boolean more() {
            return i < s.length();
        }

        char next() {
            return s.charAt(i++);
        }

        int num(int def) {
            if (!more() || !Character.isDigit(s.charAt(i))) return def;
            int a = 0;
            while (more() && Character.isDigit(s.charAt(i))) a = a * 10 + (s.charAt(i++) - '0');
            return a;
        }

        /** Size of an option, reading its numeric suffix; 0 for controls. */
        int size(char opt) {
            switch (opt) {
                case 'B': case 'b': case 'x': return 1;
                case 'H': case 'h': return 2;
                case 'L': case 'l': case 'T': return 8;
                case 'f': return 4;
                case 'd': return 8;
                case 'c': return num(1);
                case 'i': case 'I': {
                    int sz = num(4);
                    if (sz > MAXINTSIZE) {
                        throw new LuaError("integral size " + sz + " is larger than limit of " + MAXINTSIZE);
                    }
                    return sz;
                }
                default: return 0;
            }
        }

        int padding(long len, char opt, int size) {
            if (size == 0 || opt == 'c') return 0;
            if (size > align) size = align;
            return (int) ((size - (len & (size - 1))) & (size - 1));
        }

        /** Handles controls; true when opt was one. */
        boolean control(char opt) {
            switch (opt) {
                case ' ': return true;
                case '>': little = false; return true;
                case '<': case '=': little = true; return true;
                case '!': {
                    int a = num(8);
                    if ((a & (a - 1)) != 0) throw new LuaError("alignment " + a + " is not a power of 2");
                    align = a;
                    return true;
                }
                default: return false;
            }
        }
    }

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("pack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return pack(a);
            }
        });
        t.rawset("unpack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                return unpack(a);
            }
        });
        t.rawset("size", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                Fmt f = new Fmt(a.checkjstring(1));
                long pos = 0;
                while (f.more()) {
                    char opt = f.next();
                    if (f.control(opt)) continue;
                    int size = f.size(opt);
                    pos += f.padding(pos, opt, size);
                    if (opt == 's' || (opt == 'c' && size == 0)) {
                        throw new LuaError("bad argument #1 to 'size' (options 'c0' - 's' have undefined sizes)");
                    }
                    if (size == 0 && !"bBhHlLTfdxciIs".contains(String.valueOf(opt))) {
                        throw new LuaError("invalid format option '" + opt + "'");
                    }
                    pos += size;
                }
                return LuaValue.valueOf((double) pos);
            }
        });
        return t;
    }

    private static Varargs pack(Varargs a) {
        Fmt f = new Fmt(a.checkjstring(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 2;
        while (f.more()) {
            char opt = f.next();
            if (f.control(opt)) continue;
            int size = f.size(opt);
            int pad = f.padding(out.size(), opt, size);
            for (int k = 0; k < pad; k++) out.write(0);
            switch (opt) {
                case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
                    double n = a.checkdouble(arg++);
                    long v = n < 0 ? (long) n : (n >= 9.223372036854775807E18 ? unsignedOf(n) : (long) n);
                    putInteger(out, v, f.little, size);
                    break;
                }
                case 'x':
                    out.write(0);
                    break;
                case 'f':
                    putInteger(out, Float.floatToIntBits((float) a.checkdouble(arg++)) & 0xffffffffL, f.little, 4);
                    break;
                case 'd':
                    putInteger(out, Double.doubleToLongBits(a.checkdouble(arg++)), f.little, 8);
                    break;
                case 'c': {
                    LuaString s = a.checkstring(arg);
                    int len = size == 0 ? s.m_length : size;
                    if (s.m_length < len) throw new LuaError("bad argument #" + arg + " to 'pack' (string too short)");
                    out.write(s.m_bytes, s.m_offset, len);
                    arg++;
                    break;
                }
                case 's': {
                    LuaString s = a.checkstring(arg);
                    for (int k = 0; k < s.m_length; k++) {
                        if (s.m_bytes[s.m_offset + k] == 0) {
                            throw new LuaError("bad argument #" + arg + " to 'pack' (string contains zeros)");
                        }
                    }
                    out.write(s.m_bytes, s.m_offset, s.m_length);
                    out.write(0);
                    arg++;
                    break;
                }
                default:
                    throw new LuaError("invalid format option '" + opt + "'");
            }
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static long unsignedOf(double n) {
        return new java.math.BigDecimal(n).toBigInteger().longValue();
    }

    private static void putInteger(ByteArrayOutputStream out, long v, boolean little, int size) {
        byte[] b = new byte[size];
        for (int k = 0; k < size; k++) {
            int idx = little ? k : size - 1 - k;
            b[idx] = k < 8 ? (byte) (v >>> (8 * k)) : (byte) (v < 0 ? 0xff : 0);
        }
        out.write(b, 0, size);
    }

    private static long getInteger(byte[] d, int off, boolean little, int size, boolean signed) {
        long v = 0;
        for (int k = 0; k < size && k < 8; k++) {
            int idx = little ? off + k : off + size - 1 - k;
            v |= (d[idx] & 0xffL) << (8 * k);
        }
        if (signed && size < 8) {
            int shift = 64 - 8 * size;
            v = (v << shift) >> shift;
        }
        return v;
    }

    private static Varargs unpack(Varargs a) {
        Fmt f = new Fmt(a.checkjstring(1));
        LuaString data = a.checkstring(2);
        byte[] d = new byte[data.m_length];
        System.arraycopy(data.m_bytes, data.m_offset, d, 0, d.length);
        int pos = a.optint(3, 1) - 1;
        if (pos < 0) throw new LuaError("bad argument #3 to 'unpack' (offset must be 1 or greater)");
        java.util.List<LuaValue> results = new java.util.ArrayList<>();
        while (f.more()) {
            char opt = f.next();
            if (f.control(opt)) continue;
            int size = f.size(opt);
            pos += f.padding(pos, opt, size);
            if (pos + size > d.length) throw new LuaError("bad argument #2 to 'unpack' (data string too short)");
            switch (opt) {
                case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
                    boolean signed = Character.isLowerCase(opt);
                    long v = getInteger(d, pos, f.little, size, signed);
                    double n = (!signed && v < 0) ? unsignedToDouble(v) : (double) v;
                    results.add(LuaValue.valueOf(n));
                    break;
                }
                case 'x':
                    break;
                case 'f':
                    results.add(LuaValue.valueOf((double) Float.intBitsToFloat((int) getInteger(d, pos, f.little, 4, false))));
                    break;
                case 'd':
                    results.add(LuaValue.valueOf(Double.longBitsToDouble(getInteger(d, pos, f.little, 8, false))));
                    break;
                case 'c': {
                    if (size == 0) {
                        if (results.isEmpty() || !results.get(results.size() - 1).isnumber()) {
                            throw new LuaError("format 'c0' needs a previous size");
                        }
                        size = results.remove(results.size() - 1).toint();
                        if (size > d.length || pos > d.length - size) {
                            throw new LuaError("bad argument #2 to 'unpack' (data string too short)");
                        }
                    }
                    byte[] s = new byte[size];
                    System.arraycopy(d, pos, s, 0, size);
                    results.add(LuaString.valueOf(s));
                    break;
                }
                case 's': {
                    int end = pos;
                    while (end < d.length && d[end] != 0) end++;
                    if (end >= d.length) throw new LuaError("unfinished string in data");
                    byte[] s = new byte[end - pos];
                    System.arraycopy(d, pos, s, 0, s.length);
                    results.add(LuaString.valueOf(s));
                    size = s.length + 1;
                    break;
                }
                default:
                    throw new LuaError("invalid format option '" + opt + "'");
            }
            pos += size;
        }
        results.add(LuaValue.valueOf(pos + 1));
        return LuaValue.varargsOf(results.toArray(new LuaValue[0]));
    }

    private static double unsignedToDouble(long v) {
        return (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
