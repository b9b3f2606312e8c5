package io.fakeredis.server.conformance;

import org.junit.jupiter.api.Test;

/** The harness itself: the same bytes from both servers for the simplest commands. */
class SmokeConformanceTest extends ConformanceTest {
    @Test
    void pingEchoGetSet() {
        run(s -> {
            s.same("PING");
            s.same("PING", "hello");
            s.same("ECHO", "a\r\nb");
            s.same("SET", "k", "v");
            s.same("GET", "k");
            s.same("GET", "missing");
            s.same("get");
            s.same("NOSUCHCOMMAND", "a", "b");
            s.same("SELECT", "16");
            s.same("SELECT", "x");
        });
    }
}
