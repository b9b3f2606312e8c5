package io.fakeredis.core.scripting.runtime;

import io.fakeredis.core.ReplySink;
import io.fakeredis.core.scripting.lua.LuaString;
import io.fakeredis.core.scripting.lua.LuaTable;

/** A script's result to a reply, by Redis 7.0's luaReplyToRedisReply. */
final class ToReply {
    private static final LuaString ERR = LuaString.of("err"), OK = LuaString.of("ok"), DOUBLE = LuaString.of("double"),
            BIG_NUMBER = LuaString.of("big_number"), VERBATIM = LuaString.of("verbatim_string"),
            FORMAT = LuaString.of("format"), STRING = LuaString.of("string"), MAP = LuaString.of("map"),
            SET = LuaString.of("set");

    private ToReply() {}

    /** scriptResp: the protocol set by redis.setresp, which decides how booleans convert. */
    static void write(Object v, ReplySink out, int scriptResp) {
        if (v instanceof LuaString) {
            byte[] b = ((LuaString) v).bytes;
            out.bulk(b, 0, b.length);
        } else if (v instanceof Boolean) {
            boolean b = (Boolean) v;
            if (scriptResp == 2) {
                if (b) out.integer(1);
                else out.nullBulk();
            } else {
                out.bool(b);
            }
        } else if (v instanceof Double) {
            out.integer(toLong((Double) v));
        } else if (v instanceof LuaTable) {
            table((LuaTable) v, out, scriptResp);
        } else {
            out.nullBulk();
        }
    }

    /** C's (long long) cast on x86-64: NaN and out-of-range values become INT64_MIN. */
    static long toLong(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) return Long.MIN_VALUE;
        return (long) d;
    }

    private static void table(LuaTable t, ReplySink out, int scriptResp) {
        Object err = t.get(ERR);
        if (err instanceof LuaString) {
            if (Boolean.TRUE.equals(t.get(LuaReplySink.IGNORE_STATS))) out.errorCounted(oneLine((LuaString) err));
            else out.error(oneLine((LuaString) err));
            return;
        }
        Object ok = t.get(OK);
        if (ok instanceof LuaString) {
            out.status(oneLine((LuaString) ok));
            return;
        }
        Object dbl = t.get(DOUBLE);
        if (dbl instanceof Double) {
            out.dbl((Double) dbl);
            return;
        }
        Object big = t.get(BIG_NUMBER);
        if (big instanceof LuaString) {
            out.bigNumber(oneLine((LuaString) big).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        Object verbatim = t.get(VERBATIM);
        if (verbatim instanceof LuaTable) {
            Object format = ((LuaTable) verbatim).get(FORMAT);
            Object string = ((LuaTable) verbatim).get(STRING);
            if (format instanceof LuaString && string instanceof LuaString) {
                out.verbatim(((LuaString) format).latin1(), ((LuaString) string).bytes);
                return;
            }
        }
        Object map = t.get(MAP);
        if (map instanceof LuaTable) {
            LuaTable m = (LuaTable) map;
            out.map(count(m));
            Object[] kv = new Object[2];
            Object k = null;
            while (m.next(k, kv)) {
                k = kv[0];
                Object val = kv[1];
                write(k, out, scriptResp);
                write(val, out, scriptResp);
            }
            return;
        }
        Object set = t.get(SET);
        if (set instanceof LuaTable) {
            LuaTable s = (LuaTable) set;
            out.set(count(s));
            Object[] kv = new Object[2];
            Object k = null;
            while (s.next(k, kv)) {
                k = kv[0];
                write(k, out, scriptResp);
            }
            return;
        }
        int len = 0;
        while (t.get(len + 1) != null) len++;
        out.array(len);
        for (int i = 1; i <= len; i++) write(t.get(i), out, scriptResp);
    }

    private static int count(LuaTable t) {
        int n = 0;
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            n++;
        }
        return n;
    }

    /** Error and status texts are binary in Lua, one line on the wire; bytes kept one char each. */
    private static String oneLine(LuaString s) {
        return s.toString().replace('\r', ' ').replace('\n', ' ');
    }
}
