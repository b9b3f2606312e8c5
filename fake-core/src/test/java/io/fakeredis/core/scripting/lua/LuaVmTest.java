package io.fakeredis.core.scripting.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interpreter core against texts and values read from Redis 7.0.15's Lua 5.1.5. */
class LuaVmTest {
    private final LuaState L = LuaState.withBaseLibs();

    @AfterEach
    void close() {
        L.closeCoroutines();
    }

    /** Runs a chunk as Redis does and renders its first result with tostring. */
    private String eval(String src) {
        Object[] r = L.call(L.load(src.getBytes(StandardCharsets.UTF_8), "@user_script"));
        return r.length == 0 ? "<none>" : L.tostring(r[0]).toString();
    }

    private String error(String src) {
        try {
            eval(src);
        } catch (LuaError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error from " + src);
    }

    @Test
    void basics() {
        assertThat(eval("return 1 + 2")).isEqualTo("3");
        assertThat(eval("return 1/3 .. ''")).isEqualTo("0.33333333333333");
        assertThat(eval("return 2^10")).isEqualTo("1024");
        assertThat(eval("return -2^2")).isEqualTo("-4");
        assertThat(eval("return 2^3^2")).isEqualTo("512");
        assertThat(eval("return 'a' .. 'b' .. 1 .. 2")).isEqualTo("ab12");
        assertThat(eval("return '10' + 1")).isEqualTo("11");
        assertThat(eval("return 7 % -3")).isEqualTo("-2");
        assertThat(eval("return -7 % 3")).isEqualTo("2");
        assertThat(eval("return 0x1F + 1e2")).isEqualTo("131");
        assertThat(eval("return nil and 1")).isEqualTo("nil");
        assertThat(eval("return false or 'x'")).isEqualTo("x");
        assertThat(eval("return 1 and 2")).isEqualTo("2");
        assertThat(eval("return not nil")).isEqualTo("true");
        assertThat(eval("return 1 < 2 and 'a' < 'b' and 'a' < 'ab' and 2 >= 2")).isEqualTo("true");
        assertThat(eval("return #'abc' + #{1, 2, 3}")).isEqualTo("6");
        assertThat(eval("return 1 == 1.0, 'a' ~= 'b'")).isEqualTo("true");
        assertThat(eval("return 1 .. ''")).isEqualTo("1");
        assertThat(eval("return 1e15 .. ''")).isEqualTo("1e+15");
        assertThat(eval("return 0/0 ~= 0/0")).isEqualTo("true");
    }

    @Test
    void stringsAndEscapes() {
        assertThat(eval("return '\\65\\066\\0673'")).isEqualTo("ABC3");
        assertThat(eval("return \"a\\\nb\"")).isEqualTo("a\nb");
        assertThat(eval("return 'a\\\\b\\\"'")).isEqualTo("a\\b\"");
        assertThat(eval("return [[\nline1\nline2]]")).isEqualTo("line1\nline2");
        assertThat(eval("return [==[a]]b]=]c]==]")).isEqualTo("a]]b]=]c");
        assertThat(eval("--[[ comment ]] return 1 --[==[ x ]==]")).isEqualTo("1");
        assertThat(eval("-- line\nreturn 2")).isEqualTo("2");
    }

    @Test
    void localsClosuresAndLoops() {
        assertThat(eval("local a, b, c = 1, 2 return tostring(a) .. tostring(b) .. tostring(c)")).isEqualTo("12nil");
        assertThat(eval("local t = {} for i = 1, 3 do t[i] = function() return i end end return t[1]() + t[2]() + t[3]()")).isEqualTo("6");
        assertThat(eval("local t = {} local i = 1 while i <= 3 do local j = i t[i] = function() return j end i = i + 1 end return t[1]() .. t[3]()")).isEqualTo("13");
        assertThat(eval("local function counter() local n = 0 return function() n = n + 1 return n end end local c = counter() c() return c()")).isEqualTo("2");
        assertThat(eval("local s = 0 for i = 10, 1, -2 do s = s + i end return s")).isEqualTo("30");
        assertThat(eval("local s = 0 for i = 1, 10 do if i > 3 then break end s = s + i end return s")).isEqualTo("6");
        assertThat(eval("local i = 0 repeat local j = i i = i + 1 until j >= 3 return i")).isEqualTo("4");
        assertThat(eval("local s = '' for k, v in ipairs({'a', 'b', 'c'}) do s = s .. k .. v end return s")).isEqualTo("1a2b3c");
        assertThat(eval("local n = 0 for k, v in pairs({a = 1, b = 2, 3}) do n = n + 1 end return n")).isEqualTo("3");
        assertThat(eval("local a, b = 1, 2 a, b = b, a return a .. b")).isEqualTo("21");
        assertThat(eval("local function f(...) return select('#', ...) end return f(1, nil, 3, nil)")).isEqualTo("4");
        assertThat(eval("local function f(...) local a, b = ... return b end return f(1, 2, 3)")).isEqualTo("2");
        assertThat(eval("local function f() return 1, 2, 3 end local t = {f(), f()} return #t")).isEqualTo("4");
        assertThat(eval("local function f() return 1, 2, 3 end return select('#', (f()))")).isEqualTo("1");
        assertThat(eval("return select(2, 'a', 'b', 'c')")).isEqualTo("b");
        assertThat(eval("return select(-1, 'a', 'b', 'c')")).isEqualTo("c");
        assertThat(eval("local t = {n = 0} function t:inc(k) self.n = self.n + k return self end return t:inc(2):inc(3).n")).isEqualTo("5");
        assertThat(eval("local t = {a = {b = {}}} function t.a.b.f(x) return x * 2 end return t.a.b.f(21)")).isEqualTo("42");
        assertThat(eval("local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(20)")).isEqualTo("6765");
        assertThat(eval("x = 5 return x")).isEqualTo("5");
        assertThat(eval("return unpack({1, 2, 3}, 2)")).isEqualTo("2");
        assertThat(eval("return type(nil) .. type(1) .. type('') .. type({}) .. type(print) .. type(type)")).isEqualTo("nilnumberstringtablenilfunction");
    }

    @Test
    void tailCallsDoNotGrowTheStack() {
        assertThat(eval("local function loop(n) if n == 0 then return 'done' end return loop(n - 1) end return loop(100000)")).isEqualTo("done");
    }

    @Test
    void metatables() {
        assertThat(eval("local t = setmetatable({}, {__index = function(t, k) return k .. '!' end}) return t.x")).isEqualTo("x!");
        assertThat(eval("local base = {a = 1} local t = setmetatable({}, {__index = setmetatable({}, {__index = base})}) return t.a")).isEqualTo("1");
        assertThat(eval("local log = {} local t = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end}) t.x = 2 return t.x")).isEqualTo("4");
        assertThat(eval("local t = setmetatable({}, {__call = function(self, a, b) return a + b end}) return t(1, 2)")).isEqualTo("3");
        assertThat(eval("local mt = {__eq = function() return true end} local a, b = setmetatable({}, mt), setmetatable({}, mt) return a == b")).isEqualTo("true");
        assertThat(eval("local mt = {__lt = function(a, b) return a.v < b.v end} local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt) return (a < b) and not (a <= b) == false")).isEqualTo("true");
        assertThat(eval("local mt = {__add = function(a, b) return 'added' end} return setmetatable({}, mt) + 1")).isEqualTo("added");
        assertThat(eval("local mt = {__concat = function(a, b) return 'cat' end} return 'x' .. setmetatable({}, mt)")).isEqualTo("cat");
        assertThat(eval("local mt = {__unm = function(a) return 'neg' end} return -setmetatable({}, mt)")).isEqualTo("neg");
        assertThat(eval("return tostring(setmetatable({}, {__tostring = function() return 'T' end}))")).isEqualTo("T");
        assertThat(eval("return getmetatable(setmetatable({}, {__metatable = 'locked'}))")).isEqualTo("locked");
        assertThat(eval("local t = setmetatable({1, 2}, {__len = function() return 9 end}) return #t")).isEqualTo("2");
    }

    @Test
    void pcallAndError() {
        assertThat(eval("local ok, e = pcall(error, 'x') return e")).isEqualTo("x");
        assertThat(eval("local ok, e = pcall(function() error('boom') end) return e")).isEqualTo("user_script:1: boom");
        assertThat(eval("local ok, e = pcall(function() error('boom', 0) end) return e")).isEqualTo("boom");
        assertThat(eval("local function f() error('deep', 2) end local ok, e = pcall(function()\n f() end) return e")).isEqualTo("user_script:2: deep");
        assertThat(eval("local ok, e = pcall(function() error({code = 1}) end) return e.code")).isEqualTo("1");
        assertThat(eval("local ok, e = pcall(function() error(42) end) return e")).isEqualTo("user_script:1: 42");
        assertThat(eval("return select(2, xpcall(function() error('x') end, function(m) return 'handled ' .. m end))")).isEqualTo("handled user_script:1: x");
        assertThat(eval("return select('#', pcall(function() return 1, 2 end))")).isEqualTo("3");
    }

    @Test
    void runtimeErrors() {
        assertThat(error("local x return x.y")).isEqualTo("user_script:1: attempt to index local 'x' (a nil value)");
        assertThat(error("local t = {} return t.x.y")).isEqualTo("user_script:1: attempt to index field 'x' (a nil value)");
        assertThat(error("return undefinedfn()")).isEqualTo("user_script:1: attempt to call global 'undefinedfn' (a nil value)");
        assertThat(error("local t = {} t:m()")).isEqualTo("user_script:1: attempt to call method 'm' (a nil value)");
        assertThat(error("local x = 'a' return x + 1")).isEqualTo("user_script:1: attempt to perform arithmetic on local 'x' (a string value)");
        assertThat(error("local x = {} return 1 + x")).isEqualTo("user_script:1: attempt to perform arithmetic on local 'x' (a table value)");
        assertThat(error("local u = {} return (function() return 'a' .. u end)()")).isEqualTo("user_script:1: attempt to concatenate upvalue 'u' (a table value)");
        assertThat(error("return #nil")).isEqualTo("user_script:1: attempt to get length of a nil value");
        assertThat(error("return 1 < nil")).isEqualTo("user_script:1: attempt to compare number with nil");
        assertThat(error("return 1 > nil")).isEqualTo("user_script:1: attempt to compare nil with number");
        assertThat(error("return {} < {}")).isEqualTo("user_script:1: attempt to compare two table values");
        assertThat(error("local t = {} t[nil] = 1")).isEqualTo("user_script:1: table index is nil");
        assertThat(error("local t = {} t[0/0] = 1")).isEqualTo("user_script:1: table index is NaN");
        assertThat(error("for i = 'x', 2 do end")).isEqualTo("user_script:1: 'for' initial value must be a number");
        assertThat(error("for i = 1, {} do end")).isEqualTo("user_script:1: 'for' limit must be a number");
        assertThat(error("for i = 1, 2, nil do end")).isEqualTo("user_script:1: 'for' step must be a number");
        assertThat(error("local function f() return f() + 1 end return f()")).isEqualTo("user_script:1: stack overflow");
        assertThat(error("local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x")).isEqualTo("user_script:1: C stack overflow");
        assertThat(error("\n\nlocal x = nil + 1")).isEqualTo("user_script:3: attempt to perform arithmetic on a nil value");
        assertThat(error("setmetatable(setmetatable({}, {__metatable = 1}), {})")).isEqualTo("user_script:1: cannot change a protected metatable");
        assertThat(error("assert(false)")).isEqualTo("user_script:1: assertion failed!");
        assertThat(error("assert(nil, 'my message')")).isEqualTo("user_script:1: my message");
    }

    @Test
    void syntaxErrors() {
        assertThat(error("return 1 +")).isEqualTo("user_script:1: unexpected symbol near '<eof>'");
        assertThat(error("x")).isEqualTo("user_script:1: '=' expected near '<eof>'");
        assertThat(error("local function (")).isEqualTo("user_script:1: '<name>' expected near '('");
        assertThat(error("return \"abc")).isEqualTo("user_script:1: unfinished string near '<eof>'");
        assertThat(error("return \"abc\nx")).isEqualTo("user_script:1: unfinished string near '\"abc'");
        assertThat(error("return 1x")).isEqualTo("user_script:1: malformed number near '1x'");
        assertThat(error("break")).isEqualTo("user_script:1: no loop to break near '<eof>'");
        assertThat(error("local x = function() return ... end")).isEqualTo("user_script:1: cannot use '...' outside a vararg function near '...'");
        assertThat(error("function f()\nreturn 1")).isEqualTo("user_script:2: 'end' expected (to close 'function' at line 1) near '<eof>'");
        assertThat(error("return end")).isEqualTo("user_script:1: '<eof>' expected near 'end'");
        assertThat(error("f\n(1)")).isEqualTo("user_script:2: ambiguous syntax (function call x new statement) near '('");
        assertThat(error("return f(1 x")).isEqualTo("user_script:1: ')' expected near 'x'");
        assertThat(error("a:b")).isEqualTo("user_script:1: function arguments expected near '<eof>'");
        assertThat(error("return + 1")).isEqualTo("user_script:1: unexpected symbol near '+'");
        assertThat(error("local t = {} t.x = 'a' 'b'")).isEqualTo("user_script:1: unexpected symbol near ''b''");
    }

    @Test
    void coroutines() {
        assertThat(eval("local co = coroutine.create(function(a, b) local c = coroutine.yield(a + b) return c * 2 end)"
                + " local _, x = coroutine.resume(co, 1, 2) local _, y = coroutine.resume(co, 10) return x .. ',' .. y .. ',' .. coroutine.status(co)")).isEqualTo("3,20,dead");
        assertThat(eval("local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) return gen() + gen() + gen()")).isEqualTo("6");
        assertThat(eval("local co = coroutine.create(function() end) coroutine.resume(co) return select(2, coroutine.resume(co))")).isEqualTo("cannot resume dead coroutine");
        assertThat(eval("local co = coroutine.create(function() error('oops') end) return select(2, coroutine.resume(co))")).isEqualTo("user_script:1: oops");
        assertThat(error("coroutine.yield(1)")).isEqualTo("attempt to yield across metamethod/C-call boundary");
        assertThat(eval("local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) return coroutine.status(co)")).isEqualTo("suspended");
        assertThat(eval("return type(coroutine.create(function() end))")).isEqualTo("thread");
    }

    @Test
    void suspendedCoroutinesAreClosed() {
        eval("local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co)");
        assertThat(L.coroutines).hasSize(1);
        L.closeCoroutines();
        assertThat(L.coroutines).isEmpty();
    }

    @Test
    void hookStopsLoops() {
        L.setHook(() -> {
            throw new LuaError("killed");
        }, 1000);
        assertThatThrownBy(() -> eval("while true do end")).isInstanceOf(LuaError.class).hasMessage("killed");
    }

    @Test
    void deepRecursionWorks() {
        assertThat(eval("local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end return d(5000)")).isEqualTo("5000");
    }

    @Test
    void globalsHonourTheirMetatable() {
        LuaTable mt = new LuaTable();
        mt.put("__index", LuaFunction.of((l, a) -> {
            throw l.error("Script attempted to access nonexistent global variable '" + l.checkString(a, 2) + "'");
        }));
        mt.put("__newindex", LuaFunction.of((l, a) -> {
            throw l.error("Attempt to modify a readonly table");
        }));
        L.globals.metatable = mt;
        assertThat(error("local x = 1\nreturn y")).isEqualTo("user_script:2: Script attempted to access nonexistent global variable 'y'");
        assertThat(error("z = 1")).isEqualTo("user_script:1: Attempt to modify a readonly table");
        assertThat(eval("return type(pcall)")).isEqualTo("function");
    }

    @Test
    void builtinsAreNamedAsTheCallSiteNamesThem() {
        L.globals.put("check", LuaFunction.of((l, a) -> new Object[] {LuaString.of(l.callNameWhat + " " + l.callName)}));
        assertThat(eval("return check()")).isEqualTo("global check");
        assertThat(eval("local c = check return c()")).isEqualTo("local c");
        assertThat(eval("local t = {f = check} return t.f()")).isEqualTo("field f");
        assertThat(eval("local t = {m = check} return t:m()")).isEqualTo("method m");
        assertThat(eval("local c = check return (function() return c() end)()")).isEqualTo("upvalue c");
        assertThat(eval("return select(2, pcall(check))")).isEqualTo("null null");
    }

    @Test
    void whereNamesTheCallingLuaFunction() {
        L.globals.put("where", LuaFunction.of((l, a) -> new Object[] {LuaString.of("[" + l.where(l.checkInt(a, 1)) + "]")}));
        assertThat(eval("\nreturn where(1)")).isEqualTo("[user_script:2: ]");
        assertThat(eval("return where(0)")).isEqualTo("[]");
        assertThat(eval("local function f()\n return where(2)\n end\n return f()")).isEqualTo("[]");
        assertThat(eval("local function f()\n return where(2)\n end\n local x = f() return x")).isEqualTo("[user_script:4: ]");
    }

    @Test
    void apiCallsIndexAndCompare() {
        LuaTable t = new LuaTable();
        LuaTable mt = new LuaTable();
        mt.put("__call", LuaFunction.of((l, a) -> new Object[] {(double) a.length}));
        mt.put("__index", LuaFunction.of((l, a) -> new Object[] {LuaString.of("dflt")}));
        t.metatable = mt;
        assertThat(L.call(t, 1.0, 2.0)).containsExactly(3.0);
        assertThat(L.index(t, LuaString.of("k"))).isEqualTo(LuaString.of("dflt"));
        L.setIndex(t, LuaString.of("k"), 5.0);
        assertThat(t.get("k")).isEqualTo(5.0);
        assertThat(L.lessThan(LuaString.of("a"), LuaString.of("b"))).isTrue();
        assertThatThrownBy(() -> L.lessThan(1.0, null)).hasMessage("attempt to compare number with nil");
        assertThatThrownBy(() -> L.index(null, 1.0)).hasMessage("attempt to index a nil value");
        assertThatThrownBy(() -> L.rawset(t, null, 1.0)).hasMessage("table index is nil");
        assertThat(L.tostring(1e15).toString()).isEqualTo("1e+15");
        assertThat(L.equals(1.0, 1.0)).isTrue();
        assertThatThrownBy(() -> L.load("x =".getBytes(StandardCharsets.UTF_8), "@user_function"))
                .hasMessage("user_function:1: unexpected symbol near '<eof>'");
        assertThatThrownBy(() -> L.load("x =".getBytes(StandardCharsets.UTF_8), "x ="))
                .hasMessage("[string \"x =\"]:1: unexpected symbol near '<eof>'");
    }

    @Test
    void hookCountsLoopIterations() {
        int[] ticks = new int[1];
        L.setHook(() -> ticks[0]++, 100);
        eval("local n = 0 for i = 1, 10000 do n = n + 1 end");
        assertThat(ticks[0]).isBetween(100, 400);
        L.setHook(null, 0);
        ticks[0] = 0;
        eval("for i = 1, 10000 do end");
        assertThat(ticks[0]).isZero();
    }

    @Test
    void coroutineThreadsEnd() throws Exception {
        eval("for i = 1, 20 do local co = coroutine.wrap(function() coroutine.yield(i) end) co() end");
        L.closeCoroutines();
        Thread.sleep(50);
        long alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fakeredis-lua-coroutine") && t.isAlive()).count();
        assertThat(alive).isZero();
    }

    @Test
    void deepRecursionInsideCoroutinesAndPcall() {
        assertThat(eval("local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end"
                + " local co = coroutine.wrap(function() return d(3000) end) return co()")).isEqualTo("3000");
        assertThat(eval("local function d(n) if n == 0 then return 0 end return 1 + select(2, pcall(d, n - 1)) end return d(150)")).isEqualTo("150");
        assertThat(eval("local t = {} local cur = t for i = 1, 3000 do cur.next = {} cur = cur.next end"
                + " local function walk(n, d) if not n then return d end return walk(n.next, d + 1) + 0 end return walk(t, 0)")).isEqualTo("3001");
    }

    @Test
    void stackOverflowBecomesLuaErrorEverywhere() {
        assertThat(error("local function f() return 1 + f() end local co = coroutine.wrap(f) return co()")).endsWith("stack overflow");
        assertThat(eval("local function f() return 1 + f() end return select(2, pcall(f))")).isEqualTo("user_script:1: stack overflow");
        assertThat(eval("local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return select(2, pcall(function() return t.x end))"))
                .isEqualTo("user_script:1: C stack overflow");
    }

    @Test
    void readonlyTablesAsRedisSeven() {
        LuaTable lib = new LuaTable();
        lib.readonly = true;
        L.globals.put("lib", lib);
        L.globals.readonly = true;
        assertThat(error("lib.x = 1")).isEqualTo("user_script:1: Attempt to modify a readonly table");
        assertThat(error("x = 1")).isEqualTo("user_script:1: Attempt to modify a readonly table");
        assertThat(error("local t = lib t[1] = 2")).isEqualTo("user_script:1: Attempt to modify a readonly table");
        assertThat(error("rawset(lib, 'x', 1)")).isEqualTo("Attempt to modify a readonly table");
        assertThat(error("setmetatable(lib, {})")).isEqualTo("Attempt to modify a readonly table");
        assertThat(eval("local ok, e = pcall(function() lib.x = 1 end) return e")).isEqualTo("user_script:1: Attempt to modify a readonly table");
    }

    @Test
    void builtinsAndHooksRunOnTheEnteringThread() {
        java.util.concurrent.locks.ReentrantLock engineLock = new java.util.concurrent.locks.ReentrantLock();
        Thread me = Thread.currentThread();
        java.util.Set<Thread> seen = new java.util.HashSet<>();
        L.globals.put("touch", LuaFunction.of((l, a) -> {
            engineLock.lock(); // would deadlock on a coroutine's thread while this one holds it
            try {
                seen.add(Thread.currentThread());
                return new Object[] {1.0};
            } finally {
                engineLock.unlock();
            }
        }));
        java.util.Set<Thread> hooked = new java.util.HashSet<>();
        L.setHook(() -> hooked.add(Thread.currentThread()), 10);
        engineLock.lock();
        try {
            assertThat(eval("local co = coroutine.wrap(function() local s = 0 for i = 1, 100 do s = s + touch() coroutine.yield(s) end end)"
                    + " local s for i = 1, 5 do s = co() end return s")).isEqualTo("5");
            assertThat(eval("local function d(n) if n == 0 then return touch() end return d(n - 1) + 0 end return d(400)")).isEqualTo("1");
            assertThat(eval("local co = coroutine.wrap(function() local function d(n) if n == 0 then return touch() end return d(n - 1) + 0 end"
                    + " coroutine.yield(d(300)) end) return co()")).isEqualTo("1");
            assertThat(eval("local co = coroutine.wrap(function() return select(2, pcall(function() error('x') end)) end) return co()"))
                    .isEqualTo("user_script:1: x");
        } finally {
            engineLock.unlock();
        }
        assertThat(seen).containsExactly(me);
        assertThat(hooked).containsExactly(me);
    }

    @Test
    void hookErrorsReachTheCoroutineThatRuns() {
        int[] n = new int[1];
        L.setHook(() -> {
            if (++n[0] > 3) throw new LuaError("killed");
        }, 100);
        assertThat(eval("local co = coroutine.create(function() while true do end end) local ok, e = coroutine.resume(co) return e"))
                .isEqualTo("killed");
        assertThatThrownBy(() -> eval("while true do end")).hasMessage("killed");
    }

    @Test
    void chunksResolveGlobalsInTheirEnvironment() {
        LuaTable env = new LuaTable();
        env.put("x", 42.0);
        LuaClosure f = L.load("return x, y".getBytes(StandardCharsets.UTF_8), "=env", env);
        assertThat(L.call(f)).containsExactly(42.0, null);
        assertThat(f.env).isSameAs(env);
        assertThatThrownBy(() -> L.call(L.load("local t = nil return t.x".getBytes(StandardCharsets.UTF_8), "=env", env)))
                .hasMessage("env:1: attempt to index local 't' (a nil value)");
    }

    @Test
    void onOwnerThreadRunsDirectlyOutsideCoroutines() {
        Thread me = Thread.currentThread();
        assertThat(L.onOwnerThread(() -> Thread.currentThread())).isSameAs(me);
        L.globals.put("owner", Builtin.of((l, a) -> new Object[] {l.onOwnerThread(() -> Thread.currentThread() == me)}));
        assertThat(eval("return tostring(coroutine.wrap(function() return owner() end)())")).isEqualTo("true");
    }

    @Test
    void stackOverflowLimitGrowsAfterTheFirstOverflowAsInLua() {
        String count = "local max = 0 local function f(n) max = n return 1 + f(n + 1) end local ok, e = pcall(f, 1) return max .. ' ' .. e";
        assertThat(eval(count)).isEqualTo("16381 user_script:1: stack overflow");
        assertThat(eval(count)).isEqualTo("19997 user_script:1: stack overflow");
    }

    @Test
    void finishedCoroutinesLendTheirThreadsAndCloseEndsThem() throws Exception {
        java.util.Set<Thread> used = new java.util.HashSet<>();
        L.globals.put("mark", Builtin.of((l, a) -> {
            used.add(Thread.currentThread());
            return Lua.NONE;
        }));
        assertThat(eval("local n = 0 for i = 1, 50 do local co = coroutine.wrap(function(x) mark() coroutine.yield(x) return x * 2 end)"
                + " n = n + co(i) + co() end return n")).isEqualTo("3825");
        assertThat(used.size()).isLessThanOrEqualTo(3);
        L.closeCoroutines();
        for (Thread t : used) {
            t.join(1000);
            assertThat(t.isAlive()).isFalse();
        }
    }
}
