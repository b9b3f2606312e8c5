package io.fakeredis.core.scripting.lua;

import static io.fakeredis.core.scripting.lua.StringCases.NAN;
import static io.fakeredis.core.scripting.lua.StringCases.c;
import static io.fakeredis.core.scripting.lua.StringCases.cases;
import static io.fakeredis.core.scripting.lua.StringCases.s;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The string library: sub, byte, char, len, upper, lower, reverse, rep, dump. Expected values are what redis-server 7.0.15 returned for the same call (string.fn(...)
 * through EVAL), rendered by {@link StringCases}.
 */
class StringLibTest {
    @TestFactory
    Stream<DynamicTest> sub() {
        return cases(
                c("\"ell\"", "sub", s("hello"), 2.0, 4.0),
                c("\"ello\"", "sub", s("hello"), 2.0),
                c("\"ll\"", "sub", s("hello"), -3.0, -2.0),
                c("\"hello\"", "sub", s("hello"), 0.0),
                c("\"\"", "sub", s("hello"), 2.0, 0.0),
                c("\"hello\"", "sub", s("hello"), -100.0, 100.0),
                c("\"\"", "sub", s("hello"), 3.0, 2.0),
                c("\"\"", "sub", s("hello"), 1.0, 1e+20),
                c("\"\"", "sub", s("hello"), 3000000000.0),
                c("\"hello\"", "sub", s("hello"), -3000000000.0),
                c("\"el\"", "sub", s("hello"), 2.7, 3.9),
                c("\"el\"", "sub", s("hello"), s("2"), s("3")),
                c("\"23\"", "sub", 12345.0, 2.0, 3.0),
                c("\"\"", "sub", s(""), 1.0, 1.0),
                c("\"\"", "sub", s("hello"), 6.0),
                c("\"o\"", "sub", s("hello"), 5.0),
                c("\"hello\"", "sub", s("hello"), NAN),
                c("\"ello\"", "sub", s("hello"), 2.0, null),
                c("\"\\000b\\000\"", "sub", s("a\000b\000c"), 2.0, 4.0),
                c("ERR bad argument #2 to 'sub' (number expected, got no value)", "sub", s("hello")),
                c("ERR bad argument #1 to 'sub' (string expected, got no value)", "sub"),
                c("ERR bad argument #1 to 'sub' (string expected, got nil)", "sub", null, 1.0),
                c("ERR bad argument #1 to 'sub' (string expected, got boolean)", "sub", true, 1.0),
                c("ERR bad argument #2 to 'sub' (number expected, got string)", "sub", s("hello"), s("x")),
                c("ERR bad argument #3 to 'sub' (number expected, got string)", "sub", s("hello"), 1.0, s("y")));
    }

    @TestFactory
    Stream<DynamicTest> byteAndChar() {
        return cases(
                c("97", "byte", s("abc")),
                c("", "byte", s("abc"), 0.0),
                c("99", "byte", s("abc"), -1.0),
                c("98, 99", "byte", s("abc"), 2.0, 10.0),
                c("", "byte", s("abc"), 3.0, 2.0),
                c("97", "byte", s("abc"), -10.0, 1.0),
                c("", "byte", s("")),
                c("97", "byte", s("abc"), 1.9),
                c("255, 0, 128", "byte", s("\377\000\200"), 1.0, 3.0),
                c("50", "byte", 123.0, 2.0),
                c("97, 98", "byte", s("abc"), null, 2.0),
                c("", "byte", s("abc"), 1.0, 1e+20),
                c("ERR bad argument #1 to 'byte' (string expected, got no value)", "byte"),
                c("ERR bad argument #2 to 'byte' (number expected, got string)", "byte", s("abc"), s("x")),
                c("\"\"", "char"),
                c("\"Hi\"", "char", 72.0, 105.0),
                c("\"\\000\\255\"", "char", 0.0, 255.0),
                c("\"AB\"", "char", 65.7, s("66")),
                c("ERR bad argument #1 to 'char' (invalid value)", "char", 256.0),
                c("ERR bad argument #1 to 'char' (invalid value)", "char", -1.0),
                c("ERR bad argument #2 to 'char' (number expected, got string)", "char", 65.0, s("a")),
                c("ERR bad argument #2 to 'char' (number expected, got nil)", "char", 65.0, null),
                c("\"A\"", "char", 4294967361.0),
                c("\"\\000\"", "char", 1e+20));
    }

