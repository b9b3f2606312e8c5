package io.fakeredis.core.scripting;

import io.fakeredis.core.Client;
import io.fakeredis.core.Engine;
import io.fakeredis.core.RedisException;
import io.fakeredis.core.ReplySink;
import io.fakeredis.core.scripting.runtime.VmRuntime;
import io.fakeredis.core.util.ByteKey;
import io.fakeredis.core.util.Bytes;
import io.fakeredis.core.util.Glob;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis 7 functions, as functions.c and function_lua.c: libraries loaded with FUNCTION LOAD,
 * registered with redis.register_function, called with FCALL. Libraries live in their own Lua
 * state, so SCRIPT FLUSH and FLUSHALL leave them alone.
 */
public final class Functions {
    /** RDB_OPCODE_FUNCTION2 (7.0 GA) and RDB_OPCODE_FUNCTION (7.0 release candidates). */
    private static final int OPCODE_FUNCTION2 = 245;
    private static final int OPCODE_FUNCTION = 246;
    private static final int RDB_VERSION = 10;

    private final Engine engine;
    private LuaRuntime lua;
    private Ctx ctx = new Ctx();

    /** A registered function. */
    static final class Fn {
        final byte[] name;
        final Object callback;
        final int flags;
        final byte[] description;

        Fn(byte[] name, Object callback, int flags, byte[] description) {
            this.name = name;
            this.callback = callback;
            this.flags = flags;
            this.description = description;
        }
    }

    /** A library: its name, full code (shebang included) and functions in registration order. */
    static final class Library {
        final byte[] name;
        final byte[] code;
        final LinkedHashMap<ByteKey, Fn> functions = new LinkedHashMap<>();

        Library(byte[] name, byte[] code) {
            this.name = name;
            this.code = code;
        }
    }

    /** Libraries by name (case-sensitive) and functions by lower-cased name, as Redis's dicts. */
    static final class Ctx {
        final LinkedHashMap<ByteKey, Library> libraries = new LinkedHashMap<>();
        final HashMap<ByteKey, Fn> functions = new HashMap<>();

        void link(Library lib) {
            libraries.put(new ByteKey(lib.name), lib);
            for (Fn f : lib.functions.values()) functions.putIfAbsent(lowerKey(f.name), f);
        }

        void unlink(Library lib) {
            libraries.remove(new ByteKey(lib.name));
            for (Fn f : lib.functions.values()) {
                ByteKey k = lowerKey(f.name);
                if (functions.get(k) == f) functions.remove(k);
            }
        }
    }

    static ByteKey lowerKey(byte[] name) {
        byte[] b = name.clone();
        for (int i = 0; i < b.length; i++) if (b[i] >= 'A' && b[i] <= 'Z') b[i] |= 0x20;
        return new ByteKey(b);
    }

    public Functions(Engine engine) {
        this.engine = engine;
    }

    private LuaRuntime lua() {
        if (lua == null) lua = new VmRuntime(Engine.VERSION, Scripting.versionNum(Engine.VERSION), true, engine.scripting().luaRandom);
        return lua;
    }

    // ---- FUNCTION LOAD ----

    public void load(Client c) {
        boolean replace = false;
        int i = 2;
        while (i < c.argc() - 1) {
            byte[] a = c.argv[i++];
            if (Bytes.eq(a, "replace")) {
                replace = true;
                continue;
            }
            c.reply.error("ERR Unknown option given: " + Bytes.str(a));
            return;
        }
        Library lib = create(c.argv[i], replace, ctx);
        c.reply.bulk(lib.name);
    }

