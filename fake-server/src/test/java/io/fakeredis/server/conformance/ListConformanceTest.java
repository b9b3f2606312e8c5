package io.fakeredis.server.conformance;

import io.fakeredis.core.Engine;
import org.junit.jupiter.api.Test;

/** List commands: same bytes as Redis 7.0.15 in RESP2 and RESP3, errors included. */
class ListConformanceTest extends ConformanceTest {

    /** Empties the fake directly, in case FLUSHALL is not bound on this branch. */
    static void clearFake() {
        engine.lock.lock();
        try {
            for (int i = 0; i < Engine.DATABASES; i++) engine.db(i).clear();
        } finally {
            engine.lock.unlock();
        }
    }

    @Test
    void pushAndPop() {
        run(s -> {
            clearFake();
            s.same("LPUSH", "l", "a", "b", "c");
            s.same("RPUSH", "l", "d", "e");
            s.same("LRANGE", "l", "0", "-1");
            s.same("LPUSHX", "nokey", "a");
            s.same("RPUSHX", "nokey", "a");
            s.same("LPUSHX", "l", "x", "y");
            s.same("RPUSHX", "l", "z");
            s.same("LRANGE", "l", "0", "-1");
            s.same("LPOP", "l");
            s.same("RPOP", "l");
            s.same("LPOP", "l", "2");
            s.same("RPOP", "l", "1");
            s.same("LPOP", "l", "0");
            s.same("LPOP", "l", "-1");
            s.same("LPOP", "l", "x");
            s.same("LPOP", "l", "1", "2");
            s.same("LPOP", "nokey");
            s.same("RPOP", "nokey");
            s.same("LPOP", "nokey", "0");
            s.same("LPOP", "nokey", "3");
            s.same("RPOP", "l", "100");
            s.same("LLEN", "l");
            s.same("LRANGE", "l", "0", "-1");
            s.same("LPUSH");
            s.same("LPUSH", "l");
            s.same("SET", "str", "v");
            s.same("LPUSH", "str", "a");
            s.same("LPUSHX", "str", "a");
            s.same("LPOP", "str");
            s.same("LPOP", "str", "1");
            s.same("LLEN", "str");
            s.same("LLEN", "nokey");
            s.same("GET", "l");
        });
    }

    @Test
    void rangeIndexSet() {
        run(s -> {
            clearFake();
            s.same("RPUSH", "l", "a", "b", "c", "d", "e", "f");
            for (String[] r : new String[][] {{"0", "-1"}, {"1", "3"}, {"-3", "-1"}, {"-100", "100"}, {"4", "2"},
                    {"6", "10"}, {"-1", "-1"}, {"0", "0"}, {"-7", "-6"}}) {
                s.same("LRANGE", "l", r[0], r[1]);
            }
            s.same("LRANGE", "l", "x", "1");
            s.same("LRANGE", "l", "0", "1.5");
            s.same("LRANGE", "nokey", "0", "-1");
            for (String i : new String[] {"0", "5", "6", "-1", "-6", "-7", "x"}) s.same("LINDEX", "l", i);
            s.same("LINDEX", "nokey", "0");
            s.same("LSET", "l", "0", "A");
            s.same("LSET", "l", "-1", "F");
            s.same("LSET", "l", "6", "X");
            s.same("LSET", "l", "-7", "X");
            s.same("LSET", "l", "x", "X");
            s.same("LSET", "nokey", "0", "X");
            s.same("LSET", "nokey", "x", "X");
            s.same("LRANGE", "l", "0", "-1");
            s.same("SET", "str", "v");
            s.same("LRANGE", "str", "0", "-1");
            s.same("LINDEX", "str", "0");
            s.same("LSET", "str", "0", "x");
        });
    }

