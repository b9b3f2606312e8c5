package io.fakeredis.core.scripting.luaj;

import io.fakeredis.core.util.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua 5.1's string.format with C printf semantics (flags, width, precision), which LuaJ's own
 * version does not honour: rate limiters and the like format numbers with it.
 */
final class StringFormat extends VarArgFunction {
    @Override
    public Varargs invoke(Varargs args) {
        byte[] fmt = LuajRuntime.bytes(args.checkstring(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 1;
        for (int i = 0; i < fmt.length; i++) {
            byte c = fmt[i];
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (++i >= fmt.length) throw new LuaError("invalid option '%' to 'format'");
            if (fmt[i] == '%') {
                out.write('%');
                continue;
            }
            int start = i;
            while (i < fmt.length && "-+ #0".indexOf(fmt[i]) >= 0) i++;
            while (i < fmt.length && Character.isDigit(fmt[i])) i++;
            if (i < fmt.length && fmt[i] == '.') {
                i++;
                while (i < fmt.length && Character.isDigit(fmt[i])) i++;
            }
            if (i >= fmt.length) throw new LuaError("invalid option to 'format'");
            String spec = new String(fmt, start, i - start, java.nio.charset.StandardCharsets.US_ASCII);
            char conv = (char) fmt[i];
            arg++;
            String piece;
            switch (conv) {
                case 'd': case 'i':
                    piece = String.format(Locale.ROOT, "%" + spec + "d", (long) args.checkdouble(arg));
                    break;
                case 'u':
                    piece = String.format(Locale.ROOT, "%" + spec + "d", (long) args.checkdouble(arg));
                    break;
                case 'o': case 'x': case 'X':
                    piece = String.format(Locale.ROOT, "%" + spec + conv, (long) args.checkdouble(arg));
                    break;
                case 'c':
                    out.write((int) args.checkdouble(arg));
                    continue;
                case 'e': case 'E': case 'f':
                    piece = String.format(Locale.ROOT, "%" + spec + conv, args.checkdouble(arg));
                    break;
                case 'g': case 'G': {
                    int dot = spec.indexOf('.');
                    int prec = dot >= 0 ? (dot + 1 < spec.length() ? Integer.parseInt(spec.substring(dot + 1)) : 0) : 6;
                    String flags = dot >= 0 ? spec.substring(0, dot) : spec;
                    String g = Bytes.formatG(args.checkdouble(arg), Math.max(prec, 1));
                    if (conv == 'G') g = g.toUpperCase(Locale.ROOT);
                    piece = pad(g, flags);
                    break;
                }
                case 'q': {
                    byte[] s = LuajRuntime.bytes(args.checkstring(arg));
                    out.write('"');
                    for (byte b : s) {
                        if (b == '"' || b == '\\' || b == '\n') {
                            out.write('\\');
                            out.write(b);
                        } else if (b == '\r') {
                            out.writeBytes("\\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        } else if (b == 0) {
                            out.writeBytes("\\000".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        } else {
                            out.write(b);
                        }
                    }
                    out.write('"');
                    continue;
                }
                case 's': {
                    LuaValue v = args.arg(arg);
                    byte[] s = v.type() == LuaValue.TNUMBER
                            ? Bytes.utf8(LuajRuntime.number(v.todouble()))
                            : LuajRuntime.bytes(v.isstring() ? v : v.tostring());
                    int dot = spec.indexOf('.');
                    if (dot >= 0) {
                        int prec = dot + 1 < spec.length() ? Integer.parseInt(spec.substring(dot + 1)) : 0;
                        if (prec < s.length) s = java.util.Arrays.copyOf(s, prec);
                    }
                    String flags = dot >= 0 ? spec.substring(0, dot) : spec;
                    int width = flags.replaceAll("[^0-9]", "").isEmpty() ? 0 : Integer.parseInt(flags.replaceAll("[-+ #0]", ""));
                    boolean left = flags.contains("-");
                    if (!left) for (int k = s.length; k < width; k++) out.write(' ');
                    out.writeBytes(s);
                    if (left) for (int k = s.length; k < width; k++) out.write(' ');
                    continue;
                }
                default:
                    throw new LuaError("invalid option '%" + conv + "' to 'format'");
            }
            out.writeBytes(piece.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static String pad(String s, String flags) {
        String digits = flags.replaceAll("[-+ #0]", "");
        int width = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        if (flags.contains("+") && !s.startsWith("-")) s = "+" + s;
        StringBuilder b = new StringBuilder();
        boolean left = flags.contains("-");
        boolean zero = flags.contains("0") && !left;
        int fill = width - s.length();
        if (left) {
            b.append(s);
            for (int k = 0; k < fill; k++) b.append(' ');
        } else if (zero && fill > 0) {
            int sign = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
            b.append(s, 0, sign);
            for (int k = 0; k < fill; k++) b.append('0');
            b.append(s.substring(sign));
        } else {
            for (int k = 0; k < fill; k++) b.append(' ');
            b.append(s);
        }
        return b.toString();
    }
}
