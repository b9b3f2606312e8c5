package io.fakeredis.junit;

import io.fakeredis.junit.FakeRedis.ClockType;
import io.fakeredis.junit.FakeRedis.Lifecycle;
import io.fakeredis.junit.FakeRedis.Protocol;

/** The options of one fake, from {@link FakeRedis} or the builder. lifecycle null: decided by registration. */
record Settings(Lifecycle lifecycle, String name, boolean server, int port, boolean flushBetweenTests,
        String password, ClockType clock, Protocol protocol, boolean failOnUnsupportedCommands) {

    static final Settings DEFAULTS = new Settings(Lifecycle.PER_METHOD, "default", true, 0, true, "",
            ClockType.SYSTEM, Protocol.RESP3, true);

    static Settings of(FakeRedis a) {
        return new Settings(a.lifecycle(), a.name(), a.server(), a.port(), a.flushBetweenTests(), a.password(),
                a.clock(), a.protocol(), a.failOnUnsupportedCommands());
    }

    /** Options fixed when an instance starts; the rest apply per test. */
    boolean sameServer(Settings o) {
        return server == o.server && port == o.port && password.equals(o.password) && clock == o.clock
                && protocol == o.protocol;
    }

    String serverText() {
        return "server=" + server + ", port=" + port + ", password=" + (password.isEmpty() ? "none" : "set")
                + ", clock=" + clock + ", protocol=" + protocol;
    }

    Settings withLifecycle(Lifecycle l) {
        return new Settings(l, name, server, port, flushBetweenTests, password, clock, protocol, failOnUnsupportedCommands);
    }
}
