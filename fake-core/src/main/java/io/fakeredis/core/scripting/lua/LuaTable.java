package io.fakeredis.core.scripting.lua;

/**
 * A Lua table laid out as Lua 5.1.5's ltable.c lays it out, because that layout decides the order
 * of next/pairs and the border {@code #} returns, and scripts see both.
 *
 * <p>An array part holds the integer keys 1..arraySize; a hash part of power-of-two size holds the
 * rest in nodes (parallel arrays of key, value and chain link). A key goes to its main position
 * (strings: luaS_hash; numbers: the sum of the double's two 32-bit words; booleans: 0/1; other
 * objects: identity hash) or, on collision, to the free slot found by a pointer that only moves
 * downward; when it finds none the table is rehashed with sizes computed from the keys in use. A
 * key set to nil keeps its node (Lua's dead key), so next() from it still works during a traversal.
 *
 * <p>Keys: any value but nil and NaN (callers check, see {@link LuaState#rawset}); a Double with
 * an integral value is the integer key, and 0.0 and -0.0 are the same key.
 *
 * <p>Table constructors: the VM compiles {@code {...}} as Lua 5.1 does: {@code new
 * LuaTable(na, nh)} with the raw counts (na = positional items, not counting a last item that is a
 * call or "..." ; nh = {@code name = v} and {@code [k] = v} items; the constructor applies
 * luaO_int2fb's rounding itself), then the keyed items set in source order as they are evaluated
 * (with put even when the value is nil: Lua gives the key a node all the same), the positional
 * items stored every 50 items (LFIELDS_PER_FLUSH) and at the end, each flush calling
 * {@link #resizeArray} first when its last index exceeds {@link #arraySize()} (OP_SETLIST: this
 * matters for a last item that is a call or "...", whose values can outnumber the array part;
 * {@code #{f()}} with f returning 1, nil, 3 is 3 only so).
 */
public final class LuaTable {
    private static final int MAXBITS = 26;
    private static final int MAXASIZE = 1 << MAXBITS;
    private static final Object[] EMPTY = new Object[0];
    private static final Object[] DUMMY_KEYS = new Object[1];
    private static final Object[] DUMMY_VALS = new Object[1];
    private static final int[] DUMMY_NEXTS = {-1};

    public LuaTable metatable;
    /**
     * Redis 7's read-only tables (the libraries and _G in scripts): every put throws "Attempt to
     * modify a readonly table", unpositioned as Redis raises it from rawset and the table library;
     * the VM checks the flag itself first where Redis positions the error (t.x = 1 in a script).
     */
    public boolean readonly;

    private Object[] array = EMPTY;
    private int asize;

    private Object[] keys;
    private Object[] vals;
    private int[] nexts; // -1 ends a chain
    private int lsize; // log2 of the node count
    private boolean dummy; // the shared empty hash part of Lua: one node, never written
    private int lastFree;

    public LuaTable() {
        setNodeVector(0);
    }

    /**
     * Pre-sized as OP_NEWTABLE does: narray and nhash are raw counts, rounded up here as Lua's
     * "floating point byte" (luaO_int2fb then luaO_fb2int) would round them.
     */
    public LuaTable(int narray, int nhash) {
        int na = fb2int(int2fb(Math.max(0, narray)));
        if (na > 0) setArrayVector(na);
        setNodeVector(fb2int(int2fb(Math.max(0, nhash))));
    }

    /** lua_createtable(narray, nhash): the sizes as given, without the constructor's rounding. */
    public static LuaTable createTable(int narray, int nhash) {
        LuaTable t = new LuaTable();
        if (narray > 0) t.setArrayVector(narray);
        if (nhash > 0) t.setNodeVector(nhash);
        return t;
    }

    /** luaO_int2fb: eeeeexxx, meaning (1xxx) * 2^(eeeee-1), rounding up. */
    static int int2fb(int x) {
        int e = 0;
        long v = x & 0xffffffffL;
        while (v >= 16) {
            v = (v + 1) >> 1;
            e++;
        }
        if (v < 8) return (int) v;
        return ((e + 1) << 3) | ((int) v - 8);
    }

