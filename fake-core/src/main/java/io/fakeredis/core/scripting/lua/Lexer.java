package io.fakeredis.core.scripting.lua;

import java.io.ByteArrayOutputStream;

/** Lua 5.1 tokens, with llex.c's error texts (the "near" part shows the token's source text). */
final class Lexer {
    // single-char tokens are their char code; the rest start above 255
    static final int AND = 257, BREAK = 258, DO = 259, ELSE = 260, ELSEIF = 261, END = 262, FALSE = 263, FOR = 264,
            FUNCTION = 265, IF = 266, IN = 267, LOCAL = 268, NIL = 269, NOT = 270, OR = 271, REPEAT = 272,
            RETURN = 273, THEN = 274, TRUE = 275, UNTIL = 276, WHILE = 277, CONCAT = 278, DOTS = 279, EQ = 280,
            GE = 281, LE = 282, NE = 283, NUMBER = 284, NAME = 285, STRING = 286, EOS = 287;

    private static final String[] NAMES = {"and", "break", "do", "else", "elseif", "end", "false", "for", "function",
        "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while", "..", "...",
        "==", ">=", "<=", "~=", "<number>", "<name>", "<string>", "<eof>"};

    private final byte[] src;
    private int pos;
    private int current;
    final String chunkId;
    int lineNumber = 1;
    int lastLine = 1;
    // the current token
    int token;
    LuaString sval;
    double nval;
    // one token of lookahead
    private int aheadToken = EOS;
    private boolean hasAhead;
    private LuaString aheadS;
    private double aheadN;
    private String aheadText;
    private final ByteArrayOutputStream buff = new ByteArrayOutputStream();
    private String tokenText = "";

    Lexer(byte[] src, String chunkId) {
        this.src = src;
        this.chunkId = chunkId;
        this.pos = 0;
        nextChar();
        // a first line starting with '#' is skipped (luaL_loadfile does this; lua_load does not)
    }

    private void nextChar() {
        current = pos < src.length ? (src[pos++] & 0xff) : -1;
    }

    private void save(int c) {
        buff.write(c);
    }

    private void saveAndNext() {
        save(current);
        nextChar();
    }

    static String token2str(int t) {
        if (t < 257) {
            if (t < 32 || t == 127) return "char(" + t + ")"; // iscntrl in the C locale
            return String.valueOf((char) t);
        }
        return NAMES[t - 257];
    }

    private String txtToken(int t) {
        if (t == NAME || t == STRING || t == NUMBER) return buff.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        return token2str(t);
    }

    LuaError lexError(String msg, int t) {
        String m = chunkId + ":" + lineNumber + ": " + msg;
        if (t != 0) m = m + " near '" + txtToken(t) + "'";
        return new LuaError(LuaString.latin1(m));
    }

    /** A syntax error at the current token (luaX_syntaxerror). */
    LuaError syntaxError(String msg) {
        String m = chunkId + ":" + lineNumber + ": " + msg;
        String near;
        if (token == NAME || token == STRING || token == NUMBER) near = tokenText;
        else near = token2str(token);
        return new LuaError(LuaString.latin1(m + " near '" + near + "'"));
    }

