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

    /** Random inserts, removes, sets, sorts and maxn on one table (seed and count in ARGV). */
    static final String RANDOM_SCRIPT =
            "local x = tonumber(ARGV[1]) local N = tonumber(ARGV[2])\n" +
            "local function rnd(n) x = (x * 16807) % 2147483647 return x % n end\n" +
            "local t, out = {}, {}\n" +
            "for i = 1, N do\n" +
            "  local op = rnd(10)\n" +
            "  if op < 3 then table.insert(t, i)\n" +
            "  elseif op == 3 then table.insert(t, rnd(#t + 2) + 1 - 1 + (#t == 0 and 1 or 0), 'v' .. i)\n" +
            "  elseif op == 4 then out[#out + 1] = tostring((table.remove(t)))\n" +
            "  elseif op == 5 then out[#out + 1] = tostring((table.remove(t, rnd(#t + 1) + 1)))\n" +
            "  elseif op == 6 then t[rnd(#t + 3) + 1] = (rnd(3) == 0) and nil or i\n" +
            "  elseif op == 7 then t['s' .. rnd(20)] = (rnd(2) == 0) and nil or i\n" +
            "  elseif op == 8 then out[#out + 1] = #t .. '/' .. table.maxn(t)\n" +
            "  else\n" +
            "    local a = {}\n" +
            "    for j = 1, rnd(12) do a[j] = rnd(5) end\n" +
            "    table.sort(a, function(p, q) return p > q end)\n" +
            "    out[#out + 1] = table.concat(a, ',')\n" +
            "  end\n" +
            "end\n" +
            "local keys = {}\n" +
            "for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. '=' .. tostring(v) end\n" +
            "return table.concat(out, ' ') .. ' || ' .. table.concat(keys, ' ') .. ' #' .. #t\n";

    /** "seed count|" then what Redis returned. */
    static final String[] RANDOM_RESULTS = {
        "1 50|0/0 4 1/1 v7 4,4,3,2 2,2,2,1,1,0 2,2,1 15 5/5 21 5/5 10 4/4 27 7/11 7/11 nil 3 v18 30 2 31 32 7/7 7/7 || 1=v40 2=v16 3=v36 4=8 5=v49 6=29 7=37 8=46 0=v33 9=50 s9=1 s1=23 s0=13 s3=11 #9",
        "1 400|0/0 4 1/1 v7 4,4,3,2 2,2,2,1,1,0 2,2,1 15 5/5 21 5/5 10 4/4 27 7/11 7/11 nil 3 v18 30 2 31 32 7/7 7/7 10/10 51 4,4,3,3,2,2,2,0,0,0,0 10/10 v40 8 15/15 4,4,4,3,3,2,1,1,0,0,0 18/18 74 80 71 70 4,2,2,2,2,0,0 90 18/18 67 v76  96 50 100 19/19 89 v49 114 112 105 4,3,3,2,1,1,0,0 120 16/16 16/16 126 4,4,4,3,2,0,0 v62 106 15/15 131 16/16 135 4,3,3,3,2,2,2,1,0 52 17/17 142 16/16 144 4,3,3,3,2,2,1,1,0 134 15/15 156 68 149 161 17/17 v125 65 17/17 v166 4,3,3,2,2,0 187 4,4,4,4,3,2,1,0 4,1 31/31 32/32 206 35/35 204 4,3,3,3,2,2,0,0,0 63 4,2,1 160 136 192 4,4,4,3,3,2,1,1,0,0 1,1 41/41 231 43/43 246 249 48/48 4,3,2,1,0 54/54 266 54/54 54/54 264 nil 4,0 53/53 53/53 4,2,1,0,0,0 158 278 180 171 4,4,4,4,3,3,1,0,0 2,0,0 287 4,4,2,1,1,0,0,0 4,4,4,4,3,3,3,3,2,1,0 198 283 301 2 4,4,3,3,3,2,2,1,1 307 254 314 56/56 4,1 255 v185 1,1 329 336 339 341 197 349 2,2,0 4,2,2,1,1,0 4,4,3,3,2,1,0,0 v240 280 346 v289 4,4,4,4,3,3,3,0,0,0 62/62 66/66 374 67/67 68/68 v361 4,4,4,3,1,0,0,0,0 69/69 384 69/69 393 76/76 396 366 || 1=v186 2=143 3=v205 4=v165 5=247 6=290 7=46 8=v243 9=319 10=113 11=200 12=330 13=298 14=338 15=179 16=181 17=182 18=v193 19=214 20=233 21=v244 22=v215 23=194 24=196 25=v343 26=v218 27=v325 28=201 29=203 30=212 31=334 32=253 33=v322 34=230 35=217 36=220 37=323 38=227 39=229 40=235 41=368 42=309 43=261 44=242 45=v387 46=256 47=257 48=308 49=263 50=299 51=300 52=305 53=312 54=316 55=318 56=324 57=327 58=328 59=348 60=355 61=356 62=363 63=367 64=369 0=v84 s13=332 s6=288 s7=173 s4=137 s5=169 s16=373 70=388 s9=360 s8=223 74=395 73=392 72=390 s17=303 s10=358 s18=163 s15=285 68=380 66=372 65=370 67=377 69=382 71=389 s14=58 s19=344 s1=250 s0=262 s3=398 s11=124 #74",
        "7 50|4,3,3,3,2,1,0 2 4,3,2,2,1,1,0,0 nil 1/3 3 nil 5/5 3,3,2,2,2,2,1,1,0 20 15 24 5/5 4,3,2,2,0,0 5/5 19 3,1,1 4,4,4,3,3,3,2,2,2,1 38 41 10/10 44 2,0,0 || 1=25 2=v13 3=v32 4=v30 5=12 6=14 7=37 8=v40 9=45 10=47 s17=31 s9=10 s6=42 s7=50 s18=35 s5=11 #10",
        "7 400|4,3,3,3,2,1,0 2 4,3,2,2,1,1,0,0 nil 1/3 3 nil 5/5 3,3,2,2,2,2,1,1,0 20 15 24 5/5 4,3,2,2,0,0 5/5 19 3,1,1 4,4,4,3,3,3,2,2,2,1 38 41 10/10 44 2,0,0 nil 47 12 11/11 v40 60 70 15/15 15/15 4,3,1 16/16 4,4,3,2,1,1,0,0 v32 45 v30 3,3,2,2,0 99 103 102 98 4,4,4,4,3,3,3,3,1,1,0 85 24/24 97 120 4,4,2,2,2,1 126 133 34/34 132 139 57 34/34 34/34 v114 157 3,1,0,0 4,4,3,2,2,2,2,2,1,1,1 40/40 v122 149 4,4,3,2 14 4,4,1,1,1,0 82 v121 52/52 177 51/51 52/52 185 4,3,2,2,0 206 109 89 51/51 53/53 53/53 184 53/53 156 37 4,4,4,4,2,1,0,0 52/52 54/54 56/56 188 239 245 234 252 251 4,4,3,3,3,3,0,0,0 249 62/62 62/62 0,0 4,4,4,3,2,2,1,1,1,1,0 4,4,4,4,3,2,2,1,1,0 4,4,4,1,0,0,0 233 v134 61/61 64/64 142 212 176 65/65 284 191 280 3,3,2,1,0,0 67/67 v269 67/67 275 298 4,3,3,2,1,1,0,0,0 74/74 154 4,4,3,3,1 3,1,1 84/84 85/85 96 222 89/89 4,4,3,3,3,3,3,2,1 352 309 4,4,3,0,0,0 364 362 361 v319 90/90 235 357 241 381 3,2,0 376 349 90/93 || 1=v378 2=v369 4=58 5=75 6=v274 7=v79 8=v388 9=v61 10=136 11=365 12=262 13=v288 14=76 15=73 16=164 17=v192 18=v193 19=90 20=v291 21=v377 22=306 23=92 24=383 25=v244 26=v243 27=v322 28=v129 29=198 30=119 31=219 32=130 33=141 34=148 35=152 36=153 37=287 38=340 39=199 40=173 41=174 42=391 43=181 44=v273 45=182 46=345 47=189 48=190 49=203 50=359 51=211 52=220 53=227 54=228 55=282 56=231 57=313 58=242 59=v314 60=247 61=392 62=261 63=v335 64=270 65=382 66=368 67=277 68=283 69=339 70=296 71=300 72=301 73=323 74=302 75=304 76=310 77=v341 78=316 79=320 80=327 81=328 82=329 83=330 84=332 85=337 86=346 87=v356 88=348 89=393 90=v398 91=394 92=400 93=395 0=v363 s13=379 s6=387 s7=303 s4=386 s5=150 s12=290 s9=53 s18=215 s15=81 s16=397 s10=180 s17=216 s14=186 s19=170 s1=370 s0=175 s3=68 s2=399 #93",
        "99 50|3,1,1 v3 nil 4,4,3,3,3,3,2,2,2,1,0 8/8 18 20 8/8 10/10 8 28 4,3,3,1,1,1,1,1 4,3,3,2,1,1 3,3,3,2,2,2,1 33 3,3,3,1 49 || 1=v1 2=7 3=v13 4=9 5=15 6=10 7=16 8=23 9=25 10=v44 11=37 12=38 13=40 14=v48 15=41 16=42 17=43 18=45 19=47 s9=46 s11=32 s1=4 s7=24 s18=6 s5=14 #19",
        "99 400|3,1,1 v3 nil 4,4,3,3,3,3,2,2,2,1,0 8/8 18 20 8/8 10/10 8 28 4,3,3,1,1,1,1,1 4,3,3,2,1,1 3,3,3,2,2,2,1 33 3,3,3,1 49 38 v13 4,4,3,3,3,2,2,2,1,0,0 16 22/22 4,3,2,2,1,1,0 23/23 24/24 27/27 27/27 v48 4,2,2,2,0 23 4,4,4,3,3,2,1,1,1,1 33/33 33/33 93 4,2,2,0,0 101 25 37/37 4,4,3,3,2,1,1,0 100 4,4,2,2,0 117 40/40 4,4,3,3,3,2,2,2,1,0 44/44 44/44 42 60 44/44 44/44 89 44/44 134 43/43 43/43 44/44 44/44 44/44 nil 44/44 154 157 4,4,3,2,2,2,1,1,1 165 48/48 3,3,3,2,1 4,4,2,1,0,0 4,3,2,2,2,1,0 167 174 49/49 50/50 v86 4,4,4,3,2,1,1,1,0 4,4,3,3,3,3,2,1,0,0 65 55/55 4,4,2,2,2,2,0 9 199 4,4,3,3,2,2,1,1,0,0 204 92 208 170 0,0 57/57 216 113 57/57 59/59 64/64 4,4,3,3  65/65 4,3,3,3,2,2,0,0,0,0 70/70 4,2,1 242 72/72 252 259 99  262 268 129 73/73 53 1 4,1,0 281 4,2,1,1,0,0 3,2,2,2,2,1,1,1 293 43 82/82 4,4,3,2,2,1,0,0,0 86/86 89/89 90/90 90/90 317 231 4,4,3,2,0,0 0 4,3,2,2,1 90/90 4,2,1 310 3,2,0 90/90 91/91 287 121 90/90 336 90/90 127 342 90/90 v67 245 226 4,2,0 308 355 2,0 359 84 357 89/89 4,4,2,2,2,2,1,1,0,0 90/90 1 4 4,0 4 378 92/92 100/100 || 1=v275 2=389 3=383 4=150 5=107 6=v111 7=10 8=v304 9=142 10=37 11=40 12=v244 13=41 14=v225 15=v61 16=47 17=136 18=59 19=62 20=v256 21=v151 22=70 23=73 24=80 25=81 26=182 27=85 28=394 29=v300 30=v144 31=v386 32=269 33=v249 34=v371 35=138 36=338 37=v178 38=115 39=364 40=v279 41=v392 42=120 43=v349 44=v365 45=v221 46=v353 47=214 48=153 49=220 50=179 51=188 52=397 53=186 54=187 55=189 56=v312 57=191 58=192 59=193 60=198 61=346 62=203 63=v390 64=212 65=219 66=228 67=229 68=271 69=v277 70=266 71=235 72=238 73=295 74=v294 75=241 76=251 77=334 78=267 79=282 80=284 81=286 82=288 83=360 84=291 85=v387 86=298 87=v316 88=301 89=305 90=307 91=326 92=v382 93=329 94=331 95=341 96=345 97=375 98=385 99=388 100=396 101=399 102=400 0=v131 s17=391 s6=175 s7=156 s4=395 s5=313 s16=358 s9=46 s8=211 s18=272 s15=76 s13=270 s11=374 s10=384 s19=253 s1=4 s0=309 s3=114 s14=71 #102",
        "12345 50|nil 4,4,3,2,2,1,0,0 4,4,3,2,1,0,0,0,0 5/5 10/10 12 11 8/8 16 14 nil 28 32 4,4,0 4,4,4,3,3,2,0 38 12/12 4,4,4,3,3,2,0 4,4,1 42 || 1=49 2=v23 3=5 4=2 5=v8 6=24 7=19 8=29 9=30 10=34 11=v46 12=36 13=37 14=48 15=50 s7=9 s18=15 17=44 #15",
        "12345 400|nil 4,4,3,2,2,1,0,0 4,4,3,2,1,0,0,0,0 5/5 10/10 12 11 8/8 16 14 nil 28 32 4,4,0 4,4,4,3,3,2,0 38 12/12 4,4,4,3,3,2,0 4,4,1 42 4,4,3,3,2,2,2,1,1,0 29 4,4,3,2,0,0 44 59 4,3,2,2,2 4,4,4,2,1,1,1,1,0,0 50 66 22/22 22/22 2 23/23 23/23 79 24/24 81 24 23/23 23/23 24/24 92  4,2,1,0 104 v94 4,4,4,3,3,2,1,1,1,0 4,3,3,3,3,2,1,1,0,0,0 31/31 v67  31/31 v46 121 v127 4,2 35/35 141 34 38/38 41/41 148 139 154 39/39 42/42 3,2,1,1 4,3,1 120 178 101 49/49 183 52/52 192 4,4,4,3,3,2,2,1,1,0 49 54/54 138 84 209 133 62/62 62/62 4,3,2,2,2,2,1,0 4,3,3,3,2,1,0,0,0,0 226 62/62 63/63 187 62/62 235 67/67 243 251 253 216 255 3,3,3,2,1,0,0 221 2 256 2 99 72/72 214 3,3,3 246 208 4,4,3,3,3,2,2,1,0 79/79 v97 4,3,3,3,3,2 299 78/78 305 81/81 81/81 264 82/82 83/83 153 321 173 327 4,2,1 87/87 4,3,2,2,2,1,1,0,0,0 107 4,3,3,2,1,0,0 4,1 343 90/90 346 355 92/92 163 366 2 376 4,4,4,3,3,2,2,0 100/100 337 283 98/98 v55 4 388 101/101 103/103 19 || 1=v217 2=v287 3=v23 4=v358 5=361 6=87 7=229 8=v177 9=v182 10=v261 11=319 12=36 13=270 14=48 15=v63 16=353 17=53 18=v189 19=v134 20=58 21=61 22=v313 23=v180 24=v140 25=245 26=v161 27=375 28=v206 29=v368 30=v373 31=v274 32=96 33=292 34=100 35=102 36=110 37=118 38=v371 39=126 40=136 41=143 42=168 43=v172 44=159 45=v370 46=165 47=v320 48=203 49=175 50=317 51=349 52=196 53=197 54=202 55=204 56=296 57=211 58=219 59=231 60=238 61=239 62=240 63=241 64=341 65=249 66=250 67=265 68=271 69=275 70=276 71=399 72=279 73=280 74=281 75=285 76=291 77=294 78=v331 79=303 80=v372 81=360 82=311 83=316 84=v347 85=v385 86=v354 87=325 88=v329 89=326 90=333 91=336 92=338 93=351 94=362 95=363 96=364 97=369 98=384 99=386 100=387 101=394 102=395 103=400 s17=155 s6=289 s7=273 s4=356 s5=312 s16=199 s9=295 s8=391 s18=328 s15=258 s11=396 s13=171 s14=122 s19=308 s1=380 s12=152 s10=213 s2=344 #103",
        "777777 50|0/0 4 4,4,3,3,2,1,1,1,1,0,0 4,2,2,2,2,2,1,0,0 4,4,4,4,3,3,3,1,0 nil 4/4 6/6 25 4,4,4,4,3,2,1,1,1,0 1 11/11 16/16 44 22/22 || 1=v37 2=v19 3=v10 4=v41 5=42 6=v49 7=v23 8=15 9=13 10=12 11=18 12=v50 13=21 14=22 15=33 16=29 17=v46 18=32 19=v40 20=34 21=35 22=36 23=43 24=47 0=v39 s19=28 s1=8 s4=1 s12=2 #24",
        "777777 400|0/0 4 4,4,3,3,2,1,1,1,1,0,0 4,2,2,2,2,2,1,0,0 4,4,4,4,3,3,3,1,0 nil 4/4 6/6 25 4,4,4,4,3,2,1,1,1,0 1 11/11 16/16 44 22/22 12 0 15 4,3,3,3,2,2,1,1,1,1,1 32/32 32 v37 76 31/31 4,4,2,2,1,1,1,0 67 72 29/29 4,4,3,3,3,2,2,2,0,0,0 31/31 4,3,3,3,2 91 4,4,4,1,1,1,1,1,0,0 35/35 v41 34/34 4,4,4,3 v69 104 108 53 4,3,3,3,3,2,2,0 115 v46 105 4,4,4,3,3,2,2,1,1,0,0 122 v93 4,4,3,3,3,1 128 125 121 1 136 139 4,3,1,1 v134 45/45 47/47 48/48 4,4,3,2,2,1,1,0 170 52/52 29 2,2,2,1,1,1,1,0,0 180 167 59/59 4,3,3,3,2,1,1,1,1,0 3,2,2,1 193 179 176 4,3,2,2 4,3,1,0 61/61  61/61 62/62 62/62 3,3,3,2,0,0 215 v94 218 61/61 4,3,3,2,2,1,1,1 66/66 223 66/66 v64 65/68 3,2,1,0 3,2 69/69 251 v250 258 4,3,2,1,0 268 267 81/81 228 v10 81/81 82/82 282 82/82 v19 286 3,0 81/81 81/81 157 81/81 292 82/82 4,4,4,4,4,3,2,1,1,0,0 85/85 65 87/87 308 87/87 87/87 4,3,2,0,0 89/89 v202 320 90/90 91/91 91/91 336 98/98 174 280 3,3,0,0 4,3,1 149 297 99/99 0 232 101/101 4,0 362 v123 100/100 370 3,3,3,2,1,0 2,2,2,2,1,1,0 380 2,2,1,0,0 v390 393 397 18 || 1=310 2=348 3=v39 4=209 5=v303 6=367 7=42 8=57 9=v199 10=v23 11=54 12=v169 13=v359 14=v160 15=v52 16=71 17=21 18=22 19=33 20=v40 21=126 22=335 23=v358 24=35 25=36 26=43 27=261 28=v185 29=56 30=v131 31=142 32=66 33=396 34=v389 35=87 36=96 37=101 38=141 39=143 40=v271 41=253 42=182 43=152 44=153 45=312 46=v189 47=156 48=159 49=v395 50=162 51=164 52=168 53=173 54=175 55=203 56=284 57=225 58=226 59=227 60=231 61=239 62=313 63=234 64=242 65=363 66=246 67=v338 68=248 69=249 70=254 71=257 72=262 73=v398 74=264 75=266 76=272 77=273 78=276 79=277 80=296 81=301 82=384 83=306 84=307 85=315 86=319 87=323 88=326 89=327 90=330 91=333 92=334 93=339 94=340 95=341 96=342 97=345 98=346 99=352 100=353 101=356 102=375 103=376 104=377 105=379 106=382 107=383 108=385 109=387 110=388 0=v186 s17=392 s6=111 s7=197 s4=1 s16=300 s9=106 s8=324 s18=190 s11=206 s13=364 s12=343 s10=244 s19=368 s1=8 s15=247 s3=184 s14=63 #110"
    };

    @Test
    void randomOperationsAsRedis() {
        for (String row : RANDOM_RESULTS) {
            int bar = row.indexOf('|');
            String[] head = row.substring(0, bar).split(" ");
            LuaState L = LibCases.state();
            LuaTable argv = new LuaTable();
            argv.put(1, s(head[0]));
            argv.put(2, s(head[1]));
            L.globals.put("ARGV", argv);
            assertThat(LibCases.run(L, RANDOM_SCRIPT)).as(row.substring(0, bar)).isEqualTo(row.substring(bar + 1));
        }
    }
}