    @TestFactory
    Stream<DynamicTest> others() {
        return cases(
                c("3", "len", s("a\000b")),
                c("0", "len", s("")),
                c("4", "len", 12.5),
                c("ERR bad argument #1 to 'len' (string expected, got no value)", "len"),
                c("ERR bad argument #1 to 'len' (string expected, got boolean)", "len", true),
                c("\"ABC\\128\\233Z\"", "upper", s("aBc\200\351z")),
                c("\"\\192bc xyz\"", "lower", s("\300BC xYz")),
                c("\"1E+100\"", "upper", 1e+100),
                c("ERR bad argument #1 to 'lower' (string expected, got no value)", "lower"),
                c("ERR bad argument #1 to 'upper' (string expected, got nil)", "upper", (Object) null),
                c("\"cba\"", "reverse", s("abc")),
                c("\"\"", "reverse", s("")),
                c("\"b\\000a\"", "reverse", s("a\000b")),
                c("\"321\"", "reverse", 123.0),
                c("ERR bad argument #1 to 'reverse' (string expected, got no value)", "reverse"),
                c("\"ababab\"", "rep", s("ab"), 3.0),
                c("\"\"", "rep", s("x"), -1.0),
                c("\"\"", "rep", s("x"), 0.0),
                c("\"\"", "rep", s(""), 5.0),
                c("\"xx\"", "rep", s("x"), 2.9),
                c("\"ababab\"", "rep", s("ab"), 3.0, s(",")),
                c("\"\"", "rep", s("ab"), 1e+20),
                c("\"555\"", "rep", 5.0, 3.0),
                c("ERR bad argument #1 to 'rep' (string expected, got no value)", "rep"),
                c("ERR bad argument #2 to 'rep' (number expected, got no value)", "rep", s("x")),
                c("ERR bad argument #2 to 'rep' (number expected, got string)", "rep", s("x"), s("y")),
                c("\"a\\000a\\000\"", "rep", s("a\000"), 2.0),
                c("ERR bad argument #1 to 'dump' (function expected, got no value)", "dump"),
                c("ERR bad argument #1 to 'dump' (function expected, got string)", "dump", s("f")));
    }

    @TestFactory
    Stream<DynamicTest> numberArguments() {
        return cases(
                c("\"el\"", "sub", s("hello"), s(" 2 "), s("0x3")),
                c("\"ello\"", "sub", s("hello"), s("2e0")),
                c("ERR bad argument #2 to 'sub' (number expected, got string)", "sub", s("hello"), s("")),
                c("ERR bad argument #2 to 'sub' (number expected, got string)", "sub", s("hello"), s("2x")),
                c("\"abab\"", "rep", s("ab"), s("2")),
                c("\"\"", "rep", s("ab"), 2147483648.0),
                c("\"abab\"", "rep", s("ab"), 4294967298.0),
                c("\"\"", "rep", s("ab"), -2147483648.0),
                c("\"A\"", "char", 4294967361.0),
                c("", "byte", s("abc"), 4294967297.0),
                c("", "byte", s("abc"), -9.223372036854776e+18),
                c("3, 3", "find", s("abc"), s("c"), 9.223372036854776e+18),
                c("1, 1", "find", s("abc"), s("a"), -9.223372036854776e+18),
                c("\"xbc\", 1", "gsub", s("abc"), s("."), s("x"), 4294967297.0),
                c("\"abc\", 0", "gsub", s("abc"), s("."), s("x"), -2147483648.0),
                c("\"abc\", 0", "gsub", s("abc"), s("."), s("x"), 2147483648.0),
                c("\"12\"", "format", s("%d"), s(" 12 ")),
                c("\"100.0\"", "format", s("%5.1f"), s("1e2")),
                c("\"1e+15\"", "format", s("%s"), 1000000000000000.0),
                c("\"1e+16\"", "format", s("%s"), 1e+16),
                c("\"9.2233720368548e+18\"", "format", s("%s"), 9.223372036854776e+18),
                c("\"-inf\"", "format", s("%s"), Double.NEGATIVE_INFINITY),
                c("3", "len", Double.POSITIVE_INFINITY),
                c("4", "len", NAN),
                c("\"-0\"", "upper", -0.0),
                c("48", "byte", 1e+100, -1.0),
                c("\"\"", "sub", s("hello"), NAN, NAN),
                c("\"hello\"", "sub", s("hello"), Double.POSITIVE_INFINITY),
                c("\"hello\"", "sub", s("hello"), Double.NEGATIVE_INFINITY),
                c("\"\"", "sub", s("hello"), 2.0, Double.POSITIVE_INFINITY),
                c("\"\"", "rep", s("x"), Double.POSITIVE_INFINITY),
                c("\"\"", "rep", s("x"), NAN));
    }
}