    void next() {
        lastLine = lineNumber;
        if (hasAhead) {
            hasAhead = false;
            token = aheadToken;
            sval = aheadS;
            nval = aheadN;
            tokenText = aheadText;
        } else {
            token = lex();
            tokenText = (token == NAME || token == STRING || token == NUMBER) ? buff.toString(java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        }
    }

    int lookahead() {
        if (!hasAhead) {
            LuaString s = sval;
            double n = nval;
            aheadToken = lex();
            aheadText = (aheadToken == NAME || aheadToken == STRING || aheadToken == NUMBER) ? buff.toString(java.nio.charset.StandardCharsets.ISO_8859_1) : "";
            aheadS = sval;
            aheadN = nval;
            sval = s;
            nval = n;
            hasAhead = true;
        }
        return aheadToken;
    }

    private boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    private void incLine() {
        int old = current;
        nextChar();
        if (isNewline(current) && current != old) nextChar(); // \n\r or \r\n
        lineNumber++;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private int lex() {
        buff.reset();
        for (;;) {
            switch (current) {
                case '\n':
                case '\r':
                    incLine();
                    continue;
                case '-': {
                    nextChar();
                    if (current != '-') return '-';
                    nextChar();
                    if (current == '[') {
                        int sep = skipSep();
                        buff.reset();
                        if (sep >= 0) {
                            readLongString(false, sep);
                            buff.reset();
                            continue;
                        }
                    }
                    while (!isNewline(current) && current != -1) nextChar();
                    buff.reset();
                    continue;
                }
                case '[': {
                    int sep = skipSep();
                    if (sep >= 0) {
                        readLongString(true, sep);
                        return STRING;
                    } else if (sep == -1) {
                        return '[';
                    } else {
                        throw lexError("invalid long string delimiter", STRING);
                    }
                }
                case '=':
                    nextChar();
                    if (current != '=') return '=';
                    nextChar();
                    return EQ;
                case '<':
                    nextChar();
                    if (current != '=') return '<';
                    nextChar();
                    return LE;
                case '>':
                    nextChar();
                    if (current != '=') return '>';
                    nextChar();
                    return GE;
                case '~':
                    nextChar();
                    if (current != '=') return '~';
                    nextChar();
                    return NE;
                case '"':
                case '\'':
                    readString(current);
                    return STRING;
                case '.':
                    saveAndNext();
                    if (current == '.') {
                        saveAndNext();
                        if (current == '.') {
                            saveAndNext();
                            return DOTS;
                        }
                        return CONCAT;
                    }
                    if (!isDigit(current)) return '.';
                    readNumeral();
                    return NUMBER;
                case -1:
                    return EOS;
                default: {
                    if (current == ' ' || current == '\t' || current == 0x0b || current == 0x0c) {
                        nextChar();
                        continue;
                    }
                    if (isDigit(current)) {
                        readNumeral();
                        return NUMBER;
                    }
                    if (isAlpha(current)) {
                        do {
                            saveAndNext();
                        } while (isAlpha(current) || isDigit(current));
                        String word = buff.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                        for (int i = 0; i <= WHILE - 257; i++) {
                            if (NAMES[i].equals(word)) return 257 + i;
                        }
                        sval = LuaString.wrap(buff.toByteArray());
                        return NAME;
                    }
                    int c = current;
                    nextChar();
                    return c;
                }
            }
        }
    }

    private void readNumeral() {
        do {
            saveAndNext();
        } while (isDigit(current) || current == '.');
        if (current == 'e' || current == 'E') {
            saveAndNext();
            if (current == '+' || current == '-') saveAndNext();
        }
        while (isAlpha(current) || isDigit(current)) saveAndNext();
        Double d = Lua.str2number(buff.toByteArray());
        if (d == null) throw lexError("malformed number", NUMBER);
        nval = d;
    }

    /** Counts the '=' of a long bracket; -1 for a lone '[', less for a malformed one. */
    private int skipSep() {
        int count = 0;
        int s = current;
        saveAndNext();
        while (current == '=') {
            saveAndNext();
            count++;
        }
        return current == s ? count : (-count) - 1;
    }

    private void readLongString(boolean isString, int sep) {
        saveAndNext(); // second '['
        if (isNewline(current)) incLine();
        int startLen = buff.size();
        for (;;) {
            switch (current) {
                case -1:
                    throw lexError(isString ? "unfinished long string" : "unfinished long comment", EOS);
                case '[':
                    // Redis's Lua accepts "[[" inside a level-0 long string (no nesting)
                    if (skipSep() == sep) saveAndNext();
                    break;
                case ']':
                    if (skipSep() == sep) {
                        saveAndNext();
                        if (isString) {
                            byte[] all = buff.toByteArray();
                            int from = 2 + sep;
                            int to = all.length - (2 + sep);
                            byte[] body = new byte[Math.max(0, to - from)];
                            System.arraycopy(all, from, body, 0, body.length);
                            sval = LuaString.wrap(body);
                        }
                        return;
                    }
                    break;
                case '\n':
                case '\r':
                    save('\n');
                    incLine();
                    if (!isString) buff.reset();
                    break;
                default:
                    if (isString) saveAndNext();
                    else nextChar();
            }
        }
    }

    private void readString(int del) {
        saveAndNext();
        while (current != del) {
            switch (current) {
                case -1:
                    throw lexError("unfinished string", EOS);
                case '\n':
                case '\r':
                    throw lexError("unfinished string", STRING);
                case '\\': {
                    int c;
                    nextChar();
                    switch (current) {
                        case 'a': c = 7; break;
                        case 'b': c = '\b'; break;
                        case 'f': c = '\f'; break;
                        case 'n': c = '\n'; break;
                        case 'r': c = '\r'; break;
                        case 't': c = '\t'; break;
                        case 'v': c = 0x0b; break;
                        case '\n':
                        case '\r':
                            save('\n');
                            incLine();
                            continue;
                        case -1:
                            continue;
                        default:
                            if (!isDigit(current)) {
                                saveAndNext();
                            } else {
                                int i = 0;
                                c = 0;
                                do {
                                    c = 10 * c + (current - '0');
                                    nextChar();
                                } while (++i < 3 && isDigit(current));
                                if (c > 255) throw lexError("escape sequence too large", STRING);
                                save(c);
                            }
                            continue;
                    }
                    save(c);
                    nextChar();
                    continue;
                }
                default:
                    saveAndNext();
            }
        }
        saveAndNext();
        byte[] all = buff.toByteArray();
        byte[] body = new byte[all.length - 2];
        System.arraycopy(all, 1, body, 0, body.length);
        sval = LuaString.wrap(body);
    }
}
