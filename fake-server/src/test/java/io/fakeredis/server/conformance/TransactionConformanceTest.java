package io.fakeredis.server.conformance;

import org.junit.jupiter.api.Test;

class TransactionConformanceTest extends ConformanceTest {
    @Test
    void queueAndExec() {
        run(s -> {
            s.same("MULTI");
            s.same("SET", "a", "1");
            s.same("GET", "a");
            s.same("SET", "b");
            s.same("EXEC");
            s.same("MULTI");
            s.same("SET", "a", "2");
            s.same("GET", "a");
            s.same("EXEC");
            s.same("GET", "a");
        });
    }

    @Test
    void errors() {
        run(s -> {
            s.same("EXEC");
            s.same("DISCARD");
            s.same("MULTI");
            s.same("MULTI");
            s.same("WATCH", "x");
            s.same("NOSUCH", "x");
            s.same("EXEC");
            s.same("MULTI");
            s.same("get");
            s.same("SET", "k", "v");
            s.same("EXEC");
            s.same("GET", "k");
            s.same("MULTI");
            s.same("SAVE");
            s.same("EXEC");
            s.same("MULTI");
            s.same("SET", "k", "v2");
            s.same("DISCARD");
            s.same("GET", "k");
            s.same("MULTI");
            s.same("EXEC");
        });
    }

    @Test
    void runtimeErrorsStayInPlace() {
        run(s -> {
            s.same("SET", "str", "x");
            s.same("MULTI");
            s.same("SELECT", "99");
            s.same("SET", "k", "v");
            s.same("EXEC");
        });
    }

    @Test
    void watch() {
        run(s -> {
            try (Session other = s.another()) {
                s.same("WATCH", "w");
                s.same("MULTI");
                s.same("SET", "x", "1");
                s.same("EXEC");
                s.same("WATCH", "w");
                other.same("SET", "w", "changed");
                s.same("MULTI");
                s.same("SET", "x", "2");
                s.same("EXEC");
                s.same("GET", "x");
                s.same("WATCH", "w");
                other.same("SET", "w", "again");
                s.same("UNWATCH");
                s.same("MULTI");
                s.same("SET", "x", "3");
                s.same("EXEC");
                s.same("WATCH", "w", "w2");
                s.same("MULTI");
                s.same("DISCARD");
                other.same("SET", "w", "after-discard");
                s.same("MULTI");
                s.same("SET", "x", "4");
                s.same("EXEC");
                s.same("GET", "x");
            }
        });
    }

    @Test
    void watchSeesFlushAndOtherDatabases() {
        run(s -> {
            try (Session other = s.another()) {
                s.same("SET", "w", "1");
                s.same("WATCH", "w");
                other.same("SELECT", "1");
                other.same("SET", "w", "other-db");
                s.same("MULTI");
                s.same("GET", "w");
                s.same("EXEC");
                s.same("WATCH", "w");
                other.same("SELECT", "0");
                other.same("FLUSHALL");
                s.same("MULTI");
                s.same("GET", "w");
                s.same("EXEC");
                s.same("WATCH", "missing");
                other.same("FLUSHALL");
                s.same("MULTI");
                s.same("PING");
                s.same("EXEC");
            }
        });
    }
}