    /** functionsCreateWithLibraryCtx: parses, compiles and registers a library into ctx. */
    private Library create(byte[] code, boolean replace, Ctx into) {
        int nl = -1;
        if (code.length < 2 || code[0] != '#' || code[1] != '!') throw new RedisException("ERR Missing library metadata");
        for (int j = 0; j < code.length; j++) {
            if (code[j] == '\n') {
                nl = j;
                break;
            }
        }
        if (nl < 0) throw new RedisException("ERR Invalid library metadata");
        List<byte[]> parts = io.fakeredis.core.util.SplitArgs.split(code, 0, nl);
        if (parts == null || parts.isEmpty()) throw new RedisException("ERR Invalid library metadata");
        byte[] engineName = Arrays.copyOfRange(parts.get(0), 2, parts.get(0).length);
        byte[] name = null;
        for (int j = 1; j < parts.size(); j++) {
            byte[] p = parts.get(j);
            if (p.length >= 5 && Bytes.eq(Arrays.copyOf(p, 5), "name=")) {
                if (name != null) throw new RedisException("ERR Invalid metadata value, name argument was given multiple times");
                name = Arrays.copyOfRange(p, 5, p.length);
                continue;
            }
            throw new RedisException("ERR Invalid metadata value given: " + Bytes.str(p));
        }
        if (name == null) throw new RedisException("ERR Library name was not given");
        if (!validName(name)) throw new RedisException(BAD_NAME);
        if (!Bytes.eq(engineName, "lua")) throw new RedisException("ERR Engine '" + Bytes.str(engineName) + "' not found");
        Library old = into.libraries.get(new ByteKey(name));
        if (old != null && !replace) throw new RedisException("ERR Library '" + Bytes.str(name) + "' already exists");
        if (old != null) into.unlink(old);
        boolean ok = false;
        try {
            Library lib = new Library(name, code);
            Object compiled;
            try {
                // Keep the shebang's newline so errors report the right lines.
                compiled = lua().compile("user_function", Arrays.copyOfRange(code, nl, code.length));
            } catch (ScriptError e) {
                throw new RedisException("ERR Error compiling function: " + e.getMessage());
            }
            try {
                lua().loadLibrary(compiled, (fname, callback, flags, description) -> {
                    if (!validName(fname)) throw new ScriptError(BAD_NAME);
                    int bits = 0;
                    for (String f : flags) {
                        int bit = Scripting.flagBit(f.toLowerCase(java.util.Locale.ROOT));
                        if (bit == 0) throw new ScriptError("ERR unknown flag given");
                        bits |= bit;
                    }
                    ByteKey k = new ByteKey(fname);
                    if (lib.functions.containsKey(k)) throw new ScriptError("ERR Function already exists in the library");
                    lib.functions.put(k, new Fn(fname, callback, bits, description));
                }, engine.scripting().logBridge());
            } catch (ScriptError e) {
                throw new RedisException(("ERR Error registering functions: " + e.getMessage()).replace('\r', ' ').replace('\n', ' '));
            }
            if (lib.functions.isEmpty()) throw new RedisException("ERR No functions registered");
            for (Fn f : lib.functions.values()) {
                if (into.functions.containsKey(lowerKey(f.name))) {
                    throw new RedisException("ERR Function " + Bytes.str(f.name) + " already exists");
                }
            }
            into.link(lib);
            ok = true;
            return lib;
        } finally {
            if (!ok && old != null) into.link(old);
        }
    }

    private static final String BAD_NAME =
            "ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long";

    static boolean validName(byte[] name) {
        if (name.length == 0) return false;
        for (byte b : name) {
            boolean ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';
            if (!ok) return false;
        }
        return true;
    }

    // ---- FCALL ----

    public void fcall(Client c, boolean readOnly) {
        // fed here, not after the call, so that the function's commands come after it
        engine.feedMonitors(c, c.argv);
        Fn f = ctx.functions.get(lowerKey(c.argv[1]));
        if (f == null) {
            c.reply.error("ERR Function not found");
            return;
        }
        long numkeys = Bytes.toLong(c.argv[2], "ERR Bad number of keys provided");
        if (numkeys > c.argc() - 3) {
            c.reply.error("ERR Number of keys can't be greater than number of args");
            return;
        }
        if (numkeys < 0) {
            c.reply.error("ERR Number of keys can't be negative");
            return;
        }
        if (readOnly && (f.flags & Scripting.FLAG_NO_WRITES) == 0) {
            c.reply.error("ERR Can not execute a script with write flag using *_ro command.");
            return;
        }
        byte[][] keys = Arrays.copyOfRange(c.argv, 3, 3 + (int) numkeys);
        byte[][] args = Arrays.copyOfRange(c.argv, 3 + (int) numkeys, c.argc());
        engine.scripting().runFunction(c, Bytes.str(f.name), lua(), f.callback, keys, args,
                readOnly || (f.flags & Scripting.FLAG_NO_WRITES) != 0);
    }

