package io.fakeredis.core.scripting.lua;

import static io.fakeredis.core.scripting.lua.LibCases.call;
import static io.fakeredis.core.scripting.lua.LibCases.need;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** table.*, each expected value read from redis-server 7.0.15 running the Lua in the comment. */
class TableLibTest {
    final LuaState L = LibCases.state();

    String t(String fn, Object... args) {
        return call(L, "table", fn, args);
    }

    static LuaTable list(Object... values) {
        LuaTable t = new LuaTable(values.length, 0);
        for (int i = 0; i < values.length; i++) t.put(i + 1, values[i]);
        return t;
    }

    static LuaString s(String s) {
        return LuaString.of(s);
    }

    String run(String source) {
        return LibCases.run(L, source);
    }

    @Test
    void concat() {
        assertThat(t("concat", list(1.0, 2.0, 3.0), s(", "), 2.0)).isEqualTo("2, 3");
        assertThat(t("concat", list(1.0, 2.5, s("x")), s("-"), 1.0, 3.0)).isEqualTo("1-2.5-x");
        assertThat(t("concat", list(), s("x"), 3.0, 1.0)).isEqualTo("");
        assertThat(t("concat", list(s("a"), s("b")), 3.0)).isEqualTo("a3b");
        assertThat(t("concat", list(1.0, 2.0, 3.0), null, 2.0)).isEqualTo("23");
        assertThat(t("concat", list(1.0, 2.0, 3.0), s(""), null, 2.0)).isEqualTo("12");
        assertThat(t("concat", list(1.0, 1.0 / 3, 1e100, -0.0))).isEqualTo("10.333333333333331e+100-0");
        LuaTable neg = new LuaTable();
        neg.put(-1, s("x"));
        neg.put(0, s("y"));
        neg.put(1, s("z"));
        assertThat(t("concat", neg, s(","), -1.0, 1.0)).isEqualTo("x,y,z");
    }

    @Test
    void concatErrors() {
        assertThat(need(t("concat", list(1.0, new LuaTable(), 3.0)))).isEqualTo("ERR invalid value (table) at index 2 in table for 'concat'");
        assertThat(need(t("concat", list(1.0, null, 3.0), s(""), 1.0, 3.0))).isEqualTo("ERR invalid value (nil) at index 2 in table for 'concat'");
        assertThat(need(t("concat", list(1.0, true)))).isEqualTo("ERR invalid value (boolean) at index 2 in table for 'concat'");
        assertThat(need(t("concat", list(1.0, 2.0), s(""), 1.0, 5.0))).isEqualTo("ERR invalid value (nil) at index 3 in table for 'concat'");
        assertThat(need(t("concat", list(1.0, 2.0, 3.0), new LuaTable()))).isEqualTo("ERR bad argument #2 to 'concat' (string expected, got table)");
        assertThat(need(t("concat", (Object) null))).isEqualTo("ERR bad argument #1 to 'concat' (table expected, got nil)");
        assertThat(need(t("concat", list(1.0), s(""), s("x")))).isEqualTo("ERR bad argument #3 to 'concat' (number expected, got string)");
    }

    @Test
    void insertAndRemove() {
        LuaTable a = list(1.0, 2.0, 3.0);
        assertThat(t("insert", a, 2.0, s("x"))).isEmpty();
        assertThat(t("concat", a, s(" "))).isEqualTo("1 x 2 3");
        a = list(1.0, 2.0, 3.0);
        t("insert", a, 2.7, s("x")); // the position truncates
        assertThat(t("concat", a, s(" "))).isEqualTo("1 x 2 3");
        a = list(1.0, 2.0, 3.0);
        t("insert", a, s("4"));
        assertThat(t("concat", a, s(" "))).isEqualTo("1 2 3 4");
        // local t={1,2,3} table.insert(t,5,'x') return {#t, t[4], t[5]}  -> 3 (nil x)
        a = list(1.0, 2.0, 3.0);
        t("insert", a, 5.0, s("x"));
        assertThat(a.length()).isEqualTo(3);
        assertThat(a.get(4)).isNull();
        assertThat(a.get(5)).isEqualTo(s("x"));
        // table.insert(t,0,'x') -> #t 4, t[0] 'x'; table.insert(t,-2,'x') likewise
        a = list(1.0, 2.0, 3.0);
        t("insert", a, 0.0, s("x"));
        assertThat(a.length()).isEqualTo(4);
        assertThat(a.get(0)).isEqualTo(s("x"));
        assertThat(a.get(1)).isNull();
        a = list(1.0, 2.0, 3.0);
        t("insert", a, (Object) null);
        assertThat(a.length()).isEqualTo(3);

        a = list(1.0, 2.0, 3.0);
        assertThat(t("remove", a, 1.0)).isEqualTo("1");
        assertThat(t("concat", a, s(" "))).isEqualTo("2 3");
        assertThat(t("remove", a)).isEqualTo("3");
        assertThat(t("remove", list())).isEmpty();
        assertThat(t("remove", list(1.0, 2.0, 3.0), 5.0)).isEmpty();
        assertThat(t("remove", list(1.0, 2.0, 3.0), 0.0)).isEmpty();
    }

