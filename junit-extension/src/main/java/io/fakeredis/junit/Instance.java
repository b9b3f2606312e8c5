package io.fakeredis.junit;

import io.fakeredis.FakeRedisEngine;
import io.fakeredis.core.clock.Clock;
import io.fakeredis.core.clock.ManualClock;
import io.fakeredis.server.FakeRedisServer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One running fake: engine, optional server and clock. Closed by the JUnit store that owns it. */
final class Instance implements ExtensionContext.Store.CloseableResource {
    final Settings settings;
    final FakeRedisEngine engine;
    final FakeRedisServer server;
    final ManualClock clock;
    final Instant clockStart;
    final FakeRedisInfo info;
    /** Serializes tests that share this instance (PER_CLASS, PER_SUITE) under parallel execution. */
    final ReentrantLock testLock = new ReentrantLock();

    Instance(Settings s) {
        this.settings = s;
        this.clock = s.clock() == FakeRedis.ClockType.MANUAL ? new ManualClock() : null;
        this.clockStart = clock != null ? clock.instant() : null;
        if (s.server()) FakeRedisServer.prepare();
        this.engine = FakeRedisEngine.builder()
                .clock(clock != null ? clock : Clock.system())
                .password(s.password())
                .resp2Only(s.protocol() == FakeRedis.Protocol.RESP2)
                .build();
        FakeRedisServer srv = null;
        if (s.server()) {
            try {
                srv = FakeRedisServer.start(engine.internal(), "127.0.0.1", s.port());
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            engine.internal().config().set("port", Integer.toString(srv.port()));
        }
        this.server = srv;
        this.info = srv == null ? null : new FakeRedisInfo("127.0.0.1", srv.port(), s.password());
        Injected.remember(engine, info, server, clock);
    }

    /** Fresh state for the next test: empty databases, clock back to its start, empty logs, no faults. */
    void reset() {
        engine.reset();
        if (server != null) server.faults().clear();
        if (clock != null) clock.set(clockStart);
    }

    private int internalErrorsSeen;

    /** Commands that crashed inside the fake since the last call: bugs of the fake, always reported. */
    synchronized List<String> takeInternalErrors() {
        List<String> all = engine.internal().internalErrors();
        List<String> fresh = List.copyOf(all.subList(Math.min(internalErrorsSeen, all.size()), all.size()));
        internalErrorsSeen = all.size();
        return fresh;
    }

    /** Commands the test sent that the fake lacks, forgotten once reported. */
    List<String> takeUnsupported() {
        List<String> u = engine.unsupportedCommands();
        if (!u.isEmpty()) engine.internal().clearUnsupportedCommands();
        return u;
    }

    @Override
    public void close() {
        try {
            if (server != null) server.close();
        } finally {
            engine.close();
        }
    }
}
