package io.fakeredis.junit;

import io.fakeredis.server.FakeRedisServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Registered through META-INF/services, so the JUnit launcher calls it as a test run opens:
 * the first engine and server are warmed on a spare core while JUnit discovers and runs the
 * tests before the first @FakeRedis class (docs/startup.md). -Dfakeredis.warmup=false turns it off.
 */
public final class WarmUpListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        FakeRedisServer.warmUp();
    }
}
