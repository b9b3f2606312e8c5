package io.fakeredis.server.conformance;

import org.junit.jupiter.api.Test;

/** The keyspace notifications of every family, frame for frame against the real server. */
class KeyspaceEventsConformanceTest extends ConformanceTest {
    @Test
    void lists() {
        run(s -> s.sameEvents("KEA",
                new String[] {"RPUSH", "l", "a", "b", "c", "d"}, new String[] {"LPUSH", "l", "z"},
                new String[] {"LPUSHX", "l", "y"}, new String[] {"RPUSHX", "nokey", "y"},
                new String[] {"LPOP", "l"}, new String[] {"RPOP", "l", "2"}, new String[] {"LSET", "l", "0", "q"},
                new String[] {"LINSERT", "l", "BEFORE", "q", "p"}, new String[] {"LREM", "l", "0", "p"},
                new String[] {"LTRIM", "l", "0", "0"}, new String[] {"RPUSH", "m", "1", "2"},
                new String[] {"LMOVE", "m", "l", "LEFT", "RIGHT"}, new String[] {"RPOPLPUSH", "m", "l"},
                new String[] {"LMPOP", "1", "l", "LEFT", "COUNT", "10"}, new String[] {"BLPOP", "nokey", "0.01"},
                new String[] {"RPUSH", "t", "x"}, new String[] {"LTRIM", "t", "1", "0"}));
    }

    @Test
    void hashes() {
        run(s -> s.sameEvents("KEA",
                new String[] {"HSET", "h", "a", "1", "b", "2"}, new String[] {"HSETNX", "h", "a", "9"},
                new String[] {"HSETNX", "h", "c", "3"}, new String[] {"HINCRBY", "h", "a", "5"},
                new String[] {"HINCRBYFLOAT", "h", "b", "0.5"}, new String[] {"HDEL", "h", "nope"},
                new String[] {"HDEL", "h", "a", "b"}, new String[] {"HMSET", "h", "d", "4"},
                new String[] {"HDEL", "h", "c", "d"}, new String[] {"HGET", "nokey", "f"}));
    }

    @Test
    void stringsAndKeys() {
        run(s -> s.sameEvents("KEA",
                new String[] {"SET", "k", "v"}, new String[] {"SET", "k", "v", "EX", "100"},
                new String[] {"APPEND", "k", "w"}, new String[] {"SETRANGE", "k", "0", "x"},
                new String[] {"INCR", "n"}, new String[] {"INCRBYFLOAT", "n", "1.5"}, new String[] {"GETDEL", "n"},
                new String[] {"GETEX", "k", "PERSIST"}, new String[] {"EXPIRE", "k", "100"},
                new String[] {"PERSIST", "k"}, new String[] {"RENAME", "k", "k2"}, new String[] {"COPY", "k2", "k3"},
                new String[] {"MOVE", "k3", "1"}, new String[] {"EXPIRE", "k2", "-1"}, new String[] {"GET", "gone"},
                new String[] {"MSET", "a", "1", "b", "2"}, new String[] {"DEL", "a", "b", "c"}));
    }

    @Test
    void onlyTheSelectedClasses() {
        run(s -> s.sameEvents("Kl",
                new String[] {"SET", "k", "v"}, new String[] {"RPUSH", "l", "a"}, new String[] {"HSET", "h", "f", "v"},
                new String[] {"DEL", "l"}));
        run(s -> s.sameEvents("Eh",
                new String[] {"SET", "k", "v"}, new String[] {"HSET", "h", "f", "v"}, new String[] {"HDEL", "h", "f"}));
    }
}