    @Test
    void insertAndRemoveErrors() {
        assertThat(need(t("insert", list(), 1.0, 2.0, 3.0))).isEqualTo("ERR wrong number of arguments to 'insert'");
        assertThat(need(t("insert", list()))).isEqualTo("ERR wrong number of arguments to 'insert'");
        assertThat(need(t("insert", null, 1.0))).isEqualTo("ERR bad argument #1 to 'insert' (table expected, got nil)");
        assertThat(need(t("insert"))).isEqualTo("ERR bad argument #1 to 'insert' (table expected, got no value)");
        assertThat(need(t("insert", list(), s("a"), 1.0))).isEqualTo("ERR bad argument #2 to 'insert' (number expected, got string)");
        assertThat(need(t("remove"))).isEqualTo("ERR bad argument #1 to 'remove' (table expected, got no value)");
        assertThat(need(t("remove", list(), s("x")))).isEqualTo("ERR bad argument #2 to 'remove' (number expected, got string)");
    }

    @Test
    void readonlyTables() {
        // table.insert(math, 1): Redis raises it unpositioned
        LuaTable ro = list(1.0);
        ro.readonly = true;
        assertThatThrownBy(() -> ((LuaFunction) ((LuaTable) L.globals.get("table")).get("insert")).call(L, new Object[] {ro, 1.0}))
                .isInstanceOf(LuaError.class)
                .hasMessage("Attempt to modify a readonly table");
    }

    @Test
    void getnMaxnSetn() {
        assertThat(t("getn", list(1.0, 2.0, null, 4.0))).isEqualTo("4");
        LuaTable a = list(1.0, 2.0);
        a.put(10.5, 1.0);
        a.put(-3.0, 1.0);
        a.put("x", 1.0);
        assertThat(t("maxn", a)).isEqualTo("10.5");
        assertThat(t("maxn", list())).isEqualTo("0");
        assertThat(need(t("setn", list(), 1.0))).isEqualTo("ERR 'setn' is obsolete");
        assertThat(need(t("setn", 1.0))).isEqualTo("ERR bad argument #1 to 'setn' (table expected, got number)");
        assertThat(need(t("getn", s("x")))).isEqualTo("ERR bad argument #1 to 'getn' (table expected, got string)");
        assertThat(need(t("maxn"))).isEqualTo("ERR bad argument #1 to 'maxn' (table expected, got no value)");
        assertThat(need(t("foreach", list(), 1.0))).isEqualTo("ERR bad argument #2 to 'foreach' (function expected, got number)");
        assertThat(need(t("foreachi", list(), null))).isEqualTo("ERR bad argument #2 to 'foreachi' (function expected, got nil)");
    }

    @Test
    void pairsOrderAsRedis() {
        // local r={} for k in pairs(table) do r[#r+1]=k end return table.concat(r,' ')
        StringBuilder sb = new StringBuilder();
        LuaTable table = (LuaTable) L.globals.get("table");
        Object[] kv = new Object[2];
        for (Object k = null; table.next(k, kv); k = kv[0]) sb.append(sb.length() == 0 ? "" : " ").append(kv[0]);
        assertThat(sb.toString()).isEqualTo("setn insert getn foreachi maxn foreach concat sort remove");
    }

    // ---- through the VM ----

    @Test
    void foreach() {
        assertThat(run("return table.foreachi({1,2,3},function(i,v) if v==2 then return 'found'..i end end)")).isEqualTo("found2");
        assertThat(run("return table.foreach({a=1},function(k,v) return k..v end)")).isEqualTo("a1");
        assertThat(run("local s='' table.foreach({1,2,x=3},function(k,v) s=s..k..'='..v..';' end) return s")).isEqualTo("1=1;2=2;x=3;");
    }

