package io.fakeredis.core.scripting.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The string library from Lua source: callbacks (gsub with functions and tables, gmatch loops),
 * string methods, and error texts with their positions. Expected values are what redis-server
 * 7.0.15 returned for the same script (run inside pcall, results rendered as StringCases does).
 */
class StringLibScriptTest {
    private static Object[] s(String expected, String script) {
        return new Object[] {expected, script};
    }

    @TestFactory
    Stream<DynamicTest> scripts() {
        return Stream.of(
                s("\"HELLO WORLD\", 2",
                        "return string.gsub(\"hello world\", \"%w+\", function(w) return w:upper() end)"),
                s("\"AbC\", 3",
                        "return string.gsub(\"abc\", \"%w\", function(c) if c == \"b\" then return nil end return c:upper() end)"),
                s("\"abc\", 3",
                        "return string.gsub(\"abc\", \"%w\", function(c) return false end)"),
                s("\"bac\", 1",
                        "return string.gsub(\"abc\", \"(%w)(%w)\", function(a, b) return b .. a end)"),
                s("\"1.51.51.5\", 3",
                        "return string.gsub(\"abc\", \"%w\", function(c) return 1.5 end)"),
                s("ERR user_script:1: invalid replacement value (a table)",
                        "return string.gsub(\"abc\", \"%w\", function(c) return {} end)"),
                s("\"a5c\", 1",
                        "return string.gsub(\"abc\", \"()b()\", function(a, b) return a + b end)"),
                s("\"-a-b-c-\", 4",
                        "return string.gsub(\"abc\", \"\", function() return \"-\" end)"),
                s("\"Bob is 42\", 2",
                        "return string.gsub(\"$name is $age\", \"%$(%w+)\", {name = \"Bob\", age = 42})"),
                s("\"heLLo\", 1",
                        "return string.gsub(\"hello\", \"l+\", {ll = \"LL\"})"),
                s("ERR user_script:1: invalid replacement value (a boolean)",
                        "return string.gsub(\"hello\", \"l\", {l = true})"),
                s("ERR user_script:1: invalid replacement value (a table)",
                        "return string.gsub(\"hello\", \"(l)\", {l = {}})"),
                s("\"12.5c\", 3",
                        "return string.gsub(\"abc\", \"%w\", {a = 1, b = 2.5})"),
                s("\"aabbcc\", 3",
                        "return string.gsub(\"abc\", \"%w\", setmetatable({}, {__index = function(t, k) return k .. k end}))"),
                s("ERR user_script:1: boom a",
                        "return string.gsub(\"abc\", \"(%w)\", function(c) error(\"boom \" .. c) end)"),
                s("\"a,b\", 1",
                        "return string.gsub(\"a,b\", \",\", string.upper)"),
                s("\"979899\", 3",
                        "return string.gsub(\"abc\", \"%w\", string.byte)"),
                s("3, \"one\", \"three\"",
                        "local t = {} for w in string.gmatch(\"one two  three\", \"%a+\") do t[#t + 1] = w end return #t, t[1], t[3]"),
                s("\"a1\", \"b2\"",
                        "local t = {} for k, v in string.gmatch(\"a=1, b=2\", \"(%w+)=(%w+)\") do t[#t + 1] = k .. v end return unpack(t)"),
                s("\"a\", \"b\", true, 0",
                        "local it = string.gmatch(\"ab\", \".\") return it(), it(), it() == nil, select(\"#\", it())"),
                s("\"a\", \"b\"",
                        "local it = string.gfind(\"ab\", \".\") return it(), it()"),
                s("4",
                        "local n = 0 for _ in (\"abc\"):gmatch(\"\") do n = n + 1 end return n"),
                s("ERR user_script:1: malformed pattern (missing ']')",
                        "for w in string.gmatch(\"abc\", \"[\") do end"),
                s("\"el\", \"HELLO\", 5, \"hellohello\", 104, 3, \"h\", \"e\"",
                        "local s = \"hello\" return s:sub(2, 3), s:upper(), s:len(), s:rep(2), s:byte(1), s:find(\"l\"), s:match(\"(h)(e)\")"),
                s("\"5 items\"",
                        "return (\"%d items\"):format(5)"),
                s("ERR user_script:1: bad argument #1 to 'rep' (number expected, got no value)",
                        "return (\"x\"):rep()"),
                s("ERR user_script:1: bad argument #1 to 'sub' (number expected, got no value)",
                        "return (\"x\"):sub()"),
                s("ERR user_script:1: bad argument #1 to 'sub' (string expected, got no value)",
                        "return (\"x\").sub()"),
                s("ERR user_script:1: bad argument #1 to 'sub' (string expected, got no value)",
                        "return string.sub()"),
                s("ERR user_script:1: bad argument #1 to 'sub' (string expected, got no value)",
                        "local sub = string.sub return sub()"),
                s("3, \"cba\"",
                        "return #\"abc\", (\"abc\"):reverse()"),
                s("ERR user_script:1: attempt to index local 's' (a number value)",
                        "local s = 5 return s:rep(2)"),
                s("ERR user_script:1: bad argument #3 to 'format' (no value)",
                        "return string.format(\"%s %d\", \"a\")"),
                s("ERR user_script:1: bad argument #2 to 'format' (number expected, got string)",
                        "return string.format(\"%d\", \"x\")"),
                s("\"ababab\"",
                        "return string.rep(\"ab\", 3, \",\")"),
                s("ERR user_script:1: bad argument #1 to 'char' (invalid value)",
                        "return string.char(256)"),
                s("ERR user_script:1: calling 'char' on bad self (number expected, got string)",
                        "return (\"x\"):char()"),
                s("ERR user_script:1: malformed pattern (missing ']')",
                        "return string.find(\"abc\", \"[a\")"),
                s("ERR user_script:1: invalid option '%y' to 'format'",
                        "return string.format(\"%y\", 1)"),
                s("ERR user_script:1: bad argument #2 to 'format' (string expected, got table)",
                        "local t = setmetatable({}, {__tostring = function() return \"T\" end}) return string.format(\"%s\", t)"),
                s("\"0.33333333333333\", \"100\", \"-0\"",
                        "return string.format(\"%s\", 1/3), string.format(\"%s\", 100), string.format(\"%s\", -0)"),
                s("\"9007199254740992.0|9.22337e+18|9.2233720368548e+18\"",
                        "return string.format(\"%5.1f|%g|%s\", 2^53, 2^63, 2^63)"),
                s("true",
                        "return getmetatable(\"\").__index == string"),
                s("1000, 99",
                        "return string.len(string.rep(\"a\", 1000)), #string.format(\"%099d\", 1)"),
                s("false, \"unable to dump given function\"",
                        "return pcall(string.dump, string.len)"),
                s("ERR user_script:1: bad argument #1 to 'upper' (string expected, got nil)",
                        "return string.upper(nil)"),
                s("2, 2",
                        "return (\"abc\"):find(\"b\", 1, true)"),
                s("ERR user_script:2: bad argument #1 to 'sub' (string expected, got no value)",
                        "local x = 10\012local y = string.sub()\012return y"),
                s("\"bba\"",
                        "return tostring(string.gsub(\"aaa\", \"a\", \"b\", 2))"),
                s("2, 1, 0, 1",
                        "return select(\"#\", string.gsub(\"x\", \"x\", \"y\")), select(\"#\", string.find(\"x\", \"y\")), select(\"#\", string.byte(\"\")), select(\"#\", string.match(\"x\", \"()\"))"),
                s("\"\\\"line1\\\\010line2\\000end\\r\\\\\"q\\\\\" \\\\\\\"\"",
                        "return string.format(\"%q\", \"line1\\nline2\\0end\\r\\\"q\\\" \\\\\")"),
                s("\"[        hi][hi        ]\"",
                        "return string.format(\"[%10s][%-10s]\", \"hi\", \"hi\")"),
                s("0.333",
                        "return string.format(\"%.3f\", 1/3) + 0"),
                s("6, 16, \"55\"",
                        "return (\"5\" + 1), (\"0x10\" * 1), string.rep(5, 2)"),
                s("\"sub upper len gfind rep find match char dump gmatch reverse byte format gsub lower\"",
                        "local t = {} for k in pairs(string) do t[#t + 1] = k end return table.concat(t, \" \")"),
                s("\"__index\"",
                        "local t = {} for k in pairs(getmetatable(\"\")) do t[#t + 1] = k end return table.concat(t, \" \")"),
                s("false, \"bad argument #1 to '?' (string expected, got no value)\"",
                        "return pcall(string.sub)"),
                s("false, \"bad argument #2 to '?' (number expected, got no value)\"",
                        "return pcall(string.rep, \"x\")"),
                s("ERR bad argument #2 to '?' (number expected, got no value)",
                        "return string.gsub(\"abc\", \"%w\", string.rep)"),
                s("\"ab\", 2",
                        "return string.gsub(\"ab\", \"%w\", string.format)"),
                s("\"-nan -nan -9223372036854775808\"",
                        "return string.format(\"%s %f %d\", 0/0, 0/0, 0/0)"),
                s("\"-nan nan\"",
                        "local z = 0 return string.format(\"%s %f\", z/z, -(z/z))"),
                s("true, \"xaxbxcx\", 4",
                        "return pcall(string.gsub, \"abc\", \"(\", \"x\")"),
                s("\"user\", 43",
                        "local key = \"lock:{user}:42\" local tag = key:match(\"{(.-)}\") local id = tonumber(key:match(\":(%d+)$\")) return tag, id + 1"),
                s("\"[a][][b][][][c][]\"",
                        "local parts = {} for p in (\"a:b::c\"):gmatch(\"([^:]*)\") do parts[#parts + 1] = \"[\" .. p .. \"]\" end return table.concat(parts)"),
                s("true, 5, 5",
                        "local prefix = \"user:\" local k = \"user:7\" return string.sub(k, 1, string.len(prefix)) == prefix, string.find(k, \":\", 1, true)"),
                s("\"12.35%\", \"0003.142\", \"ff\"",
                        "return string.format(\"%.2f%%\", 12.345), string.format(\"%08.3f\", math.pi), string.format(\"%x\", 255)"),
                s("\"1bc\", \"x%y\", 1",
                        "return (\"abc\"):gsub(\".\", {a = \"1\"}), (\"x y\"):gsub(\"%s\", \"%%\")"),
                s("\"ABC\", 65, 66, 67",
                        "local t = {} for i = 1, 3 do t[i] = string.char(64 + i) end return table.concat(t), string.byte(\"ABC\", 1, -1)"))
                .map(k -> DynamicTest.dynamicTest((String) k[1], () -> assertThat(run((String) k[1])).isEqualTo(k[0])));
    }

    private static String run(String script) {
        LuaState L;
        LuaFunction fn;
        try {
            L = ScriptSupport.newState();
            fn = L.load(script.getBytes(StandardCharsets.UTF_8), "@user_script");
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("needs the VM");
            return null;
        }
        try {
            Object[] r = L.call(fn);
            return String.join(", ", Arrays.stream(r).map(StringCases::render).toArray(String[]::new));
        } catch (LuaError e) {
            return "ERR " + StringCases.message(e);
        }
    }
}
