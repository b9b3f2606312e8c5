package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.type.MutableString;
import io.fakeredis.core.type.StringValue;
import io.fakeredis.core.util.Bytes;

/** Bitmap commands, as Redis 7.0's bitops.c. */
public final class BitmapCommands {
    private BitmapCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "setbit" -> setbit(c);
            case "getbit" -> getbit(c);
            case "bitcount" -> bitcount(c);
            case "bitpos" -> bitpos(c);
            case "bitop" -> bitop(c);
            case "bitfield" -> bitfield(c, false);
            case "bitfield_ro" -> bitfield(c, true);
            default -> throw new IllegalStateException("not bound in BitmapCommands: " + name);
        }
    }

    private static final String BIT_OFFSET_ERR = "ERR bit offset is not an integer or out of range";
    private static final String BIT_ERR = "ERR bit is not an integer or out of range";
    private static final RedisException bitOffsetErr = new RedisException(BIT_OFFSET_ERR);
    private static final RedisException bitErr = new RedisException(BIT_ERR);
    private static final RedisException bitfieldTypeErr = new RedisException(
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.");

    private static Object checkString(Object v) {
        if (v != null && !StringValue.isString(v)) throw Errors.wrongType;
        return v;
    }

    /** getBitOffsetFromArgument: a bit offset, or with hash a "#n" offset counted in units of bits. */
    private static long bitOffset(Client c, byte[] arg, boolean hash, int bits) {
        int skip = hash && arg.length > 1 && arg[0] == '#' ? 1 : 0;
        long[] out = new long[1];
        if (!Bytes.parseLong(arg, skip, arg.length - skip, out)) throw bitOffsetErr;
        long off = out[0];
        if (skip == 1) off *= bits; // wraps like the C multiplication
        if (off < 0) throw bitOffsetErr;
        // the proto-max-bulk-len limit (at least 1MB, so small offsets skip the config lookup);
        // a Java array also cannot go past 2GB
        long bytes = off >> 3;
        if (bytes >= 1024 * 1024 && (bytes >= c.engine.config().protoMaxBulkLen() || bytes >= Integer.MAX_VALUE - 16)) throw bitOffsetErr;
        return off;
    }

    /** getBitfieldTypeFromArgument: bits, negated for signed types. */
    private static int bitfieldType(byte[] arg) {
        boolean sign;
        if (arg.length > 0 && arg[0] == 'i') sign = true;
        else if (arg.length > 0 && arg[0] == 'u') sign = false;
        else throw bitfieldTypeErr;
        int n = 1; // strlen(p+1): the C string stops at the first NUL
        while (n < arg.length && arg[n] != 0) n++;
        long[] out = new long[1];
        if (!Bytes.parseLong(arg, 1, n - 1, out) || out[0] < 1 || (sign && out[0] > 64) || (!sign && out[0] > 63)) {
            throw bitfieldTypeErr;
        }
        return sign ? -(int) out[0] : (int) out[0];
    }

    /** The bytes of a string value without copying: the array plus its used length. */
    private static byte[] buf(Object o) {
        return o instanceof MutableString ? ((MutableString) o).buffer() : (byte[]) o;
    }

    private static int len(Object o) {
        return StringValue.length(o);
    }

    /**
     * lookupStringForBitCommand: the key's string (o, already looked up for write) as an editable raw
     * value at least maxBit bits long, created when missing. The caller compares lengths to tell
     * whether it was created or grown.
     */
    private static MutableString stringForBits(Client c, byte[] key, Object o, long maxBit) {
        int need = (int) (maxBit >>> 3) + 1;
        if (o == null) {
            MutableString s = MutableString.zeros(need);
            c.db.add(key, s);
            return s;
        }
        MutableString s;
        if (o instanceof MutableString) {
            s = (MutableString) o;
        } else {
            s = MutableString.raw((byte[]) o, Math.max(0, need - len(o)));
            c.db.replaceValue(key, s);
        }
        s.editable(need);
        return s;
    }

    // ---- SETBIT / GETBIT ----

    static void setbit(Client c) {
        byte[] key = c.argv[1];
        long off = bitOffset(c, c.argv[2], false, 0);
        long on = Bytes.toLong(c.argv[3], BIT_ERR);
        if ((on & ~1L) != 0) throw bitErr;
        Object o = checkString(c.db.lookupWrite(key));
        int oldLen = o == null ? -1 : len(o);
        MutableString s = stringForBits(c, key, o, off);
        boolean dirty = s.length() != oldLen;
        byte[] b = s.editable(0);
        int idx = (int) (off >>> 3);
        int bit = 7 - (int) (off & 7);
        int byteval = b[idx] & 0xff;
        int bitval = (byteval >> bit) & 1;
        if (dirty || bitval != on) {
            byteval &= ~(1 << bit);
            byteval |= (int) on << bit;
            b[idx] = (byte) byteval;
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.STRING, "setbit", c.db, key);
        }
        c.reply.integer(bitval);
    }

    static void getbit(Client c) {
        long off = bitOffset(c, c.argv[2], false, 0);
        Object o = checkString(c.db.lookupRead(c.argv[1]));
        if (o == null) {
            c.reply.integer(0);
            return;
        }
        long idx = off >>> 3;
        int bitval = 0;
        if (idx < len(o)) bitval = (buf(o)[(int) idx] >> (7 - (int) (off & 7))) & 1;
        c.reply.integer(bitval);
    }

    // ---- BITCOUNT / BITPOS ----

    private static boolean isBitUnit(byte[] arg) {
        if (Bytes.eq(arg, "bit")) return true;
        if (Bytes.eq(arg, "byte")) return false;
        throw Errors.syntax;
    }

    static void bitcount(Client c) {
        // Redis 7.0 looks the key up before parsing the range
        Object o = checkString(c.db.lookupRead(c.argv[1]));
        if (o == null) {
            c.reply.integer(0);
            return;
        }
        byte[] p = buf(o);
        long strlen = len(o);
        int argc = c.argv.length;
        long startBit, endBit;
        if (argc == 4 || argc == 5) {
            long start = Bytes.toLong(c.argv[2]);
            long end = Bytes.toLong(c.argv[3]);
            if (start < 0 && end < 0 && start > end) {
                c.reply.integer(0);
                return;
            }
            boolean isbit = argc == 5 && isBitUnit(c.argv[4]);
            long totlen = isbit ? strlen << 3 : strlen;
            if (start < 0) start = totlen + start;
            if (end < 0) end = totlen + end;
            if (start < 0) start = 0;
            if (end < 0) end = 0;
            if (end >= totlen) end = totlen - 1;
            if (start > end) {
                c.reply.integer(0);
                return;
            }
            startBit = isbit ? start : start << 3;
            endBit = isbit ? end : (end << 3) + 7;
        } else if (argc == 2) {
            if (strlen == 0) {
                c.reply.integer(0);
                return;
            }
            startBit = 0;
            endBit = (strlen << 3) - 1;
        } else {
            throw Errors.syntax;
        }
        c.reply.integer(popcount(p, startBit, endBit));
    }

    /** Set bits in [from, to], bit offsets, both inside the string. */
    private static long popcount(byte[] p, long from, long to) {
        int first = (int) (from >>> 3), last = (int) (to >>> 3);
        long count = 0;
        for (int i = first; i <= last; i++) count += Integer.bitCount(p[i] & 0xff);
        // drop the bits of the edge bytes that lie outside the range
        count -= Integer.bitCount((p[first] & 0xff) >>> (8 - (int) (from & 7)));
        count -= Integer.bitCount(p[last] & ((1 << (7 - (int) (to & 7))) - 1));
        return count;
    }

    static void bitpos(Client c) {
        long bit = Bytes.toLong(c.argv[2]);
        if (bit != 0 && bit != 1) throw new RedisException("ERR The bit argument must be 1 or 0.");
        Object o = c.db.lookupRead(c.argv[1]);
        if (o == null) {
            // a missing key is an infinite run of zero bits
            c.reply.integer(bit == 1 ? -1 : 0);
            return;
        }
        checkString(o);
        byte[] p = buf(o);
        long strlen = len(o);
        int argc = c.argv.length;
        boolean endGiven = false;
        long startBit, endBit;
        if (argc >= 4 && argc <= 6) {
            long start = Bytes.toLong(c.argv[3]);
            boolean isbit = argc == 6 && isBitUnit(c.argv[5]);
            long end;
            if (argc >= 5) {
                end = Bytes.toLong(c.argv[4]);
                endGiven = true;
            } else {
                end = strlen - 1;
            }
            long totlen = isbit ? strlen << 3 : strlen;
            if (start < 0) start = totlen + start;
            if (end < 0) end = totlen + end;
            if (start < 0) start = 0;
            if (end < 0) end = 0;
            if (end >= totlen) end = totlen - 1;
            if (start > end) {
                c.reply.integer(-1);
                return;
            }
            startBit = isbit ? start : start << 3;
            endBit = isbit ? end : (end << 3) + 7;
        } else if (argc == 3) {
            if (strlen == 0) {
                c.reply.integer(-1);
                return;
            }
            startBit = 0;
            endBit = (strlen << 3) - 1;
        } else {
            throw Errors.syntax;
        }
        long pos = -1;
        int want = (int) bit;
        for (long i = startBit; i <= endBit; i++) {
            int b = p[(int) (i >>> 3)] & 0xff;
            // skip whole bytes that cannot hold the bit we look for
            if ((i & 7) == 0 && i + 7 <= endBit && b == (want == 1 ? 0 : 0xff)) {
                i += 7;
                continue;
            }
            if (((b >> (7 - (int) (i & 7))) & 1) == want) {
                pos = i;
                break;
            }
        }
        // a clear bit past the range counts only when no end was given: the string reads as zero-padded
        if (pos == -1 && want == 0 && !endGiven) pos = endBit + 1;
        c.reply.integer(pos);
    }

    // ---- BITOP ----

    private static final int AND = 0, OR = 1, XOR = 2, NOT = 3;

    static void bitop(Client c) {
        byte[] opname = c.argv[1];
        byte[] dest = c.argv[2];
        int op;
        if (Bytes.eq(opname, "and")) op = AND;
        else if (Bytes.eq(opname, "or")) op = OR;
        else if (Bytes.eq(opname, "xor")) op = XOR;
        else if (Bytes.eq(opname, "not")) op = NOT;
        else throw Errors.syntax;
        if (op == NOT && c.argv.length != 4) throw new RedisException("ERR BITOP NOT must be called with a single source key.");
        int n = c.argv.length - 3;
        byte[][] src = new byte[n][];
        int[] lens = new int[n];
        int maxlen = 0;
        for (int j = 0; j < n; j++) {
            Object o = checkString(c.db.lookupRead(c.argv[j + 3]));
            if (o == null) continue;
            src[j] = buf(o);
            lens[j] = len(o);
            maxlen = Math.max(maxlen, lens[j]);
        }
        if (maxlen > 0) {
            MutableString res = MutableString.zeros(maxlen); // createObject: always raw
            byte[] out = res.editable(0);
            for (int i = 0; i < maxlen; i++) {
                int v = lens[0] > i ? src[0][i] : 0;
                if (op == NOT) v = ~v;
                for (int j = 1; j < n; j++) {
                    int b = lens[j] > i ? src[j][i] : 0;
                    if (op == AND) v &= b;
                    else if (op == OR) v |= b;
                    else v ^= b;
                }
                out[i] = (byte) v;
            }
            c.db.setKey(dest, res, false);
            c.engine.notify(Notify.STRING, "set", c.db, dest);
        } else if (c.db.delete(dest)) {
            c.engine.notify(Notify.GENERIC, "del", c.db, dest);
        }
        c.reply.integer(maxlen);
    }

    // ---- BITFIELD ----

    private static final int GET = 0, SET = 1, INCRBY = 2;
    private static final int WRAP = 0, SAT = 1, FAIL = 2;

    static void bitfield(Client c, boolean readonlyCommand) {
        byte[][] argv = c.argv;
        int cap = argv.length / 3 + 1;
        int[] opcode = new int[cap], owtypes = new int[cap], width = new int[cap];
        boolean[] signed = new boolean[cap];
        long[] offsets = new long[cap], values = new long[cap];
        int numops = 0;
        int owtype = WRAP;
        boolean readonly = true;
        long highestWrite = 0;
        for (int j = 2; j < argv.length; j++) {
            int remargs = argv.length - j - 1;
            byte[] sub = argv[j];
            int code;
            if (Bytes.eq(sub, "get") && remargs >= 2) {
                code = GET;
            } else if (Bytes.eq(sub, "set") && remargs >= 3) {
                code = SET;
            } else if (Bytes.eq(sub, "incrby") && remargs >= 3) {
                code = INCRBY;
            } else if (Bytes.eq(sub, "overflow") && remargs >= 1) {
                byte[] name = argv[++j];
                if (Bytes.eq(name, "wrap")) owtype = WRAP;
                else if (Bytes.eq(name, "sat")) owtype = SAT;
                else if (Bytes.eq(name, "fail")) owtype = FAIL;
                else throw new RedisException("ERR Invalid OVERFLOW type specified");
                continue;
            } else {
                throw Errors.syntax;
            }
            int type = bitfieldType(argv[j + 1]);
            int bits = Math.abs(type);
            long off = bitOffset(c, argv[j + 2], true, bits);
            long value = 0;
            if (code != GET) {
                readonly = false;
                if (highestWrite < off + bits - 1) highestWrite = off + bits - 1;
                value = Bytes.toLong(argv[j + 3]);
            }
            opcode[numops] = code;
            owtypes[numops] = owtype;
            width[numops] = bits;
            signed[numops] = type < 0;
            offsets[numops] = off;
            values[numops] = value;
            numops++;
            j += code == GET ? 2 : 3;
        }

        Object o;
        boolean dirty = false;
        byte[] key = argv[1];
        if (readonly) {
            o = checkString(c.db.lookupRead(key));
        } else {
            if (readonlyCommand) throw new RedisException("ERR BITFIELD_RO only supports the GET subcommand");
            o = checkString(c.db.lookupWrite(key));
            int oldLen = o == null ? -1 : len(o);
            o = stringForBits(c, key, o, highestWrite);
            dirty = len(o) != oldLen;
        }

        c.reply.array(numops);
        int changes = 0;
        long[] limit = new long[1];
        for (int i = 0; i < numops; i++) {
            int bits = width[i];
            long off = offsets[i];
            if (opcode[i] == GET) {
                long v = o == null ? 0 : getBits(buf(o), len(o), off, bits);
                if (signed[i]) v = signExtend(v, bits);
                c.reply.integer(v);
                continue;
            }
            MutableString s = (MutableString) o;
            byte[] b = s.editable(0);
            int slen = s.length();
            long oldval = getBits(b, slen, off, bits);
            long newval, retval;
            int overflow;
            if (signed[i]) {
                oldval = signExtend(oldval, bits);
                if (opcode[i] == INCRBY) {
                    overflow = signedOverflow(oldval, values[i], bits, owtypes[i], limit);
                    newval = overflow != 0 ? limit[0] : oldval + values[i];
                    retval = newval;
                } else {
                    newval = values[i];
                    overflow = signedOverflow(newval, 0, bits, owtypes[i], limit);
                    if (overflow != 0) newval = limit[0];
                    retval = oldval;
                }
            } else {
                if (opcode[i] == INCRBY) {
                    newval = oldval + values[i];
                    overflow = unsignedOverflow(oldval, values[i], bits, owtypes[i], limit);
                    if (overflow != 0) newval = limit[0];
                    retval = newval;
                } else {
                    newval = values[i];
                    overflow = unsignedOverflow(newval, 0, bits, owtypes[i], limit);
                    if (overflow != 0) newval = limit[0];
                    retval = oldval;
                }
            }
            if (overflow != 0 && owtypes[i] == FAIL) {
                c.reply.nullBulk();
                continue;
            }
            c.reply.integer(retval);
            setBits(b, off, bits, newval);
            if (dirty || oldval != newval) changes++;
        }
        if (changes > 0) {
            c.db.signalModifiedKey(key);
            c.engine.notify(Notify.STRING, "setbit", c.db, key);
        }
    }

    /** The unsigned value of bits bits at off; bits past len read as zero. */
    private static long getBits(byte[] p, int len, long off, int bits) {
        long v = 0;
        for (int j = 0; j < bits; j++, off++) {
            long idx = off >>> 3;
            int bit = idx < len ? (p[(int) idx] >> (7 - (int) (off & 7))) & 1 : 0;
            v = (v << 1) | bit;
        }
        return v;
    }

    private static void setBits(byte[] p, long off, int bits, long value) {
        for (int j = 0; j < bits; j++, off++) {
            int idx = (int) (off >>> 3);
            int bit = 7 - (int) (off & 7);
            if ((value & (1L << (bits - 1 - j))) != 0) p[idx] |= (byte) (1 << bit);
            else p[idx] &= (byte) ~(1 << bit);
        }
    }

    private static long signExtend(long v, int bits) {
        if (bits < 64 && (v & (1L << (bits - 1))) != 0) v |= -1L << bits;
        return v;
    }

    /** checkSignedBitfieldOverflow: 1 above, -1 below, 0 in range; limit[0] gets the wrapped or saturated value. */
    private static int signedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxincr = max - value;
        long minincr = min - value;
        if (value > max || (bits != 64 && incr > maxincr) || (value >= 0 && incr > 0 && incr > maxincr)) {
            if (owtype == WRAP) limit[0] = wrapSigned(value, incr, bits);
            else if (owtype == SAT) limit[0] = max;
            return 1;
        } else if (value < min || (bits != 64 && incr < minincr) || (value < 0 && incr < 0 && incr < minincr)) {
            if (owtype == WRAP) limit[0] = wrapSigned(value, incr, bits);
            else if (owtype == SAT) limit[0] = min;
            return -1;
        }
        return 0;
    }

    private static long wrapSigned(long value, long incr, int bits) {
        long r = value + incr;
        if (bits < 64) {
            long mask = -1L << bits;
            if ((r & (1L << (bits - 1))) != 0) r |= mask;
            else r &= ~mask;
        }
        return r;
    }

    /** checkUnsignedBitfieldOverflow, with value read as unsigned. */
    private static int unsignedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = (1L << bits) - 1;
        long maxincr = max - value;
        long minincr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxincr)) {
            if (owtype == WRAP) limit[0] = (value + incr) & ~(-1L << bits);
            else if (owtype == SAT) limit[0] = max;
            return 1;
        } else if (incr < 0 && incr < minincr) {
            if (owtype == WRAP) limit[0] = (value + incr) & ~(-1L << bits);
            else if (owtype == SAT) limit[0] = 0;
            return -1;
        }
        return 0;
    }
}
