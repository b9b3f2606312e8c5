package io.fakeredis.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Glob against Redis 7.0's stringmatchlen. The table's answers were taken from the real server
 * (KEYS pattern over a one-key database), so they pin the C quirks, not a tidier glob.
 */
class GlobTest {

    private static boolean m(String pattern, String subject) {
        return Glob.match(latin1(pattern), latin1(subject));
    }

    private static boolean mi(String pattern, String subject) {
        return Glob.match(latin1(pattern), latin1(subject), true);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** pattern, subject, what Redis answers. */
    private static final Object[][] REDIS = {
            {"**", "", false},
            {"?", "", false},
            {"?", "a", true},
            {"?", "ab", false},
            {"??", "ab", true},
            {"a*", "a", true},
            {"a*b", "ab", true},
            {"a*b", "axxb", true},
            {"a*b", "axxbc", false},
            {"*b", "b", true},
            {"*b", "ab", true},
            {"*a*b*", "xxaxxbxx", true},
            {"a**b", "ab", true},
            {"h?llo", "hello", true},
            {"h?llo", "hllo", false},
            {"h*llo", "hllo", true},
            {"h*llo", "heeello", true},
            {"h[ae]llo", "hello", true},
            {"h[ae]llo", "hallo", true},
            {"h[ae]llo", "hillo", false},
            {"h[^e]llo", "hello", false},
            {"h[^e]llo", "hallo", true},
            {"h[a-b]llo", "hbllo", true},
            {"h[a-b]llo", "hcllo", false},
            {"h[b-a]llo", "hallo", true},
            {"[z-a]", "m", true},
            {"[z-a]", "A", false},
            {"[a-z]", "M", false},
            {"[A-Z]", "m", false},
            {"[", "[", false},
            {"[", "", false},
            {"[", "a", false},
            {"a[", "a", false},
            {"a[", "a[", false},
            {"a[b", "ab", true},
            {"a[b", "a[", false},
            {"[a", "a", true},
            {"[^", "x", true},
            {"[^", "", false},
            {"a[^", "ab", true},
            {"a[^", "a", false},
            {"a[^]", "ab", true},
            {"a[]b", "ab", false},
            {"a[]b", "a]b", false},
            {"a[]]b", "a]b", false},
            {"[]]", "]", false},
            {"[]", "x", false},
            {"a[\\]]b", "a]b", true},
            {"a[\\]b", "a]b", false},
            {"a[\\]b", "a\\b", false},
            {"\\", "\\", true},
            {"\\", "a", false},
            {"a\\", "a\\", true},
            {"a\\", "a", false},
            {"\\\\", "\\", true},
            {"\\*", "*", true},
            {"\\*", "a", false},
            {"\\?", "?", true},
            {"\\?", "a", false},
            {"\\[a]", "[a]", true},
            {"\\[a]", "a", false},
            {"a\\b", "ab", true},
            {"*\\", "a\\", true},
            {"*\\*", "a*", true},
            {"*\\*", "ab", false},
            {"[\\", "\\", true},
            {"[\\", "a", false},
            {"a[\\", "a\\", true},
            {"[a-", "a", true},
            {"[a-", "-", true},
            {"[a-", "b", false},
            {"a[a-", "aa", true},
            {"[-]", "-", true},
            {"[-a]", "-", true},
            {"[-a]", "a", true},
            {"[a-]", "-", false},
            {"[\\-]", "-", true},
            {"[^-]", "a", true},
            {"[^-]", "-", false},
            {"[b-z]", "a", false},
            {"[^b-z]", "a", true},
            {"[*]", "*", true},
            {"[*]", "a", false},
            {"[?]", "?", true},
            {"[?]", "a", false},
            {"*[", "a[", false},
            {"*[", "a", false},
            {"?*", "", false},
            {"?*", "a", true},
            {"*?*", "a", true},
            {"*?*", "", false},
            {"[!a]", "!", true},
            {"[!a]", "b", false},
            {"[a-c-e]", "d", false},
            {"[a-c-e]", "-", true},
            {"[a-c-e]", "e", true},
            {"[]-a]", "b", false},
            {"[]-a]", "^", false},
            {"x[a-]y", "x-y", false},
            {"[^]", "a", true},
            {"[^]", "]", true},
            {"[^]]", "a", false},
            {"[^]]", "]", false},
            {"ab[c", "abc", true},
            {"ab[cd", "abd", true},
            {"ab[c-", "ab-", true},
            {"ab[c-", "abc", true},
            {"***a", "a", true},
            {"*a*", "a", true},
            {"a*a*a", "aaa", true},
            {"a*a*a", "aa", false},
            {"*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
            {"h[\\e]llo", "hello", true},
            {"h[\\e]llo", "h\\llo", false},
            {"[\\\\]", "\\", true},
            {"[a\\]", "\\", false},
            {"[a\\]", "]", true},
    };

    @Test
    void agreesWithRedis() {
        for (Object[] row : REDIS) {
            assertEquals(row[2], m((String) row[0], (String) row[1]), () -> "pattern '" + row[0] + "' on '" + row[1] + "'");
        }
    }

    @Test
    void plainStars() {
        assertTrue(m("*", "anything"));
        assertTrue(m("*", "*"));
        // the matcher itself never matches an empty subject; KEYS/SCAN special-case a lone '*'
        assertFalse(m("*", ""));
        assertTrue(Glob.matchesEverything(latin1("*")));
        assertFalse(Glob.matchesEverything(latin1("**")));
        assertFalse(Glob.matchesEverything(latin1("")));
        assertTrue(m("", ""));
        assertFalse(m("", "a"));
        assertTrue(m("a*", "a"));
        assertTrue(m("a**", "a"));
        assertFalse(m("a*b", "a"));
    }

    @Test
    void unclosedClassAndTrailingBackslash() {
        assertFalse(m("[", "["));
        assertTrue(m("[^", "x"));
        assertTrue(m("a[^", "ab"));
        assertFalse(m("a[^", "a"));
        assertTrue(m("a[b", "ab"));
        assertTrue(m("\\", "\\"));
        assertTrue(m("a\\", "a\\"));
        assertFalse(m("a\\", "a"));
        assertTrue(m("[\\", "\\"));
        assertTrue(m("[a-", "a"));
        assertFalse(m("[a-", "b"));
    }

    @Test
    void reversedRangesAreSwapped() {
        assertTrue(m("[z-a]", "m"));
        assertTrue(m("[9-0]", "5"));
        assertFalse(m("[z-a]", "A"));
        assertTrue(m("[^z-a]", "A"));
    }

    @Test
    void escapes() {
        assertTrue(m("\\*", "*"));
        assertFalse(m("\\*", "x"));
        assertTrue(m("\\?", "?"));
        assertTrue(m("\\[a]", "[a]"));
        assertTrue(m("a[\\]]b", "a]b"));
        assertTrue(m("[\\-]", "-"));
        assertFalse(m("[\\-]", "\\"));
        assertTrue(m("\\a", "a"));
    }

    @Test
    void nocaseFoldsAsciiOnly() {
        assertTrue(mi("HELLO", "hello"));
        assertTrue(mi("h?LLo", "HeLlO"));
        assertTrue(mi("[A-C]x", "bX"));
        assertTrue(mi("[a-c]x", "BX"));
        assertTrue(mi("[^a]", "c"));
        assertFalse(mi("[^a]", "A"));
        assertTrue(mi("[B]", "b"));
        assertFalse(m("[B]", "b"));
        assertFalse(m("HELLO", "hello"));
        assertFalse(mi("\u00e9", "\u00c9"));
        // an escape inside a class compares exactly even with nocase, as Redis does
        assertFalse(mi("[\\A]", "a"));
        assertTrue(mi("[\\A]", "A"));
        assertTrue(mi("\\A", "a"));
    }

    @Test
    void bytesCompareAsSignedChars() {
        byte[] range = {'[', 'a', '-', (byte) 0xff, ']'}; // signed: [-1 .. 97]
        assertTrue(Glob.match(range, new byte[] {'a'}));
        assertTrue(Glob.match(range, new byte[] {'0'}));
        assertTrue(Glob.match(range, new byte[] {(byte) 0xff}));
        assertFalse(Glob.match(range, new byte[] {'b'}));
        assertFalse(Glob.match(range, new byte[] {(byte) 0x80}));
        assertTrue(Glob.match(new byte[] {'a', 0, '*'}, new byte[] {'a', 0, 'b'}));
        assertFalse(Glob.match(new byte[] {'a', 0, '*'}, new byte[] {'a', 'b'}));
        assertTrue(Glob.match(new byte[] {(byte) 0xc3, '?'}, "\u00e9".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void offsetsAndLengths() {
        byte[] p = latin1("xxh*oyy");
        byte[] s = latin1("--hello--");
        assertTrue(Glob.match(p, 2, 3, s, 2, 5, false));
        assertFalse(Glob.match(p, 2, 4, s, 2, 5, false));
        // bytes after the given pattern length are not pattern: "[a" ends at the length
        byte[] q = latin1("[a]");
        assertTrue(Glob.match(q, 0, 2, latin1("a"), 0, 1, false));
        assertTrue(Glob.match(q, 0, 3, latin1("a"), 0, 1, false));
        assertTrue(Glob.match(latin1("a*"), 0, 2, latin1("abc"), 0, 1, false));
        assertFalse(Glob.match(latin1("abc"), 0, 3, latin1("abc"), 0, 2, false));
    }

    @Test
    void abusivePatternsFinishFast() {
        String subject = "a".repeat(60);
        String pattern = "a*".repeat(30) + "b";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(m(pattern, subject)));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(m("*".repeat(5000) + "x*".repeat(2000), "x".repeat(3000))));
        // nesting deeper than 1000 stars fails even where a glob would match
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 1100; i++) deep.append("a*");
        assertFalse(m(deep.toString(), "a".repeat(1100)));
        StringBuilder shallow = new StringBuilder();
        for (int i = 0; i < 900; i++) shallow.append("a*");
        assertTrue(m(shallow.toString(), "a".repeat(900)));
    }

    @Test
    void neverThrowsOnRandomInput() {
        java.util.Random r = new java.util.Random(42);
        byte[] alphabet = latin1("ab*?[]^-\\\u00ff");
        for (int i = 0; i < 200_000; i++) {
            byte[] p = new byte[r.nextInt(10)];
            byte[] s = new byte[r.nextInt(10)];
            for (int j = 0; j < p.length; j++) p[j] = alphabet[r.nextInt(alphabet.length)];
            for (int j = 0; j < s.length; j++) s[j] = alphabet[r.nextInt(alphabet.length)];
            Glob.match(p, s);
            Glob.match(p, s, true);
        }
    }
}
