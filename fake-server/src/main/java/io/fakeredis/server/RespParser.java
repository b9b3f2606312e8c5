package io.fakeredis.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Incremental request parser following Redis's processMultibulkBuffer and processInlineBuffer,
 * including their error texts. Input may be split at any byte; state carries over between reads.
 */
final class RespParser {
    /** Redis's PROTO_INLINE_MAX_SIZE. */
    static final int INLINE_MAX = 64 * 1024;

    byte[] buf = new byte[16 * 1024];
    int pos;
    int end;

    private byte[][] argv;
    private int argc;
    private int multibulk;
    private long bulkLen = -1;

    /** The last parse stopped after one command because the client is not authenticated yet. */
    boolean stoppedForAuth;

    private boolean stopForAuth() {
        stoppedForAuth = pos < end;
        return true;
    }

    /** The protocol error that ended parsing, or null. Latin-1: each char stands for one byte. */
    String error;

    interface Limits {
        long maxBulkLen();

        /** Redis caps unauthenticated clients at 10 arguments and 16 KB bulks. */
        boolean authRequired();
    }

    /**
     * Room to read into: compacts consumed bytes and doubles when nearly full. A large bulk grows
     * the buffer as its bytes arrive, not from its header alone, so a bogus "$500000000" costs
     * nothing until the data comes.
     */
    void prepareRead() {
        if (pos == end) {
            pos = end = 0;
        } else if (pos > 0 && (buf.length - end < 4096 || pos > buf.length / 2)) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        if (buf.length - end < 4096) {
            long cap = Math.min((long) buf.length * 2, Integer.MAX_VALUE - 16);
            if (cap <= buf.length) return; // at the array limit: the request cannot be held
            byte[] nb = new byte[(int) cap];
            System.arraycopy(buf, pos, nb, 0, end - pos);
            end -= pos;
            pos = 0;
            buf = nb;
        }
    }

    /** Shrinks a buffer grown for a big request once it is no longer needed. */
    void trim() {
        if (pos == end && buf.length > 1024 * 1024) {
            buf = new byte[16 * 1024];
            pos = end = 0;
        }
    }

    /**
     * Parses every complete command (only the next one while the client must still authenticate);
     * false after a protocol error (see {@link #error}).
     */
    boolean parse(List<byte[][]> out, Limits limits) {
        stoppedForAuth = false;
        while (pos < end) {
            if (multibulk == 0 && argv == null) {
                if (buf[pos] == '*') {
                    if (!multibulkHeader(limits)) return error == null;
                    if (argv == null) continue; // *0 or *-1: nothing to run
                } else {
                    int before = out.size();
                    if (!inline(out)) return error == null;
                    if (out.size() != before && limits.authRequired()) return stopForAuth();
                    continue;
                }
            }
            if (!bulks(limits)) return error == null;
            out.add(argv);
            argv = null;
            argc = 0;
            // Before AUTH the limits depend on the outcome of this command (Redis parses and runs
            // one command at a time): stop here and let the caller run it first.
            if (limits.authRequired()) return stopForAuth();
        }
        return true;
    }

    /**
     * Like Redis's strchr over the query buffer: a NUL byte ends the search, so a header line
     * holding a NUL is never complete (Redis then waits for more input, as this does).
     */
    private int indexOf(byte b, int from) {
        for (int i = from; i < end; i++) {
            byte x = buf[i];
            if (x == b) return i;
            if (x == 0) return -1;
        }
        return -1;
    }

    private boolean multibulkHeader(Limits limits) {
        int nl = indexOf((byte) '\r', pos);
        if (nl < 0) {
            if (end - pos > INLINE_MAX) error = "ERR Protocol error: too big mbulk count string";
            return false;
        }
        if (nl > end - 2) return false; // need the \n too
        long ll = parseLong(pos + 1, nl);
        if (ll == Long.MIN_VALUE || ll > Integer.MAX_VALUE) {
            error = "ERR Protocol error: invalid multibulk length";
            return false;
        }
        if (ll > 10 && limits.authRequired()) {
            error = "ERR Protocol error: unauthenticated multibulk length";
            return false;
        }
        pos = nl + 2;
        if (ll <= 0) return true;
        multibulk = (int) ll;
        argv = new byte[(int) Math.min(ll, 1024)][];
        argc = 0;
        return true;
    }