    @Test
    void sort() {
        assertThat(run("local t={5,3,8,1,9,2,7,4,6,0} table.sort(t) return table.concat(t,' ')")).isEqualTo("0 1 2 3 4 5 6 7 8 9");
        assertThat(run("local t={5,3,8,1,9,2,7,4,6,0} table.sort(t, function(a,b) return a>b end) return table.concat(t,' ')")).isEqualTo("9 8 7 6 5 4 3 2 1 0");
        assertThat(run("local t={'b','a','C','aa','',' '} table.sort(t) return table.concat(t,',')")).isEqualTo(", ,C,a,aa,b");
        assertThat(run("local t={} table.sort(t,nil) return #t")).isEqualTo("0");
        // the comparison count of auxsort
        assertThat(run("local n=0 local t={} for i=1,30 do t[i]=31-i end table.sort(t,function(a,b) n=n+1 return a<b end) return n")).isEqualTo("140");
    }

    @Test
    void sortTiesKeepLuasOrder() {
        assertThat(run("local t={} for i=1,20 do t[i]={k=i%3,id=i} end table.sort(t, function(a,b) return a.k<b.k end) "
                        + "local r={} for i=1,#t do r[i]=t[i].id end return table.concat(r,' ')"))
                .isEqualTo("15 9 6 12 18 3 13 1 16 19 10 4 7 17 2 11 8 14 5 20");
        assertThat(run("local t={} for i=1,50 do t[i]={k=(i*7)%5,id=i} end table.sort(t, function(a,b) return a.k>b.k end) "
                        + "local r={} for i=1,#t do r[i]=t[i].id end return table.concat(r,' ')"))
                .isEqualTo("12 17 47 32 27 7 22 37 42 2 29 44 19 14 24 49 39 34 9 4 26 36 31 1 21 41 6 11 16 46 48 38 3 43 33 23 18 8 28 13 45 25 35 10 5 40 15 30 20 50");
        assertThat(run("local t={3,1,2} table.sort(t,function(a,b) return true end) return table.concat(t,' ')")).isEqualTo("1 2 3");
        assertThat(run("local t={3,1,2} table.sort(t,function(a,b) return false end) return table.concat(t,' ')")).isEqualTo("3 1 2");
    }

    /** The comparisons sort makes itself raise unpositioned errors, as in Redis. */
    @Test
    void sortErrors() {
        assertThat(run("local t={5,4,3,2,1,6,7,8} table.sort(t,function(a,b) return true end) return table.concat(t,' ')"))
                .isEqualTo("ERR user_script:1: invalid order function for sorting");
        assertThat(run("local t={} for i=1,100 do t[i]=(i*37)%11 end table.sort(t,function(a,b) return a<=b end) return table.concat(t,' ')"))
                .isEqualTo("ERR user_script:1: invalid order function for sorting");
        assertThat(run("local t={1,1,1,1,1} table.sort(t,function(a,b) return a<=b end) return table.concat(t,' ')"))
                .isEqualTo("ERR user_script:1: attempt to compare nil with number");
        assertThat(run("local t={} for i=1,20 do t[i]={k=i%4,id=i} end table.sort(t, function(a,b) return a.k<=b.k end)"))
                .isEqualTo("ERR user_script:1: attempt to index local 'b' (a nil value)");
        assertThat(run("local t={2,1,nil,4} table.sort(t)")).isEqualTo("ERR attempt to compare nil with number");
        assertThat(run("local t={1,2,{}} table.sort(t)")).isEqualTo("ERR attempt to compare table with number");
        assertThat(run("local t={{},{}} table.sort(t)")).isEqualTo("ERR attempt to compare two table values");
        assertThat(run("local t={1,2,3} table.sort(t, function(a,b) error('boom') end)")).isEqualTo("ERR user_script:1: boom");
        assertThat(run("table.sort({3,2,1},'x')")).isEqualTo("ERR user_script:1: bad argument #2 to 'sort' (function expected, got string)");
        assertThat(run("table.sort()")).isEqualTo("ERR user_script:1: bad argument #1 to 'sort' (table expected, got no value)");
    }

    @Test
    void errorsThroughTheVm() {
        assertThat(run("table.insert({},1,2,3)")).isEqualTo("ERR user_script:1: wrong number of arguments to 'insert'");
        assertThat(run("table.insert(nil,1)")).isEqualTo("ERR user_script:1: bad argument #1 to 'insert' (table expected, got nil)");
        assertThat(run("table.insert({},'a',1)")).isEqualTo("ERR user_script:1: bad argument #2 to 'insert' (number expected, got string)");
        assertThat(run("table.concat({1,{},3})")).isEqualTo("ERR user_script:1: invalid value (table) at index 2 in table for 'concat'");
        assertThat(run("table.concat({1,2,3},{})")).isEqualTo("ERR user_script:1: bad argument #2 to 'concat' (string expected, got table)");
        assertThat(run("table.setn({},1)")).isEqualTo("ERR user_script:1: 'setn' is obsolete");
        assertThat(run("table.foreach({},1)")).isEqualTo("ERR user_script:1: bad argument #2 to 'foreach' (function expected, got number)");
        assertThat(run("local t = setmetatable({}, {__newindex=function() error('x') end}) table.insert(t, 1) return t[1]")).isEqualTo("1");
        assertThat(run("return table.getn({1,2,nil,4})")).isEqualTo("4");
        assertThat(run("return table.maxn({1,2,[10.5]=1,[-3]=1})")).isEqualTo("10.5");
    }

