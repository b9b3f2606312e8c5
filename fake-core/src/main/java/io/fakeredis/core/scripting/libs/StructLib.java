package io.fakeredis.core.scripting.libs;

import io.fakeredis.core.scripting.lua.Lua;
import io.fakeredis.core.scripting.lua.LuaFunction;
import io.fakeredis.core.scripting.lua.LuaState;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Roberto Ierusalimschy's struct library as Redis bundles it (pack, unpack, size), with the sizes
 * of a 64-bit Linux build: long and size_t take 8 bytes, native order is little-endian, and the
 * widest alignment is 8.
 */
public final class StructLib {
    private static final int MAXINTSIZE = 32;
    private static final int MAXALIGN = 8;

    private StructLib() {}

    public static LuaTable create(LuaState L) {
        LuaTable t = new LuaTable();
        t.put("pack", LuaFunction.of(StructLib::pack));
        t.put("unpack", LuaFunction.of(StructLib::unpack));
        t.put("size", LuaFunction.of(StructLib::size));
        return t;
    }

    /** A format string being read, with the current endianness and alignment. */
    private static final class Format {
        final LuaState L;
        final byte[] s;
        int i;
        boolean little = true;
        int align = 1;

        Format(LuaState L, LuaString fmt) {
            this.L = L;
            byte[] b = fmt.bytes;
            int n = 0;
            while (n < b.length && b[n] != 0) n++; // a C string ends at its first zero
            this.s = java.util.Arrays.copyOf(b, n);
        }

        boolean more() {
            return i < s.length;
        }

        int next() {
            return s[i++] & 0xff;
        }

        private boolean digitAhead() {
            return i < s.length && s[i] >= '0' && s[i] <= '9';
        }

        int number(int def) {
            if (!digitAhead()) return def;
            long a = 0;
            do {
                int d = s[i] - '0';
                if (a > Integer.MAX_VALUE / 10 || a * 10 > Integer.MAX_VALUE - d) throw L.error("integral size overflow");
                a = a * 10 + d;
                i++;
            } while (digitAhead());
            return (int) a;
        }

        int size(int opt) {
            switch (opt) {
                case 'B': case 'b': return 1;
                case 'H': case 'h': return 2;
                case 'L': case 'l': case 'T': return 8;
                case 'f': return 4;
                case 'd': return 8;
                case 'x': return 1;
                case 'c': return number(1);
                case 'i': case 'I': {
                    int sz = number(4);
                    if (sz > MAXINTSIZE) throw L.error("integral size " + sz + " is larger than limit of " + MAXINTSIZE);
                    return sz;
                }
                default: return 0;
            }
        }

        int toAlign(long len, int opt, int size) {
            if (size == 0 || opt == 'c') return 0;
            if (size > align) size = align;
            return (int) ((size - (len & (size - 1))) & (size - 1));
        }

        void control(int opt) {
            switch (opt) {
                case ' ': return;
                case '>': little = false; return;
                case '<': little = true; return;
                case '!': {
                    int a = number(MAXALIGN);
                    if ((a & (a - 1)) != 0) throw L.error("alignment " + a + " is not a power of 2");
                    align = a;
                    return;
                }
                default:
                    throw L.argError(1, "invalid format option '" + (char) opt + "'");
            }
        }
    }