    // ---- LIST, DELETE, FLUSH, STATS ----

    public void list(Client c) {
        boolean withCode = false;
        byte[] pattern = null;
        for (int i = 2; i < c.argc(); i++) {
            byte[] a = c.argv[i];
            if (!withCode && Bytes.eq(a, "withcode")) {
                withCode = true;
                continue;
            }
            if (pattern == null && Bytes.eq(a, "libraryname")) {
                if (i >= c.argc() - 1) {
                    c.reply.error("ERR library name argument was not given");
                    return;
                }
                pattern = c.argv[++i];
                continue;
            }
            c.reply.error("ERR Unknown argument " + Bytes.str(a));
            return;
        }
        List<Library> libs = new ArrayList<>();
        for (Library l : ctx.libraries.values()) {
            if (pattern == null || Glob.match(pattern, l.name, true)) libs.add(l);
        }
        ReplySink r = c.reply;
        r.array(libs.size());
        for (Library l : libs) {
            r.map(withCode ? 4 : 3);
            r.bulk("library_name");
            r.bulk(l.name);
            r.bulk("engine");
            r.bulk("LUA");
            r.bulk("functions");
            r.array(l.functions.size());
            for (Fn f : l.functions.values()) {
                r.map(3);
                r.bulk("name");
                r.bulk(f.name);
                r.bulk("description");
                if (f.description == null) r.nullBulk();
                else r.bulk(f.description);
                r.bulk("flags");
                r.set(Integer.bitCount(f.flags));
                for (int b = 0; b < 5; b++) if ((f.flags & (1 << b)) != 0) r.status(Scripting.flagName(b));
            }
            if (withCode) {
                r.bulk("library_code");
                r.bulk(l.code);
            }
        }
    }

    public void delete(Client c) {
        Library l = ctx.libraries.get(new ByteKey(c.argv[2]));
        if (l == null) {
            c.reply.error("ERR Library not found");
            return;
        }
        ctx.unlink(l);
        c.reply.ok();
    }

