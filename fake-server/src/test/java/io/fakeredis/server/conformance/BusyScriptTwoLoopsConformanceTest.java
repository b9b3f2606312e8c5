package io.fakeredis.server.conformance;

import org.junit.jupiter.api.BeforeAll;

/**
 * The busy-script tests on a server with two event loops: the other client lands on the second
 * I/O thread, which answers it while the script's thread holds the engine lock.
 */
class BusyScriptTwoLoopsConformanceTest extends BusyScriptConformanceTest {
    @BeforeAll
    static void twoLoops() {
        server.close();
        server = io.fakeredis.server.FakeRedisServer.start(engine, "127.0.0.1", 0, 2);
    }

    @Override
    boolean runsAllowedCommands() {
        return false;
    }
}