    @Test
    void insertRemTrim() {
        run(s -> {
            clearFake();
            s.same("RPUSH", "l", "a", "b", "a", "c", "a", "d");
            s.same("LINSERT", "l", "BEFORE", "a", "X");
            s.same("LINSERT", "l", "after", "d", "Y");
            s.same("LINSERT", "l", "AFTER", "c", "Z");
            s.same("LINSERT", "l", "before", "nope", "Z");
            s.same("LINSERT", "l", "UP", "a", "Z");
            s.same("LINSERT", "nokey", "BEFORE", "a", "Z");
            s.same("LINSERT", "nokey", "UP", "a", "Z");
            s.same("LRANGE", "l", "0", "-1");
            s.same("LREM", "l", "1", "a");
            s.same("LREM", "l", "-1", "a");
            s.same("RPUSH", "l", "a", "a", "a");
            s.same("LREM", "l", "-2", "a");
            s.same("LREM", "l", "0", "a");
            s.same("LREM", "l", "0", "nope");
            s.same("LREM", "l", "x", "a");
            s.same("LREM", "nokey", "0", "a");
            s.same("LRANGE", "l", "0", "-1");
            s.same("LTRIM", "l", "1", "-2");
            s.same("LRANGE", "l", "0", "-1");
            s.same("LTRIM", "l", "-100", "100");
            s.same("LTRIM", "l", "x", "1");
            s.same("LTRIM", "nokey", "0", "1");
            s.same("LTRIM", "l", "5", "1");
            s.same("LLEN", "l");
            s.same("RPUSH", "one", "x");
            s.same("LREM", "one", "0", "x");
            s.same("LLEN", "one");
            s.same("SET", "str", "v");
            s.same("LINSERT", "str", "BEFORE", "a", "b");
            s.same("LREM", "str", "0", "a");
            s.same("LTRIM", "str", "0", "1");
            // inserts in the middle, both halves
            s.same("RPUSH", "m", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            s.same("LINSERT", "m", "BEFORE", "2", "x");
            s.same("LINSERT", "m", "AFTER", "8", "y");
            s.same("LRANGE", "m", "0", "-1");
        });
    }

    @Test
    void lpos() {
        run(s -> {
            clearFake();
            s.same("RPUSH", "l", "a", "b", "c", "1", "2", "3", "c", "c");
            s.same("LPOS", "l", "c");
            s.same("LPOS", "l", "c", "RANK", "2");
            s.same("LPOS", "l", "c", "RANK", "-1");
            s.same("LPOS", "l", "c", "RANK", "-2");
            s.same("LPOS", "l", "c", "RANK", "9");
            s.same("LPOS", "l", "c", "COUNT", "0");
            s.same("LPOS", "l", "c", "COUNT", "2");
            s.same("LPOS", "l", "c", "COUNT", "2", "RANK", "-1");
            s.same("LPOS", "l", "c", "COUNT", "0", "MAXLEN", "7");
            s.same("LPOS", "l", "c", "MAXLEN", "2");
            s.same("LPOS", "l", "c", "RANK", "-1", "MAXLEN", "1");
            s.same("LPOS", "l", "x");
            s.same("LPOS", "l", "x", "COUNT", "5");
            s.same("LPOS", "l", "c", "RANK", "0");
            s.same("LPOS", "l", "c", "RANK", "x");
            s.same("LPOS", "l", "c", "RANK", "-9223372036854775808");
            s.same("LPOS", "l", "c", "COUNT", "-1");
            s.same("LPOS", "l", "c", "COUNT", "x");
            s.same("LPOS", "l", "c", "MAXLEN", "-1");
            s.same("LPOS", "l", "c", "MAXLEN", "x");
            s.same("LPOS", "l", "c", "RANK");
            s.same("LPOS", "l", "c", "FOO", "1");
            s.same("LPOS", "nokey", "c");
            s.same("LPOS", "nokey", "c", "COUNT", "0");
            s.same("SET", "str", "v");
            s.same("LPOS", "str", "c");
        });
    }

    @Test
    void moveAndMpop() {
        run(s -> {
            clearFake();
            s.same("RPUSH", "a", "1", "2", "3");
            s.same("LMOVE", "a", "b", "LEFT", "RIGHT");
            s.same("LMOVE", "a", "b", "right", "left");
            s.same("LMOVE", "a", "a", "LEFT", "RIGHT");
            s.same("LRANGE", "a", "0", "-1");
            s.same("LRANGE", "b", "0", "-1");
            s.same("LMOVE", "a", "b", "UP", "LEFT");
            s.same("LMOVE", "a", "b", "LEFT", "DOWN");
            s.same("LMOVE", "nokey", "b", "LEFT", "LEFT");
            s.same("LMOVE", "nokey", "b", "UP", "LEFT");
            s.same("SET", "str", "v");
            s.same("LMOVE", "a", "str", "LEFT", "LEFT");
            s.same("LMOVE", "str", "a", "LEFT", "LEFT");
            s.same("RPOPLPUSH", "a", "b");
            s.same("RPOPLPUSH", "a", "b");
            s.same("RPOPLPUSH", "nokey", "b");
            s.same("RPOPLPUSH", "b", "str");
            s.same("LRANGE", "b", "0", "-1");
            s.same("LLEN", "a");
            s.same("RPUSH", "one", "x");
            s.same("RPOPLPUSH", "one", "one");
            s.same("LRANGE", "one", "0", "-1");
            s.same("LMPOP", "2", "nokey", "b", "LEFT");
            s.same("LMPOP", "2", "nokey", "b", "RIGHT", "COUNT", "2");
            s.same("LMPOP", "1", "b", "RIGHT", "COUNT", "10");
            s.same("LMPOP", "1", "b", "RIGHT");
            s.same("LMPOP", "0", "b", "LEFT");
            s.same("LMPOP", "-1", "b", "LEFT");
            s.same("LMPOP", "x", "b", "LEFT");
            s.same("LMPOP", "2", "b", "LEFT");
            s.same("LMPOP", "1", "b", "UP");
            s.same("LMPOP", "1", "b", "LEFT", "COUNT", "0");
            s.same("LMPOP", "1", "b", "LEFT", "COUNT", "x");
            s.same("LMPOP", "1", "b", "LEFT", "COUNT");
            s.same("LMPOP", "1", "b", "LEFT", "COUNT", "1", "COUNT", "2");
            s.same("LMPOP", "1", "b", "LEFT", "FOO");
            s.same("LMPOP", "1", "str", "LEFT");
            s.same("LMPOP", "2", "nokey", "str", "LEFT");
            s.same("LMPOP", "1");
            s.same("LMPOP", "9223372036854775807", "b", "LEFT");
            s.same("LMPOP", "9223372036854775806", "b", "LEFT");
        });
    }

    @Test
    void longLists() {
        run(s -> {
            clearFake();
            String[] args = new String[2 + 500];
            args[0] = "RPUSH";
            args[1] = "big";
            for (int i = 0; i < 500; i++) args[2 + i] = "element-" + i;
            s.same(args);
            args[0] = "LPUSH";
            s.same(args);
            s.same("LRANGE", "big", "0", "-1");
            s.same("LRANGE", "big", "250", "760");
            s.same("LINDEX", "big", "777");
            s.same("LPOP", "big", "300");
            s.same("RPOP", "big", "300");
            s.same("LREM", "big", "-3", "element-7");
            s.same("LRANGE", "big", "0", "-1");
        });
    }
}
