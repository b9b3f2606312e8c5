package io.fakeredis.core.scripting.luaj;

import io.fakeredis.core.ReplySink;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Lua values to replies, by Redis's rules (luaReplyToRedisReply). */
final class Convert {
    private Convert() {}

    static void toReply(LuaValue v, ReplySink out, int scriptResp) {
        switch (v.type()) {
            case LuaValue.TSTRING: {
                LuaString s = (LuaString) v;
                out.bulk(s.m_bytes, s.m_offset, s.m_length);
                return;
            }
            case LuaValue.TBOOLEAN:
                if (scriptResp == 2) {
                    if (v.toboolean()) out.integer(1);
                    else out.nullBulk();
                } else {
                    out.bool(v.toboolean());
                }
                return;
            case LuaValue.TNUMBER:
                out.integer((long) v.todouble());
                return;
            case LuaValue.TTABLE:
                table((LuaTable) v, out, scriptResp);
                return;
            default:
                out.nullBulk();
        }
    }

    private static void table(LuaTable t, ReplySink out, int scriptResp) {
        LuaValue err = t.rawget("err");
        if (err.type() == LuaValue.TSTRING) {
            out.error(oneLine(err.tojstring()));
            return;
        }
        LuaValue ok = t.rawget("ok");
        if (ok.type() == LuaValue.TSTRING) {
            out.status(oneLine(ok.tojstring()));
            return;
        }
        LuaValue dbl = t.rawget("double");
        if (dbl.type() == LuaValue.TNUMBER) {
            out.dbl(dbl.todouble());
            return;
        }
        LuaValue big = t.rawget("big_number");
        if (big.type() == LuaValue.TSTRING) {
            // RESP2 has no big numbers: Redis sends them as bulk strings
            out.bulk(LuajRuntime.bytes(big));
            return;
        }
        LuaValue verbatim = t.rawget("verbatim_string");
        if (verbatim.istable()) {
            LuaValue format = verbatim.get("format");
            LuaValue string = verbatim.get("string");
            if (format.type() == LuaValue.TSTRING && string.type() == LuaValue.TSTRING) {
                out.verbatim(format.tojstring(), LuajRuntime.bytes(string));
                return;
            }
        }
        LuaValue map = t.rawget("map");
        if (map.istable()) {
            LuaTable m = (LuaTable) map;
            out.map(count(m));
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs n = m.next(k);
                if ((k = n.arg1()).isnil()) break;
                toReply(k, out, scriptResp);
                toReply(n.arg(2), out, scriptResp);
            }
            return;
        }
        LuaValue set = t.rawget("set");
        if (set.istable()) {
            LuaTable s = (LuaTable) set;
            out.set(count(s));
            LuaValue k = LuaValue.NIL;
            while (true) {
                Varargs n = s.next(k);
                if ((k = n.arg1()).isnil()) break;
                toReply(k, out, scriptResp);
            }
            return;
        }
        int len = 0;
        while (!t.rawget(len + 1).isnil()) len++;
        out.array(len);
        for (int i = 1; i <= len; i++) toReply(t.rawget(i), out, scriptResp);
    }

    private static int count(LuaTable t) {
        int n = 0;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            if ((k = next.arg1()).isnil()) return n;
            n++;
        }
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