    private static Object[] pack(LuaState L, Object[] a) {
        Format f = new Format(L, L.checkString(a, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 2;
        long total = 0;
        while (f.more()) {
            int opt = f.next();
            int size = f.size(opt);
            int pad = f.toAlign(total, opt, size);
            total += pad;
            for (int k = 0; k < pad; k++) out.write(0);
            switch (opt) {
                case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I': {
                    double n = L.checkNumber(a, arg++);
                    putInteger(out, toUnsigned(n), f.little, size);
                    break;
                }
                case 'x':
                    out.write(0);
                    break;
                case 'f': {
                    float x = (float) L.checkNumber(a, arg++);
                    putInteger(out, Float.floatToRawIntBits(x) & 0xffffffffL, f.little, 4);
                    break;
                }
                case 'd':
                    putInteger(out, Double.doubleToRawLongBits(L.checkNumber(a, arg++)), f.little, 8);
                    break;
                case 'c': case 's': {
                    LuaString s = L.checkString(a, arg++);
                    if (size == 0) size = s.length();
                    // the argument number after the increment, as the C code reports it
                    if (s.length() < size) throw L.argError(arg, "string too short");
                    out.write(s.bytes, 0, size);
                    if (opt == 's') {
                        out.write(0);
                        size++;
                    }
                    break;
                }
                default:
                    f.control(opt);
            }
            total += size;
        }
        return Lua.one(LuaString.wrap(out.toByteArray()));
    }

    /** C's conversion to an unsigned 64-bit value: negatives through int64, others directly. */
    private static long toUnsigned(double n) {
        if (n < 0) return (long) n;
        if (n >= 0x1p63) return n >= 0x1p64 ? 0 : (long) (n - 0x1p63) ^ Long.MIN_VALUE;
        return (long) n;
    }

    /** Writes size bytes of v; beyond 8 bytes the shifted-out value leaves zeros. */
    private static void putInteger(ByteArrayOutputStream out, long v, boolean little, int size) {
        byte[] b = new byte[size];
        for (int k = 0; k < size; k++) {
            b[little ? k : size - 1 - k] = (byte) (k < 8 ? v >>> (8 * k) : 0);
        }
        out.write(b, 0, size);
    }

    private static double getInteger(byte[] d, int off, boolean little, boolean signed, int size) {
        long l = 0;
        if (!little) {
            for (int k = 0; k < size; k++) l = (l << 8) | (d[off + k] & 0xffL);
        } else {
            for (int k = size - 1; k >= 0; k--) l = (l << 8) | (d[off + k] & 0xffL);
        }
        if (!signed) return l < 0 ? (double) (l >>> 1) * 2.0 + (l & 1) : (double) l;
        long mask = -1L << ((size * 8 - 1) & 63); // x86 takes the shift count modulo 64
        if ((l & mask) != 0) l |= mask;
        return (double) l;
    }

    private static Object[] unpack(LuaState L, Object[] a) {
        Format f = new Format(L, L.checkString(a, 1));
        byte[] d = L.checkString(a, 2).bytes;
        long ld = d.length;
        long pos = (long) L.optNumber(a, 3, 1) - 1;
        if (pos < 0 || pos > ld) throw L.argError(3, "offset must be 1 or greater");
        List<Object> out = new ArrayList<>();
        while (f.more()) {
            int opt = f.next();
            long size = f.size(opt);
            pos += f.toAlign(pos, opt, (int) size);
            if (!(size <= ld && pos <= ld - size)) throw L.argError(2, "data string too short");
            switch (opt) {
                case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
                    out.add(getInteger(d, (int) pos, f.little, Character.isLowerCase(opt), (int) size));
                    break;
                case 'x':
                    break;
                case 'f':
                    out.add((double) Float.intBitsToFloat((int) (long) getInteger(d, (int) pos, f.little, false, 4)));
                    break;
                case 'd': {
                    long bits = 0;
                    for (int k = 0; k < 8; k++) {
                        int idx = f.little ? (int) pos + k : (int) pos + 7 - k;
                        bits |= (d[idx] & 0xffL) << (8 * k);
                    }
                    out.add(Double.longBitsToDouble(bits));
                    break;
                }
                case 'c': {
                    if (size == 0) {
                        Double prev = out.isEmpty() ? null : Lua.toNumber(out.get(out.size() - 1));
                        if (prev == null) throw L.error("format 'c0' needs a previous size");
                        size = (long) (double) prev;
                        out.remove(out.size() - 1);
                        if (!(size <= ld && pos <= ld - size)) throw L.argError(2, "data string too short");
                    }
                    out.add(LuaString.wrap(java.util.Arrays.copyOfRange(d, (int) pos, (int) (pos + size))));
                    break;
                }
                case 's': {
                    int e = (int) pos;
                    while (e < d.length && d[e] != 0) e++;
                    if (e >= d.length) throw L.error("unfinished string in data");
                    out.add(LuaString.wrap(java.util.Arrays.copyOfRange(d, (int) pos, e)));
                    size = e - pos + 1;
                    break;
                }
                default:
                    f.control(opt);
            }
            pos += size;
        }
        out.add((double) (pos + 1));
        return out.toArray();
    }

    private static Object[] size(LuaState L, Object[] a) {
        Format f = new Format(L, L.checkString(a, 1));
        long pos = 0;
        while (f.more()) {
            int opt = f.next();
            int size = f.size(opt);
            pos += f.toAlign(pos, opt, size);
            if (opt == 's' || (opt == 'c' && size == 0)) throw L.argError(1, "options 'c0' - 's' have undefined sizes");
            if (!Character.isLetterOrDigit(opt)) f.control(opt);
            pos += size;
        }
        return Lua.one((double) pos);
    }
}