    private boolean bulks(Limits limits) {
        while (multibulk > 0) {
            if (bulkLen == -1) {
                if (pos >= end) return false;
                int nl = indexOf((byte) '\r', pos);
                if (nl < 0) {
                    if (end - pos > INLINE_MAX) error = "ERR Protocol error: too big bulk count string";
                    return false;
                }
                if (nl > end - 2) return false;
                if (buf[pos] != '$') {
                    // As Redis's "%c" formatting: the raw byte (one Latin-1 char, written back as
                    // one byte), line breaks mapped to spaces, and a NUL ending the text.
                    int c = buf[pos] & 0xff;
                    error = "ERR Protocol error: expected '$', got '"
                            + (c == 0 ? "" : (c == '\r' || c == '\n' ? " " : (char) c) + "'");
                    return false;
                }
                long ll = parseLong(pos + 1, nl);
                if (ll == Long.MIN_VALUE || ll < 0 || ll > limits.maxBulkLen()) {
                    error = "ERR Protocol error: invalid bulk length";
                    return false;
                }
                if (ll > 16384 && limits.authRequired()) {
                    error = "ERR Protocol error: unauthenticated bulk length";
                    return false;
                }
                pos = nl + 2;
                bulkLen = ll;
            }
            if (end - pos < bulkLen + 2) return false;
            int n = (int) bulkLen;
            byte[] a = new byte[n];
            System.arraycopy(buf, pos, a, 0, n);
            pos += n + 2;
            bulkLen = -1;
            if (argc == argv.length) {
                byte[][] na = new byte[Math.min(argv.length * 2, argc + multibulk)][];
                System.arraycopy(argv, 0, na, 0, argc);
                argv = na;
            }
            argv[argc++] = a;
            multibulk--;
        }
        if (argc != argv.length) {
            byte[][] na = new byte[argc][];
            System.arraycopy(argv, 0, na, 0, argc);
            argv = na;
        }
        return true;
    }

    /**
     * Redis string2ll over buf[from, to) without allocating: optional '-', no leading zeros, no
     * '+' or spaces, within a long. Long.MIN_VALUE when invalid.
     */
    private long parseLong(int from, int to) {
        int n = to - from;
        if (n <= 0 || n > 20) return Long.MIN_VALUE;
        if (n == 1 && buf[from] == '0') return 0;
        int p = from;
        boolean neg = false;
        if (buf[p] == '-') {
            neg = true;
            if (++p == to) return Long.MIN_VALUE;
        }
        if (buf[p] < '1' || buf[p] > '9') return Long.MIN_VALUE;
        long v = 0;
        for (; p < to; p++) {
            int d = buf[p] - '0';
            if (d < 0 || d > 9) return Long.MIN_VALUE;
            if (v > (Long.MAX_VALUE - d) / 10) {
                // only LLONG_MIN fits; callers treat every negative length alike
                return neg && p == to - 1 && v == Long.MAX_VALUE / 10 && d == 8 ? -1 : Long.MIN_VALUE;
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    private boolean inline(List<byte[][]> out) {
        int nl = indexOf((byte) '\n', pos);
        if (nl < 0) {
            if (end - pos > INLINE_MAX) error = "ERR Protocol error: too big inline request";
            return false;
        }
        int lineEnd = nl;
        if (nl != pos && buf[nl - 1] == '\r') lineEnd--;
        List<byte[]> args = io.fakeredis.core.util.SplitArgs.split(buf, pos, lineEnd);
        if (args == null) {
            error = "ERR Protocol error: unbalanced quotes in request";
            return false;
        }
        pos = nl + 1;
        if (!args.isEmpty()) out.add(args.toArray(new byte[0][]));
        return true;
    }
}
