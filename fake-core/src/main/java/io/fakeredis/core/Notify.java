package io.fakeredis.core;

/** Keyspace notification classes, the letters of notify-keyspace-events. */
public final class Notify {
    private Notify() {}

    public static final int KEYSPACE = 1;      // K
    public static final int KEYEVENT = 1 << 1; // E
    public static final int GENERIC = 1 << 2;  // g
    public static final int STRING = 1 << 3;   // $
    public static final int LIST = 1 << 4;     // l
    public static final int SET = 1 << 5;      // s
    public static final int HASH = 1 << 6;     // h
    public static final int ZSET = 1 << 7;     // z
    public static final int EXPIRED = 1 << 8;  // x
    public static final int EVICTED = 1 << 9;  // e
    public static final int STREAM = 1 << 10;  // t
    public static final int KEY_MISS = 1 << 11; // m
    public static final int LOADED = 1 << 12;  // module only
    public static final int MODULE = 1 << 13;  // d
    public static final int NEW = 1 << 14;     // n
    /** 'A': every class except m and n. */
    public static final int ALL = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

    /** Parses the config string; -1 on an unknown letter. */
    public static int parse(String s) {
        int flags = 0;
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'A': flags |= ALL; break;
                case 'g': flags |= GENERIC; break;
                case '$': flags |= STRING; break;
                case 'l': flags |= LIST; break;
                case 's': flags |= SET; break;
                case 'h': flags |= HASH; break;
                case 'z': flags |= ZSET; break;
                case 'x': flags |= EXPIRED; break;
                case 'e': flags |= EVICTED; break;
                case 'K': flags |= KEYSPACE; break;
                case 'E': flags |= KEYEVENT; break;
                case 't': flags |= STREAM; break;
                case 'm': flags |= KEY_MISS; break;
                case 'd': flags |= MODULE; break;
                case 'n': flags |= NEW; break;
                default: return -1;
            }
        }
        return flags;
    }

    /** The canonical string Redis prints back from CONFIG GET. */
    public static String format(int flags) {
        StringBuilder b = new StringBuilder();
        if ((flags & ALL) == ALL) {
            b.append('A');
        } else {
            if ((flags & GENERIC) != 0) b.append('g');
            if ((flags & STRING) != 0) b.append('$');
            if ((flags & LIST) != 0) b.append('l');
            if ((flags & SET) != 0) b.append('s');
            if ((flags & HASH) != 0) b.append('h');
            if ((flags & ZSET) != 0) b.append('z');
            if ((flags & EXPIRED) != 0) b.append('x');
            if ((flags & EVICTED) != 0) b.append('e');
            if ((flags & STREAM) != 0) b.append('t');
            if ((flags & MODULE) != 0) b.append('d');
            // Redis 7.0 prints 'n' only here, so "An" reads back as "A" (the flag stays set).
            if ((flags & NEW) != 0) b.append('n');
        }
        if ((flags & KEYSPACE) != 0) b.append('K');
        if ((flags & KEYEVENT) != 0) b.append('E');
        if ((flags & KEY_MISS) != 0) b.append('m');
        return b.toString();
    }
}