    static int fb2int(int x) {
        int e = (x >> 3) & 31;
        if (e == 0) return x;
        return ((x & 7) + 8) << (e - 1);
    }

    // ---- reading ----

    /** Raw get; nil (null) when absent. */
    public Object get(Object key) {
        if (key instanceof LuaString) return getStr((LuaString) key);
        if (key instanceof Double) return getNum((Double) key);
        if (key == null) return null;
        int n = node(key);
        return n < 0 ? null : vals[n];
    }

    public Object get(int i) {
        if (i - 1 >= 0 && i - 1 < asize) return array[i - 1];
        int n = numNode(i);
        return n < 0 ? null : vals[n];
    }

    /** Key as the UTF-8 LuaString of s. */
    public Object get(String s) {
        return getStr(LuaString.of(s));
    }

    public Object get(LuaString s) {
        return getStr(s);
    }

    private Object getStr(LuaString s) {
        int n = strNode(s);
        return n < 0 ? null : vals[n];
    }

    private int strNode(LuaString s) {
        int n = s.luaHash() & ((1 << lsize) - 1);
        do {
            Object k = keys[n];
            if (k == s || (k instanceof LuaString && k.equals(s))) return n;
            n = nexts[n];
        } while (n >= 0);
        return -1;
    }

    private Object getNum(double d) {
        int i = (int) d;
        if (i == d) {
            if (i - 1 >= 0 && i - 1 < asize) return array[i - 1];
        }
        int n = numNode(d);
        return n < 0 ? null : vals[n];
    }

    /** The node holding key, or -1. */
    private int node(Object key) {
        if (key instanceof LuaString) return strNode((LuaString) key);
        if (key instanceof Double) return numNode((Double) key);
        int n = mainPosition(key);
        do {
            if (sameKey(keys[n], key)) return n;
            n = nexts[n];
        } while (n >= 0);
        return -1;
    }

    private int numNode(double d) {
        int n = hashNum(d);
        do {
            Object k = keys[n];
            if (k instanceof Double && (Double) k == d) return n;
            n = nexts[n];
        } while (n >= 0);
        return -1;
    }

    /** luaO_rawequalObj for a stored key (possibly null) and a non-nil key. */
    private static boolean sameKey(Object stored, Object key) {
        if (stored == key) return true;
        if (stored == null) return false;
        if (key instanceof Double) return stored instanceof Double && (Double) stored == ((Double) key).doubleValue();
        if (key instanceof LuaString || key instanceof Boolean) return key.equals(stored);
        return false;
    }

    // ---- hashing ----

    private int mainPosition(Object key) {
        if (key instanceof LuaString) return ((LuaString) key).luaHash() & ((1 << lsize) - 1);
        if (key instanceof Double) return hashNum((Double) key);
        if (key instanceof Boolean) return ((Boolean) key ? 1 : 0) & ((1 << lsize) - 1);
        return hashMod(System.identityHashCode(key));
    }

    /** hashnum: 0 and -0 go to node 0; else the double's two 32-bit words added, modulo. */
    private int hashNum(double d) {
        if (d == 0) return 0;
        long bits = Double.doubleToRawLongBits(d);
        return hashMod((int) bits + (int) (bits >>> 32));
    }

    private int hashMod(int h) {
        return Integer.remainderUnsigned(h, ((1 << lsize) - 1) | 1);
    }

    // ---- writing ----

    /**
     * Raw set (luaH_set then the store). Setting nil to an absent key still creates its node, as
     * Lua 5.1 does, which can trigger a rehash. key must not be nil or NaN.
     */
    public void put(Object key, Object value) {
        if (readonly) throw readonlyError();
        if (key instanceof Double) {
            double d = (Double) key;
            int i = (int) d;
            if (i == d && i - 1 >= 0 && i - 1 < asize) {
                array[i - 1] = value;
                return;
            }
            if (d != d) throw new LuaError("table index is NaN");
        } else if (key == null) {
            throw new LuaError("table index is nil");
        }
        int n = node(key);
        if (n < 0) {
            n = newKey(key);
            if (n < 0) {
                put(key, value); // rehashed: the key may now belong to the array part
                return;
            }
        }
        vals[n] = value;
    }