    @Test
    void largeSortsWithTies() {
        assertThat(run("local t={} for i=1,300 do t[i]={k=(i*7919)%13,id=i} end table.sort(t, function(a,b) return a.k<b.k end) "
                        + "local r={} for i=1,#t do r[i]=t[i].id end return table.concat(r,' ')"))
                .isEqualTo("65 169 39 156 195 208 26 221 299 130 91 78 143 104 117 52 234 182 13 247 260 286 273 124 7 137 46 228 280 98 72 111 293 85 59 163 267 150 202 33 189 254 176 215 241 20 248 79 209 92 222 287 105 196 118 235 261 170 274 144 66 131 183 157 1 300 14 53 27 40 190 125 47 138 268 112 8 21 229 255 281 34 177 151 242 203 164 99 216 294 73 60 86 80 288 106 28 41 184 236 275 145 119 197 54 223 93 262 132 171 249 15 2 158 210 67 139 35 152 256 74 165 178 295 61 243 9 191 126 100 22 282 204 87 48 269 113 217 230 159 107 276 55 250 211 172 94 16 289 68 185 29 198 133 81 263 237 120 3 146 224 42 205 231 62 218 296 179 192 153 244 140 270 23 257 114 127 10 36 101 49 283 166 88 75 56 199 4 95 277 225 212 290 69 108 82 238 17 160 121 147 43 251 186 30 173 264 134 245 284 297 11 219 271 232 258 63 141 50 89 128 115 102 193 180 167 24 206 37 76 154 213 44 135 252 148 265 109 278 83 70 122 291 96 57 5 161 31 187 174 200 239 226 18 38 233 51 116 272 194 285 90 220 298 103 25 207 77 64 259 142 129 12 168 246 155 181 32 149 58 84 253 292 201 71 175 214 227 110 45 162 266 123 188 136 97 279 19 240 6");
        assertThat(run("local t={} for i=1,200 do t[i]=((i*7919)%101)..'' end table.sort(t, function(a,b) return #a<#b end) return table.concat(t,' ')"))
                .isEqualTo("4 9 2 7 5 9 1 8 5 2 6 6 8 0 3 4 3 7 1 81 41 59 40 21 84 43 27 68 62 87 65 46 24 18 97 37 88 28 69 50 47 25 66 44 85 78 91 72 75 15 56 31 34 53 94 12 49 52 30 70 10 51 92 29 48 89 26 67 86 32 13 57 98 38 73 16 35 76 54 95 90 45 23 14 55 96 36 74 93 33 71 11 64 77 58 61 42 83 17 20 39 80 99 63 60 82 21 62 43 84 81 59 40 78 18 37 24 46 30 71 11 65 90 68 49 87 27 22 97 15 25 66 47 88 85 63 44 82 22 56 28 50 94 34 75 69 53 72 12 91 31 93 52 74 32 73 13 54 92 10 51 29 70 89 95 76 19 79 41 35 79 98 38 16 57 33 48 26 17 58 99 39 77 96 36 14 55 67 80 61 20 45 86 64 19 42 83 23 100 100");
    }

    @Test
    void argumentCountsThroughTheVm() {
        // table.insert(t, 1, nil) has three arguments; a call returning nothing leaves one
        assertThat(run("local t={1,2} table.insert(t,1,nil) return #t, t[2], t[3]")).isEqualTo("3 1 2");
        assertThat(run("local t={1,2} local function f() return nil end table.insert(t,f()) return #t")).isEqualTo("2");
        assertThat(run("local t={1,2} local function f() end table.insert(t,f())")).isEqualTo("ERR user_script:1: wrong number of arguments to 'insert'");
        assertThat(run("return math.max(3, 1, unpack({}))")).isEqualTo("3");
        assertThat(run("return math.random(1, 2^31)")).isEqualTo("ERR user_script:1: bad argument #2 to 'random' (interval is empty)");
    }
}
