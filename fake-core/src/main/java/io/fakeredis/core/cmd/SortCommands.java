package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.Errors;
import io.fakeredis.core.Notify;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.db.Database;
import io.fakeredis.core.type.HashValue;
import io.fakeredis.core.type.ListValue;
import io.fakeredis.core.type.SetValue;
import io.fakeredis.core.type.StringValue;
import io.fakeredis.core.type.ZSetValue;
import io.fakeredis.core.util.Bytes;
import io.fakeredis.core.util.PartialSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

/** SORT and SORT_RO, as Redis 7.0's sort.c. */
public final class SortCommands {
    private SortCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "sort" -> sort(c, false);
            case "sort_ro" -> sort(c, true);
            default -> throw new IllegalStateException("not bound in SortCommands: " + name);
        }
    }

    /** One element of the sorting vector (redisSortObject). */
    private static final class Item {
        final byte[] obj;
        double score;
        byte[] cmp; // BY value for ALPHA sorting, null when the BY key is missing

        Item(byte[] obj) {
            this.obj = obj;
        }
    }

    static void sort(Client c, boolean readonly) {
        byte[][] argv = c.argv;
        boolean desc = false, alpha = false, dontsort = false;
        long limitStart = 0, limitCount = -1;
        byte[] sortby = null, storekey = null;
        ArrayList<byte[]> gets = new ArrayList<>();

        // The SQL-alike option syntax; errors are reported in argument order, before the key lookup.
        for (int j = 2; j < argv.length; j++) {
            int left = argv.length - j - 1;
            byte[] a = argv[j];
            if (Bytes.eq(a, "asc")) {
                desc = false;
            } else if (Bytes.eq(a, "desc")) {
                desc = true;
            } else if (Bytes.eq(a, "alpha")) {
                alpha = true;
            } else if (Bytes.eq(a, "limit") && left >= 2) {
                limitStart = Bytes.toLong(argv[j + 1]);
                limitCount = Bytes.toLong(argv[j + 2]);
                j += 2;
            } else if (!readonly && Bytes.eq(a, "store") && left >= 1) {
                storekey = argv[j + 1];
                j++;
            } else if (Bytes.eq(a, "by") && left >= 1) {
                sortby = argv[j + 1];
                // a BY pattern without '*' (as a C string) means "don't sort"
                if (indexOf(sortby, (byte) '*', 0, cLen(sortby)) < 0) dontsort = true;
                j++;
            } else if (Bytes.eq(a, "get") && left >= 1) {
                gets.add(argv[j + 1]);
                j++;
            } else {
                throw Errors.syntax;
            }
        }

        Object sortval = c.db.lookupRead(argv[1]);
        if (sortval != null && !(sortval instanceof ListValue) && !(sortval instanceof SetValue)
                && !(sortval instanceof ZSetValue)) {
            throw Errors.wrongType;
        }
        if (sortval == null) sortval = new ListValue();
        // Redis converts a listpack zset to a skiplist for good before sorting it
        if (sortval instanceof ZSetValue) ((ZSetValue) sortval).toSkiplist();

        // Sets have no native order: with STORE or inside a script Redis sorts them anyway so the
        // result replicates deterministically.
        if (dontsort && sortval instanceof SetValue
                && (storekey != null || c.engine.scripting().isScriptClient(c))) {
            dontsort = false;
            alpha = true;
            sortby = null;
        }

        int vectorlen;
        if (sortval instanceof ListValue) vectorlen = ((ListValue) sortval).size();
        else if (sortval instanceof SetValue) vectorlen = ((SetValue) sortval).size();
        else vectorlen = (int) ((ZSetValue) sortval).size();

        // LIMIT sanity, clamped to the object's size exactly as Redis does
        long start = Math.min(Math.max(limitStart, 0), vectorlen);
        limitCount = Math.min(Math.max(limitCount, -1), vectorlen);
        long end = limitCount < 0 ? vectorlen - 1 : start + limitCount - 1;
        if (start >= vectorlen) {
            start = vectorlen - 1;
            end = vectorlen - 2;
        }
        if (end >= vectorlen) end = vectorlen - 1;

        Item[] vector;
        if (dontsort && sortval instanceof ListValue) {
            // native order, ASC/DESC walking from either end, only the LIMIT range
            ListValue l = (ListValue) sortval;
            int n = end >= start ? (int) (end - start + 1) : 0;
            vector = new Item[n];
            for (int k = 0; k < n; k++) {
                int idx = desc ? (int) (l.size() - start - 1 - k) : (int) (start + k);
                vector[k] = new Item(l.get(idx));
            }
            end -= start;
            start = 0;
        } else if (dontsort && sortval instanceof ZSetValue) {
            ZSetValue z = (ZSetValue) sortval;
            int n = end >= start ? (int) (end - start + 1) : 0;
            vector = new Item[n];
            ZSetValue.Node ln = desc ? z.byRank(z.size() - 1 - start) : z.byRank(start);
            for (int k = 0; k < n; k++) {
                vector[k] = new Item(ln.ele);
                ln = desc ? ln.prev() : ln.next();
            }
            end -= start;
            start = 0;
        } else {
            vector = new Item[vectorlen];
            if (sortval instanceof ListValue) {
                ListValue l = (ListValue) sortval;
                for (int k = 0; k < vectorlen; k++) vector[k] = new Item(l.get(k));
            } else if (sortval instanceof SetValue) {
                SetValue s = (SetValue) sortval;
                for (int k = 0; k < vectorlen; k++) vector[k] = new Item(s.get(k));
            } else {
                int k = 0;
                for (ZSetValue.Node n = ((ZSetValue) sortval).first(); n != null; n = n.next()) {
                    vector[k++] = new Item(n.ele);
                }
            }
        }

        boolean convError = false;
        if (!dontsort) {
            for (Item it : vector) {
                byte[] byval;
                if (sortby != null) {
                    byval = lookupByPattern(c.db, sortby, it.obj);
                    if (byval == null) continue;
                } else {
                    byval = it.obj;
                }
                if (alpha) {
                    if (sortby != null) it.cmp = byval;
                } else {
                    double d = strtodScore(byval);
                    if (Double.isNaN(d)) convError = true;
                    else it.score = d;
                }
            }
            // after a conversion error the order is never used
            if (!convError) {
                Comparator<Item> cmp = comparator(desc, alpha, sortby != null, storekey != null);
                // Redis partially sorts (pqsort) when BY and LIMIT narrow the range, else uses libc
                // qsort, a stable merge sort in glibc: the order of ties depends on which one runs.
                if (sortby != null && (start != 0 || end != vectorlen - 1)) {
                    PartialSort.sort(vector, cmp, start, end);
                } else {
                    Arrays.sort(vector, cmp);
                }
            }
        }

        long outputlen = gets.isEmpty() ? end - start + 1 : gets.size() * (end - start + 1);
        if (convError) {
            throw new RedisException("ERR One or more scores can't be converted into double");
        }
        if (storekey == null) {
            c.reply.array((int) outputlen);
            for (long j = start; j <= end; j++) {
                byte[] obj = vector[(int) j].obj;
                if (gets.isEmpty()) c.reply.bulk(obj);
                for (byte[] pat : gets) {
                    byte[] val = lookupByPattern(c.db, pat, obj);
                    if (val == null) c.reply.nullBulk();
                    else c.reply.bulk(val);
                }
            }
            return;
        }
        ListValue out = new ListValue();
        for (long j = start; j <= end; j++) {
            byte[] obj = vector[(int) j].obj;
            if (gets.isEmpty()) {
                out.pushTail(obj);
            } else {
                for (byte[] pat : gets) {
                    byte[] val = lookupByPattern(c.db, pat, obj);
                    out.pushTail(val == null ? Bytes.EMPTY : val);
                }
            }
        }
        if (outputlen > 0) {
            c.db.setKey(storekey, out, false);
            c.engine.notify(Notify.LIST, "sortstore", c.db, storekey);
            // Redis adds one change per stored element; setKey already counted one
            c.engine.stats.dirty += outputlen - 1;
        } else if (c.db.delete(storekey)) {
            c.engine.notify(Notify.GENERIC, "del", c.db, storekey);
        }
        c.reply.integer(outputlen);
    }

    /** sortCompare: numeric with a byte-wise tie-break, or ALPHA (strcoll in the C locale). */
    private static Comparator<Item> comparator(boolean desc, boolean alpha, boolean byPattern, boolean store) {
        Comparator<Item> cmp;
        if (!alpha) {
            cmp = (a, b) -> {
                if (a.score > b.score) return 1;
                if (a.score < b.score) return -1;
                return binaryCompare(a.obj, b.obj);
            };
        } else if (byPattern) {
            cmp = (a, b) -> {
                if (a.cmp == null || b.cmp == null) {
                    if (a.cmp == b.cmp) return 0;
                    return a.cmp == null ? -1 : 1;
                }
                return store ? binaryCompare(a.cmp, b.cmp) : collate(a.cmp, b.cmp);
            };
        } else {
            cmp = (a, b) -> store ? binaryCompare(a.obj, b.obj) : collate(a.obj, b.obj);
        }
        return desc ? cmp.reversed() : cmp;
    }

    /** compareStringObjects: memcmp of the common prefix, then the shorter first. */
    static int binaryCompare(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int x = a[i] & 0xff, y = b[i] & 0xff;
            if (x != y) return x - y;
        }
        return Integer.compare(a.length, b.length);
    }

    /** strcoll in the C locale: strcmp, so the strings end at their first NUL byte. */
    static int collate(byte[] a, byte[] b) {
        int la = cLen(a), lb = cLen(b);
        int n = Math.min(la, lb);
        for (int i = 0; i < n; i++) {
            int x = a[i] & 0xff, y = b[i] & 0xff;
            if (x != y) return x - y;
        }
        return Integer.compare(la, lb);
    }

    /** Length of b read as a C string. */
    private static int cLen(byte[] b) {
        for (int i = 0; i < b.length; i++) if (b[i] == 0) return i;
        return b.length;
    }

    private static int indexOf(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == x) return i;
        return -1;
    }

    /**
     * lookupKeyByPattern: "#" is the element itself; otherwise the first '*' is replaced by the
     * element, and "->field" after it reads a hash field. Missing keys, wrong types and patterns
     * without '*' give null.
     */
    static byte[] lookupByPattern(Database db, byte[] pattern, byte[] subst) {
        int plen = cLen(pattern);
        if (plen == 1 && pattern[0] == '#') return subst;
        int p = indexOf(pattern, (byte) '*', 0, plen);
        if (p < 0) return null;
        int f = -1;
        for (int i = p + 1; i + 1 < plen; i++) {
            if (pattern[i] == '-' && pattern[i + 1] == '>') {
                f = i;
                break;
            }
        }
        byte[] field = null;
        int fieldlen = 0;
        if (f >= 0 && f + 2 < plen) {
            fieldlen = pattern.length - f - 2;
            field = Arrays.copyOfRange(pattern, f + 2, pattern.length);
        }
        int postfixlen = pattern.length - (p + 1) - (field != null ? fieldlen + 2 : 0);
        byte[] key = new byte[p + subst.length + postfixlen];
        System.arraycopy(pattern, 0, key, 0, p);
        System.arraycopy(subst, 0, key, p, subst.length);
        System.arraycopy(pattern, p + 1, key, p + subst.length, postfixlen);

        Object o = db.lookupRead(key);
        if (o == null) return null;
        if (field != null) {
            if (!(o instanceof HashValue)) return null;
            return ((HashValue) o).get(field);
        }
        return StringValue.bytes(o);
    }

    /**
     * The score as Redis reads it with strtod: leading spaces allowed, the whole C string consumed,
     * no NaN, no overflow or inexact underflow (ERANGE). NaN means "can't be converted".
     */
    static double strtodScore(byte[] v) {
        int n = cLen(v);
        if (n == 0) return 0; // strtod("") converts nothing and stops at the terminator
        int i = 0;
        while (i < n && isSpace(v[i])) i++;
        if (i == n) return Double.NaN;
        byte[] t = i == 0 && n == v.length ? v : Arrays.copyOfRange(v, i, n);
        double d = Bytes.parseDouble(t);
        if (Double.isNaN(d)) return d;
        int k = (t[0] == '+' || t[0] == '-') ? 1 : 0;
        boolean literalInf = k < t.length && (t[k] == 'i' || t[k] == 'I');
        if (Double.isInfinite(d)) return literalInf ? d : Double.NaN;
        boolean hex = k + 1 < t.length && t[k] == '0' && (t[k + 1] == 'x' || t[k + 1] == 'X');
        if (d == 0) {
            // underflow to zero from a nonzero mantissa
            int e = t.length;
            for (int m = k; m < t.length; m++) {
                if (!hex && (t[m] == 'e' || t[m] == 'E')) { e = m; break; }
                if (hex && (t[m] == 'p' || t[m] == 'P')) { e = m; break; }
            }
            for (int m = hex ? k + 2 : k; m < e; m++) {
                if (t[m] != '0' && t[m] != '.') return Double.NaN;
            }
            return d;
        }
        // a subnormal decimal result is always inexact in practice: ERANGE
        if (!hex && Math.abs(d) < Double.MIN_NORMAL) return Double.NaN;
        return d;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }
}
