package io.fakeredis.server;

import io.fakeredis.core.Engine;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.util.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Encodes replies as RESP2 or RESP3 into a growable buffer. Only touched under the engine lock;
 * the event loop swaps the buffer out under that lock and writes it to the socket outside it.
 */
final class RespWriter implements ReplySink {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NULL_BULK2 = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY2 = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int INITIAL = 16 * 1024;

    byte[] buf = new byte[INITIAL];
    int len;
    int resp = 2;
    /** Where error replies are counted (INFO errorstats); every reply of a wire client counts. */
    private final Engine.Stats stats;

    RespWriter(Engine.Stats stats) {
        this.stats = stats;
    }

    @Override
    public int resp() {
        return resp;
    }

    @Override
    public void resp(int version) {
        resp = version;
    }

    private void ensure(int extra) {
        int need = len + extra;
        if (need > buf.length) {
            byte[] nb = new byte[Math.max(need, buf.length * 2)];
            System.arraycopy(buf, 0, nb, 0, len);
            buf = nb;
        }
    }

    @Override
    public boolean encoded(byte[] frame) {
        raw(frame, 0, frame.length);
        return true;
    }

    void raw(byte[] b) {
        raw(b, 0, b.length);
    }

    void raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
    }

    private void crlf() {
        ensure(2);
        buf[len++] = '\r';
        buf[len++] = '\n';
    }

    /** Writes prefix, decimal v and CRLF without allocating. */
    private void line(byte prefix, long v) {
        ensure(24);
        buf[len++] = prefix;
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                ascii("-9223372036854775808");
                crlf();
                return;
            }
            buf[len++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[len++] = (byte) ('0' + v);
        } else {
            int digits = 0;
            for (long t = v; t > 0; t /= 10) digits++;
            int end = len + digits;
            for (int i = end - 1; i >= len; i--) {
                buf[i] = (byte) ('0' + (v % 10));
                v /= 10;
            }
            len = end;
        }
        buf[len++] = '\r';
        buf[len++] = '\n';
    }

    @Override
    public void status(String s) {
        if (s.equals("OK")) {
            raw(OK);
            return;
        }
        line('+', s);
    }

    @Override
    public void ok() {
        raw(OK);
    }

    @Override
    public void error(String s) {
        stats.error(s);
        line('-', s);
    }

    @Override
    public void errorCounted(String s) {
        stats.errorNotCounted();
        line('-', s);
    }

    /** prefix, s as UTF-8, CRLF; ASCII text (the usual case) is copied without a temporary array. */
    private void line(char prefix, String s) {
        int n = s.length();
        ensure(n + 3);
        int start = len;
        buf[len++] = (byte) prefix;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                len = start + 1;
                raw(s.getBytes(StandardCharsets.UTF_8));
                break;
            }
            buf[len++] = (byte) ch;
        }
        crlf();
    }

    /** An error whose text is Latin-1, one char per byte (protocol errors quoting a raw byte). */
    void errorLatin1(String s) {
        stats.error(s);
        ensure(s.length() + 3);
        buf[len++] = '-';
        for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
        buf[len++] = '\r';
        buf[len++] = '\n';
    }

    @Override
    public void integer(long v) {
        line((byte) ':', v);
    }

    @Override
    public void bulk(byte[] b, int off, int n) {
        line((byte) '$', n);
        ensure(n + 2);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        buf[len++] = '\r';
        buf[len++] = '\n';
    }

    @Override
    public void nullBulk() {
        raw(resp == 2 ? NULL_BULK2 : NULL3);
    }

    @Override
    public void nullArray() {
        raw(resp == 2 ? NULL_ARRAY2 : NULL3);
    }

    @Override
    public void array(int n) {
        line((byte) '*', n);
    }

    @Override
    public void map(int n) {
        if (resp == 2) line((byte) '*', 2L * n);
        else line((byte) '%', n);
    }

    @Override
    public void set(int n) {
        line(resp == 2 ? (byte) '*' : (byte) '~', n);
    }

    @Override
    public void push(int n) {
        line(resp == 2 ? (byte) '*' : (byte) '>', n);
    }

    @Override
    public void dbl(double d) {
        String s = Bytes.formatG17(d);
        if (resp == 2) {
            bulk(s.getBytes(StandardCharsets.US_ASCII));
        } else {
            ensure(1);
            buf[len++] = ',';
            ascii(s);
            crlf();
        }
    }

    @Override
    public void dbl(double d, String text) {
        if (resp == 2) {
            bulk(text.getBytes(StandardCharsets.US_ASCII));
        } else {
            ensure(1);
            buf[len++] = ',';
            ascii(text);
            crlf();
        }
    }

    @Override
    public void bool(boolean b) {
        if (resp == 2) integer(b ? 1 : 0);
        else raw(b ? "#t\r\n".getBytes(StandardCharsets.US_ASCII) : "#f\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void bigNumber(byte[] digits) {
        if (resp == 2) {
            bulk(digits);
            return;
        }
        ensure(1);
        buf[len++] = '(';
        raw(digits);
        raw(CRLF);
    }

    @Override
    public void verbatim(String format, byte[] text) {
        if (resp == 2) {
            bulk(text);
            return;
        }
        line((byte) '=', text.length + 4L);
        ascii(format);
        ensure(1);
        buf[len++] = ':';
        raw(text);
        raw(CRLF);
    }
}