    public void flush(Client c) {
        if (c.argc() == 3) {
            if (!Bytes.eq(c.argv[2], "sync") && !Bytes.eq(c.argv[2], "async")) {
                c.reply.error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
                return;
            }
        } else if (c.argc() > 3) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for 'FLUSH'. Try FUNCTION HELP.");
            return;
        }
        ctx = new Ctx();
        lua = null; // Redis starts a fresh Lua state for functions too
        c.reply.ok();
    }

    public void stats(Client c) {
        ReplySink r = c.reply;
        r.map(2);
        r.bulk("running_script");
        r.nullBulk();
        r.bulk("engines");
        r.map(1);
        r.bulk("LUA");
        r.map(2);
        r.bulk("libraries_count");
        r.integer(ctx.libraries.size());
        r.bulk("functions_count");
        r.integer(ctx.functions.size());
    }

    // ---- DUMP and RESTORE ----

    public void dump(Client c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Library l : ctx.libraries.values()) {
            out.write(OPCODE_FUNCTION2);
            writeLen(out, l.code.length);
            out.write(l.code, 0, l.code.length);
        }
        out.write(RDB_VERSION & 0xff);
        out.write(RDB_VERSION >> 8);
        long crc = crc64(0, out.toByteArray());
        for (int i = 0; i < 8; i++) out.write((int) (crc >>> (8 * i)) & 0xff);
        c.reply.bulk(out.toByteArray());
    }

    private static void writeLen(ByteArrayOutputStream out, long len) {
        if (len < 64) {
            out.write((int) len);
        } else if (len < 16384) {
            out.write(0x40 | (int) (len >> 8));
            out.write((int) len & 0xff);
        } else if (len <= 0xffffffffL) {
            out.write(0x80);
            for (int i = 3; i >= 0; i--) out.write((int) (len >>> (8 * i)) & 0xff);
        } else {
            out.write(0x81);
            for (int i = 7; i >= 0; i--) out.write((int) (len >>> (8 * i)) & 0xff);
        }
    }

    public void restore(Client c) {
        int policy = 0; // 0 append, 1 replace, 2 flush
        if (c.argc() > 3) {
            if (c.argc() > 4) {
                c.reply.error("ERR unknown subcommand or wrong number of arguments for 'RESTORE'. Try FUNCTION HELP.");
                return;
            }
            byte[] p = c.argv[3];
            if (Bytes.eq(p, "append")) policy = 0;
            else if (Bytes.eq(p, "replace")) policy = 1;
            else if (Bytes.eq(p, "flush")) policy = 2;
            else {
                c.reply.error("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
                return;
            }
        }
        byte[] data = c.argv[2];
        if (!verifyPayload(data)) {
            c.reply.error("ERR DUMP payload version or checksum are wrong");
            return;
        }
        Ctx loaded = new Ctx();
        int[] pos = {0};
        int end = data.length - 10;
        while (pos[0] < end) {
            int type = data[pos[0]++] & 0xff;
            if (type != OPCODE_FUNCTION && type != OPCODE_FUNCTION2) {
                c.reply.error("ERR given type is not a function");
                return;
            }
            if (type == OPCODE_FUNCTION) {
                if (readString(data, pos, end) == null) {
                    c.reply.error("ERR Failed loading library name");
                    return;
                }
                if (readString(data, pos, end) == null) {
                    c.reply.error("ERR Failed loading engine name");
                    return;
                }
                long hasDesc = readLen(data, pos, end, null);
                if (hasDesc < 0) {
                    c.reply.error("ERR Failed loading library description indicator");
                    return;
                }
                if (hasDesc != 0 && readString(data, pos, end) == null) {
                    c.reply.error("ERR Failed loading library description");
                    return;
                }
            }
            byte[] code = readString(data, pos, end);
            if (code == null) {
                c.reply.error("ERR Failed loading library payload");
                return;
            }
            create(code, false, loaded);
        }
        if (policy == 2) {
            ctx = loaded;
        } else {
            join(loaded, policy == 1);
        }
        c.reply.ok();
    }

    /** libraryJoin: moves every library of src into the current set, all or nothing. */
    private void join(Ctx src, boolean replace) {
        List<Library> olds = new ArrayList<>();
        boolean ok = false;
        try {
            for (Library l : src.libraries.values()) {
                Library old = ctx.libraries.get(new ByteKey(l.name));
                if (old == null) continue;
                if (!replace) throw new RedisException("ERR Library " + Bytes.str(l.name) + " already exists");
                ctx.unlink(old);
                olds.add(old);
            }
            for (Fn f : src.functions.values()) {
                if (ctx.functions.containsKey(lowerKey(f.name))) {
                    throw new RedisException("ERR Function " + Bytes.str(f.name) + " already exists");
                }
            }
            for (Library l : src.libraries.values()) ctx.link(l);
            ok = true;
        } finally {
            if (!ok) for (Library old : olds) ctx.link(old);
        }
    }

    private static boolean verifyPayload(byte[] p) {
        if (p.length < 10) return false;
        int n = p.length;
        int ver = (p[n - 10] & 0xff) | (p[n - 9] & 0xff) << 8;
        if (ver > RDB_VERSION) return false;
        long crc = crc64(0, Arrays.copyOf(p, n - 8));
        for (int i = 0; i < 8; i++) {
            if ((byte) (crc >>> (8 * i)) != p[n - 8 + i]) return false;
        }
        return true;
    }

    /** rdbLoadLen: -1 on a short read; encoded[0] set when the value is a special encoding. */
    private static long readLen(byte[] d, int[] pos, int end, boolean[] encoded) {
        if (pos[0] >= end) return -1;
        int b = d[pos[0]++] & 0xff;
        int type = b >> 6;
        if (type == 0) return b & 0x3f;
        if (type == 1) {
            if (pos[0] >= end) return -1;
            return ((b & 0x3f) << 8) | (d[pos[0]++] & 0xff);
        }
        if (type == 3) {
            if (encoded != null) encoded[0] = true;
            return b & 0x3f;
        }
        int bytes = b == 0x80 ? 4 : b == 0x81 ? 8 : -1;
        if (bytes < 0 || pos[0] + bytes > end) return -1;
        long v = 0;
        for (int i = 0; i < bytes; i++) v = (v << 8) | (d[pos[0]++] & 0xff);
        return v;
    }

    /** rdbGenericLoadStringObject: plain, integer-encoded or LZF-compressed; null on bad data. */
    private static byte[] readString(byte[] d, int[] pos, int end) {
        boolean[] enc = {false};
        long len = readLen(d, pos, end, enc);
        if (len < 0) return null;
        if (enc[0]) {
            if (len <= 2) {
                int size = 1 << len;
                if (pos[0] + size > end) return null;
                long v = 0;
                for (int i = 0; i < size; i++) v |= (long) (d[pos[0]++] & 0xff) << (8 * i);
                if (size == 1) v = (byte) v;
                else if (size == 2) v = (short) v;
                else v = (int) v;
                return Bytes.fromLong(v);
            }
            if (len != 3) return null;
            long clen = readLen(d, pos, end, null);
            long ulen = readLen(d, pos, end, null);
            if (clen < 0 || ulen < 0 || pos[0] + clen > end) return null;
            byte[] out = lzfDecompress(d, pos[0], (int) clen, (int) ulen);
            pos[0] += (int) clen;
            return out;
        }
        if (pos[0] + len > end) return null;
        byte[] s = Arrays.copyOfRange(d, pos[0], pos[0] + (int) len);
        pos[0] += (int) len;
        return s;
    }

    /** lzf_decompress; null when the data does not expand to exactly ulen bytes. */
    static byte[] lzfDecompress(byte[] in, int off, int len, int ulen) {
        byte[] out = new byte[ulen];
        int ip = off, end = off + len, op = 0;
        while (ip < end) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < 32) {
                ctrl++;
                if (op + ctrl > ulen || ip + ctrl > end) return null;
                System.arraycopy(in, ip, out, op, ctrl);
                ip += ctrl;
                op += ctrl;
            } else {
                int n = ctrl >> 5;
                int ref = op - ((ctrl & 0x1f) << 8) - 1;
                if (n == 7) {
                    if (ip >= end) return null;
                    n += in[ip++] & 0xff;
                }
                if (ip >= end) return null;
                ref -= in[ip++] & 0xff;
                n += 2;
                if (op + n > ulen || ref < 0) return null;
                for (int i = 0; i < n; i++) out[op++] = out[ref++];
            }
        }
        return op == ulen ? out : null;
    }

    private static final long[] CRC_TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ 0x95ac9329ac4bc9b5L : c >>> 1;
            CRC_TABLE[i] = c;
        }
    }

    /** Redis's crc64 (Jones polynomial, reflected), used by DUMP payloads. */
    static long crc64(long crc, byte[] data) {
        for (byte b : data) crc = CRC_TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
        return crc;
    }

    /** For tests and the typed API: names of loaded libraries. */
    public List<String> libraryNames() {
        List<String> out = new ArrayList<>();
        for (Library l : ctx.libraries.values()) out.add(new String(l.name, StandardCharsets.UTF_8));
        return out;
    }

    public int libraryCount() {
        return ctx.libraries.size();
    }

    public int functionCount() {
        return ctx.functions.size();
    }

    Map<ByteKey, Library> libraries() {
        return ctx.libraries;
    }
}
