package io.fakeredis.junit;

import java.util.Objects;

/** Where the fake server listens, for configuring clients. Immutable. */
public final class FakeRedisInfo {
    private final String host;
    private final int port;
    private final String password;

    public FakeRedisInfo(String host, int port, String password) {
        this.host = host;
        this.port = port;
        this.password = password == null || password.isEmpty() ? null : password;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}: the password is not part of it, see {@link #password()}. */
    public String uri() {
        return "redis://" + host + ":" + port;
    }

    /** The requirepass, or null when none is set. */
    public String password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakeRedisInfo i && i.host.equals(host) && i.port == port && Objects.equals(i.password, password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, password);
    }

    @Override
    public String toString() {
        return "FakeRedisInfo[" + uri() + (password != null ? ", password set" : "") + "]";
    }
}
