package io.fakeredis.server.conformance;

/**
 * Clears the fake's databases directly before each script, so these tests do not depend on
 * FLUSHALL being implemented in this branch.
 */
abstract class FlushingConformanceTest extends ConformanceTest {
    @Override
    protected void run(int resp, Script script) {
        engine.lock.lock();
        try {
            for (int i = 0; i < io.fakeredis.core.Engine.DATABASES; i++) engine.db(i).clear();
        } finally {
            engine.lock.unlock();
        }
        super.run(resp, script);
    }
}
