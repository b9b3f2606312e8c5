package io.fakeredis.core.scripting.lua;

/**
 * Lua 5.1 pattern matching over bytes (string.find, match, gmatch, gsub): a backtracking matcher
 * with the C locale's character classes. One instance per call, one attempt() per start position.
 *
 * <p>Lua 5.1 reads a pattern as a C string, so a pattern ends at its first zero byte; the subject
 * is read through its end plus the terminating zero Lua strings carry (%f and %b look at it).
 */
final class LuaPattern {
    static final int MAX_CAPTURES = 32;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;

    private final LuaState L;
    final byte[] src;
    final int srcEnd;
    private final byte[] pat;
    private final int patEnd;
    int level;
    private final int[] capStart = new int[MAX_CAPTURES];
    private final int[] capLen = new int[MAX_CAPTURES];

    LuaPattern(LuaState L, byte[] src, byte[] pat) {
        this.L = L;
        this.src = src;
        this.srcEnd = src.length;
        this.pat = pat;
        this.patEnd = cLength(pat);
    }

    /** The length of bytes read as a C string: up to the first zero. */
    static int cLength(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) return i;
        }
        return b.length;
    }

    /** The pattern byte at p, 0 past the end (the C terminator). */
    private int pc(int p) {
        return p < patEnd ? pat[p] & 0xff : 0;
    }

    /** The subject byte at s, 0 at the end (Lua strings carry a terminating zero). */
    private int sc(int s) {
        return s < srcEnd ? src[s] & 0xff : 0;
    }

    /**
     * One attempt from subject index s with the pattern from index p: the end of the match, or -1.
     * The matcher recurses about once per pattern item; real Lua crashes on a pattern too long for
     * the C stack, this reports an error instead.
     */
    int attempt(int s, int p) {
        level = 0;
        try {
            return match(s, p);
        } catch (StackOverflowError e) {
            throw L.error("pattern too complex");
        }
    }

    private int match(int s, int p) {
        while (true) {
            switch (pc(p)) {
                case '(':
                    if (pc(p + 1) == ')') return startCapture(s, p + 2, CAP_POSITION);
                    return startCapture(s, p + 1, CAP_UNFINISHED);
                case ')':
                    return endCapture(s, p + 1);
                case 0:
                    return s;
                case '$':
                    if (p + 1 == patEnd) return s == srcEnd ? s : -1;
                    break;
                case '%': {
                    int next = pc(p + 1);
                    if (next == 'b') {
                        s = matchBalance(s, p + 2);
                        if (s < 0) return -1;
                        p += 4;
                        continue;
                    }
                    if (next == 'f') {
                        p += 2;
                        if (pc(p) != '[') throw L.error("missing '[' after '%f' in pattern");
                        int ep = classEnd(p);
                        int previous = s == 0 ? 0 : src[s - 1] & 0xff;
                        if (matchBracketClass(previous, p, ep - 1) || !matchBracketClass(sc(s), p, ep - 1)) return -1;
                        p = ep;
                        continue;
                    }
                    if (next >= '0' && next <= '9') {
                        s = matchCapture(s, next);
                        if (s < 0) return -1;
                        p += 2;
                        continue;
                    }
                    break;
                }
                default:
                    break;
            }
            // a single-character class with an optional quantifier
            int ep = classEnd(p);
            boolean m = s < srcEnd && singleMatch(src[s] & 0xff, p, ep);
            switch (pc(ep)) {
                case '?': {
                    if (m) {
                        int r = match(s + 1, ep + 1);
                        if (r >= 0) return r;
                    }
                    p = ep + 1;
                    continue;
                }
                case '*':
                    return maxExpand(s, p, ep);
                case '+':
                    return m ? maxExpand(s + 1, p, ep) : -1;
                case '-':
                    return minExpand(s, p, ep);
                default:
                    if (!m) return -1;
                    s++;
                    p = ep;
            }
        }
    }

    /** The index just past the single-character class starting at p. */
    private int classEnd(int p) {
        int c = pc(p++);
        if (c == '%') {
            if (p >= patEnd) throw L.error("malformed pattern (ends with '%')");
            return p + 1;
        }
        if (c == '[') {
            if (pc(p) == '^') p++;
            // the first character is part of the set even when it is ']'
            do {
                if (p >= patEnd) throw L.error("malformed pattern (missing ']')");
                int d = pc(p++);
                if (d == '%' && p < patEnd) p++;
            } while (pc(p) != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int ep) {
        switch (pc(p)) {
            case '.':
                return true;
            case '%':
                return matchClass(c, pc(p + 1));
            case '[':
                return matchBracketClass(c, p, ep - 1);
            default:
                return pc(p) == c;
        }
    }

    /** A set [...] from p (at '[') to ec (at the closing ']'). */
    private boolean matchBracketClass(int c, int p, int ec) {
        boolean found = true;
        if (pc(p + 1) == '^') {
            found = false;
            p++;
        }
        while (++p < ec) {
            int d = pc(p);
            if (d == '%') {
                p++;
                if (matchClass(c, pc(p))) return found;
            } else if (pc(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if (d <= c && c <= pc(p)) return found;
            } else if (d == c) {
                return found;
            }
        }
        return !found;
    }

    /** %a, %d, ... in the C locale; an uppercase class letter is the complement. */
    static boolean matchClass(int c, int cl) {
        boolean res;
        switch (cl | 0x20) {
            case 'a': res = isAlpha(c); break;
            case 'c': res = c < 32 || c == 127; break;
            case 'd': res = isDigit(c); break;
            case 'l': res = c >= 'a' && c <= 'z'; break;
            case 'p': res = isPunct(c); break;
            case 's': res = c == ' ' || (c >= 9 && c <= 13); break;
            case 'u': res = c >= 'A' && c <= 'Z'; break;
            case 'w': res = isAlpha(c) || isDigit(c); break;
            case 'x': res = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); break;
            case 'z': res = c == 0; break;
            default: return cl == c;
        }
        return (cl >= 'A' && cl <= 'Z') != res;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPunct(int c) {
        return c > 32 && c < 127 && !isAlpha(c) && !isDigit(c);
    }

    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (s + i < srcEnd && singleMatch(src[s + i] & 0xff, p, ep)) i++;
        while (i >= 0) {
            int r = match(s + i, ep + 1);
            if (r >= 0) return r;
            i--;
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        while (true) {
            int r = match(s, ep + 1);
            if (r >= 0) return r;
            if (s < srcEnd && singleMatch(src[s] & 0xff, p, ep)) s++;
            else return -1;
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAX_CAPTURES) throw L.error("too many captures");
        capStart[level] = s;
        capLen[level] = what;
        level++;
        int r = match(s, p);
        if (r < 0) level--;
        return r;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        capLen[l] = s - capStart[l];
        int r = match(s, p);
        if (r < 0) capLen[l] = CAP_UNFINISHED;
        return r;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (capLen[l] == CAP_UNFINISHED) return l;
        }
        throw L.error("invalid pattern capture");
    }

    private int checkCapture(int digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || capLen[l] == CAP_UNFINISHED) throw L.error("invalid capture index");
        return l;
    }

    private int matchCapture(int s, int digit) {
        int l = checkCapture(digit);
        int len = capLen[l];
        // a position capture never matches as a back-reference (its length reads as huge in C)
        if (len < 0 || srcEnd - s < len) return -1;
        int start = capStart[l];
        for (int k = 0; k < len; k++) {
            if (src[start + k] != src[s + k]) return -1;
        }
        return s + len;
    }

    private int matchBalance(int s, int p) {
        if (p >= patEnd || p + 1 >= patEnd) throw L.error("unbalanced pattern");
        if (sc(s) != pc(p)) return -1;
        int open = pc(p), close = pc(p + 1);
        int depth = 1;
        while (++s < srcEnd) {
            int c = src[s] & 0xff;
            if (c == close) {
                if (--depth == 0) return s + 1;
            } else if (c == open) {
                depth++;
            }
        }
        return -1;
    }

    /** Capture i of the match s..e: the whole match when there are no captures and i is 0. */
    Object capture(int i, int s, int e) {
        if (i >= level) {
            if (i == 0) return LuaString.wrap(java.util.Arrays.copyOfRange(src, s, e));
            throw L.error("invalid capture index");
        }
        int len = capLen[i];
        if (len == CAP_UNFINISHED) throw L.error("unfinished capture");
        if (len == CAP_POSITION) return (double) (capStart[i] + 1);
        return LuaString.wrap(java.util.Arrays.copyOfRange(src, capStart[i], capStart[i] + len));
    }

    /** All captures, or the whole match s..e when the pattern has none (wholeMatch false: none). */
    Object[] captures(int s, int e, boolean wholeMatch) {
        int n = (level == 0 && wholeMatch) ? 1 : level;
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) r[i] = capture(i, s, e);
        return r;
    }
}