    public void put(int i, Object value) {
        if (readonly) throw readonlyError();
        if (i - 1 >= 0 && i - 1 < asize) {
            array[i - 1] = value;
            return;
        }
        int n = numNode(i);
        if (n < 0) {
            Double key = (double) i;
            n = newKey(key);
            if (n < 0) {
                put(i, value);
                return;
            }
        }
        vals[n] = value;
    }

    static LuaError readonlyError() {
        return new LuaError("Attempt to modify a readonly table");
    }

    /** Key as the UTF-8 LuaString of s. */
    public void put(String s, Object value) {
        put(LuaString.of(s), value);
    }

    /**
     * newkey: claims a node for an absent key and returns it, or rehashes and returns -1 (the
     * caller then sets again).
     */
    private int newKey(Object key) {
        int mp = mainPosition(key);
        if (vals[mp] != null || dummy) {
            int free = freePos();
            if (free < 0) {
                rehash(key);
                return -1;
            }
            int other = mainPosition(keys[mp]);
            if (other != mp) {
                // the colliding node is not in its main position: move it to the free slot
                while (nexts[other] != mp) other = nexts[other];
                nexts[other] = free;
                keys[free] = keys[mp];
                vals[free] = vals[mp];
                nexts[free] = nexts[mp];
                nexts[mp] = -1;
                vals[mp] = null;
            } else {
                // the colliding node owns its main position: the new key goes to the free slot
                nexts[free] = nexts[mp];
                nexts[mp] = free;
                mp = free;
            }
        }
        keys[mp] = key;
        return mp;
    }

    private int freePos() {
        while (lastFree > 0) {
            lastFree--;
            if (keys[lastFree] == null) return lastFree;
        }
        return -1;
    }

    // ---- resizing ----

    private void setArrayVector(int size) {
        Object[] a = new Object[size];
        System.arraycopy(array, 0, a, 0, Math.min(asize, size));
        array = a;
        asize = size;
    }

    private void setNodeVector(int size) {
        if (size == 0) {
            // shared: a dummy node is only read (newKey rehashes before writing to it)
            dummy = true;
            lsize = 0;
            keys = DUMMY_KEYS;
            vals = DUMMY_VALS;
            nexts = DUMMY_NEXTS;
            lastFree = 0;
            return;
        } else {
            dummy = false;
            lsize = ceilLog2(size);
            if (lsize > MAXBITS) throw new LuaError("table overflow");
            size = 1 << lsize;
        }
        keys = new Object[size];
        vals = new Object[size];
        nexts = new int[size];
        java.util.Arrays.fill(nexts, -1);
        lastFree = size;
    }

