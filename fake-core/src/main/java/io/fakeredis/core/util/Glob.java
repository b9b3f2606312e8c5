package io.fakeredis.core.util;

/**
 * Redis's glob matcher (util.c stringmatchlen) over bytes, used by KEYS, SCAN MATCH, PSUBSCRIBE
 * and friends. It follows the C code quirk for quirk, since users see its answers:
 * <ul>
 *   <li>{@code *} any run of bytes, {@code ?} one byte, {@code \x} the literal x;</li>
 *   <li>{@code [abc]}, {@code [^abc]}, ranges {@code [a-z]} (reversed ranges such as {@code [z-a]} are
 *       swapped), {@code \]} inside a class;</li>
 *   <li>an unclosed {@code [} takes the rest of the pattern as the class; a {@code \} at the very end
 *       matches a literal backslash;</li>
 *   <li>bytes compare as C's signed char; nocase folds only ASCII A-Z;</li>
 *   <li>an empty subject matches only the empty pattern, not even {@code *}: KEYS and SCAN
 *       special-case a lone {@code *} (see {@link #matchesEverything}), PSUBSCRIBE does not;</li>
 *   <li>nesting deeper than 1000 stars fails, and a failed tail stops longer retries, as the
 *       CVE-2022-36021 fix does.</li>
 * </ul>
 * Reading past the end of the pattern yields 0, as the C code reads the terminating NUL.
 */
public final class Glob {
    private Glob() {}

    private static final int MATCH = 1;
    private static final int NO_MATCH = 0;
    /** No match, and the rest of the pattern fails at every later position: stop every enclosing star. */
    private static final int ABORT = -1;

    public static boolean match(byte[] pattern, byte[] subject) {
        return match(pattern, 0, pattern.length, subject, 0, subject.length, false);
    }

    public static boolean match(byte[] pattern, byte[] subject, boolean nocase) {
        return match(pattern, 0, pattern.length, subject, 0, subject.length, nocase);
    }

    public static boolean match(byte[] pattern, int poff, int plen, byte[] subject, int soff, int slen, boolean nocase) {
        return impl(pattern, poff, plen, poff + plen, subject, soff, slen, nocase, 0) == MATCH;
    }

    /** True for the pattern "*" exactly, which commands treat as "no filter" without calling match. */
    public static boolean matchesEverything(byte[] pattern) {
        return pattern.length == 1 && pattern[0] == '*';
    }

    /** Pattern byte at i, or 0 past the end (the NUL the C code would read). */
    private static int at(byte[] p, int i, int end) {
        return i < end ? p[i] : 0;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static int impl(byte[] p, int pi, int plen, int pend, byte[] s, int si, int slen, boolean nocase, int nesting) {
        if (nesting > 1000) return NO_MATCH;
        while (plen > 0 && slen > 0) {
            switch (p[pi]) {
                case '*': {
                    while (plen > 0 && at(p, pi + 1, pend) == '*') {
                        pi++;
                        plen--;
                    }
                    if (plen == 1) return MATCH;
                    while (slen > 0) {
                        int r = impl(p, pi + 1, plen - 1, pend, s, si, slen, nocase, nesting + 1);
                        if (r != NO_MATCH) return r;
                        si++;
                        slen--;
                    }
                    return ABORT;
                }
                case '?':
                    si++;
                    slen--;
                    break;
                case '[': {
                    pi++;
                    plen--;
                    boolean not = at(p, pi, pend) == '^';
                    if (not) {
                        pi++;
                        plen--;
                    }
                    boolean match = false;
                    int c = s[si];
                    while (true) {
                        int pc = at(p, pi, pend);
                        if (pc == '\\' && plen >= 2) {
                            pi++;
                            plen--;
                            if (at(p, pi, pend) == c) match = true;
                        } else if (pc == ']') {
                            break;
                        } else if (plen == 0) {
                            // unclosed class: stand on its last byte so the step below ends the pattern
                            pi--;
                            plen++;
                            break;
                        } else if (plen >= 3 && at(p, pi + 1, pend) == '-') {
                            int start = pc;
                            int stop = at(p, pi + 2, pend);
                            int x = c;
                            if (start > stop) {
                                int t = start;
                                start = stop;
                                stop = t;
                            }
                            if (nocase) {
                                start = lower(start);
                                stop = lower(stop);
                                x = lower(x);
                            }
                            pi += 2;
                            plen -= 2;
                            if (x >= start && x <= stop) match = true;
                        } else if (nocase ? lower(pc) == lower(c) : pc == c) {
                            match = true;
                        }
                        pi++;
                        plen--;
                    }
                    if (not) match = !match;
                    if (!match) return NO_MATCH;
                    si++;
                    slen--;
                    break;
                }
                case '\\':
                    if (plen >= 2) {
                        pi++;
                        plen--;
                    }
                    // fall through: the escaped byte (or a trailing backslash) is a literal
                default: {
                    int pc = p[pi];
                    int c = s[si];
                    if (nocase ? lower(pc) != lower(c) : pc != c) return NO_MATCH;
                    si++;
                    slen--;
                    break;
                }
            }
            pi++;
            plen--;
            if (slen == 0) {
                while (at(p, pi, pend) == '*') {
                    pi++;
                    plen--;
                }
                break;
            }
        }
        return plen == 0 && slen == 0 ? MATCH : NO_MATCH;
    }
}