    static int ceilLog2(int x) {
        return x <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    private void resize(int nasize, int nhsize) {
        int oldasize = asize;
        Object[] oldKeys = keys;
        Object[] oldVals = vals;
        boolean oldDummy = dummy;
        if (nasize > oldasize) setArrayVector(nasize);
        setNodeVector(nhsize);
        if (nasize < oldasize) {
            Object[] old = array;
            asize = nasize;
            for (int i = nasize; i < oldasize; i++) {
                if (old[i] != null) put(i + 1, old[i]);
            }
            Object[] a = new Object[nasize];
            System.arraycopy(old, 0, a, 0, nasize);
            array = a;
        }
        if (!oldDummy) {
            for (int i = oldKeys.length - 1; i >= 0; i--) {
                if (oldVals[i] != null) put(oldKeys[i], oldVals[i]);
            }
        }
    }

    /** luaH_resizearray: OP_SETLIST's pre-allocation of the array part (keeps the hash size). */
    public void resizeArray(int nasize) {
        resize(nasize, dummy ? 0 : keys.length);
    }

    /** The size of the array part. */
    public int arraySize() {
        return asize;
    }

    private void rehash(Object extraKey) {
        int[] nums = new int[MAXBITS + 1];
        int nasize = numUseArray(nums);
        int total = nasize;
        // numusehash
        int ause = 0;
        for (int i = keys.length - 1; i >= 0; i--) {
            if (vals[i] != null) {
                ause += countInt(keys[i], nums);
                total++;
            }
        }
        nasize += ause;
        nasize += countInt(extraKey, nums);
        total++;
        // computesizes: the largest power of two n with more than n/2 of 1..n in use
        int a = 0, na = 0, n = 0;
        for (int i = 0, twotoi = 1; twotoi / 2 < nasize; i++, twotoi *= 2) {
            if (nums[i] > 0) {
                a += nums[i];
                if (a > twotoi / 2) {
                    n = twotoi;
                    na = a;
                }
            }
            if (a == nasize) break;
        }
        resize(n, total - na);
    }

    private static int countInt(Object key, int[] nums) {
        if (key instanceof Double) {
            double d = (Double) key;
            int k = (int) d;
            if (k == d && k > 0 && k <= MAXASIZE) {
                nums[ceilLog2(k)]++;
                return 1;
            }
        }
        return 0;
    }

    private int numUseArray(int[] nums) {
        int ause = 0;
        int i = 1;
        for (int lg = 0, ttlg = 1; lg <= MAXBITS; lg++, ttlg *= 2) {
            int lc = 0;
            int lim = ttlg;
            if (lim > asize) {
                lim = asize;
                if (i > lim) break;
            }
            for (; i <= lim; i++) {
                if (array[i - 1] != null) lc++;
            }
            nums[lg] += lc;
            ause += lc;
        }
        return ause;
    }

    // ---- length and traversal ----

    /** The length operator without metamethods (luaH_getn): a border. */
    public int length() {
        int j = asize;
        if (j > 0 && array[j - 1] == null) {
            int i = 0;
            while (j - i > 1) {
                int m = (int) (((long) i + j) >>> 1);
                if (array[m - 1] == null) j = m;
                else i = m;
            }
            return i;
        }
        if (dummy) return j;
        return unboundSearch(j);
    }

    private int unboundSearch(int start) {
        long i = start;
        long j = i + 1;
        while (getLong(j) != null) {
            i = j;
            j *= 2;
            if (j > Integer.MAX_VALUE) {
                // a table built to defeat the search: go linear
                int k = 1;
                while (get(k) != null) k++;
                return k - 1;
            }
        }
        while (j - i > 1) {
            long m = (i + j) / 2;
            if (getLong(m) == null) j = m;
            else i = m;
        }
        return (int) i;
    }

    /** luaH_getnum with Lua's int conversion of an unsigned index. */
    private Object getLong(long k) {
        return get((int) k);
    }

    /**
     * next(): the entry after key (nil: the first). Stores key and value in out[0], out[1] and
     * returns true, or returns false at the end. Throws LuaError("invalid key to 'next'") for a
     * key that is not in the table (unpositioned: the caller adds the position).
     */
    public boolean next(Object key, Object[] out) {
        int i = findIndex(key);
        for (i++; i < asize; i++) {
            if (array[i] != null) {
                out[0] = (double) (i + 1);
                out[1] = array[i];
                return true;
            }
        }
        int size = dummy ? 0 : keys.length;
        for (i -= asize; i < size; i++) {
            if (vals[i] != null) {
                out[0] = keys[i];
                out[1] = vals[i];
                return true;
            }
        }
        return false;
    }

    /** The traversal index of key: array slots first, then nodes; -1 for nil. */
    private int findIndex(Object key) {
        if (key == null) return -1;
        if (key instanceof Double) {
            double d = (Double) key;
            int i = (int) d;
            if (i == d && i > 0 && i <= asize) return i - 1;
        }
        int n = dummy ? -1 : node(key);
        if (n < 0) throw new LuaError("invalid key to 'next'");
        return n + asize;
    }
}
