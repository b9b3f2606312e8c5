package io.fakeredis.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fakeredis.core.Notify;
import org.junit.jupiter.api.Test;

/** CONFIG SET validation without a real server: the texts were taken from Redis 7.0.15. */
class ConfigTest {

    private static String norm(String name, String value) throws Config.BadValue {
        return Config.normalize(Config.param(name), value);
    }

    private static String error(String name, String value) {
        return assertThrows(Config.BadValue.class, () -> norm(name, value)).getMessage();
    }

    @Test
    void memoryValues() {
        assertEquals(0, Config.memToLong("0"));
        assertEquals(1024, Config.memToLong("1kb"));
        assertEquals(1000, Config.memToLong("1K"));
        assertEquals(3L * 1024 * 1024 * 1024, Config.memToLong("3GB"));
        assertEquals(-1, Config.memToLong("1.5gb"));
        assertEquals(-1, Config.memToLong("-1"));
        assertEquals(-1, Config.memToLong("10xb"));
    }

    @Test
    void kinds() throws Config.BadValue {
        assertEquals("yes", norm("activerehashing", "YES"));
        assertEquals("argument must be 'yes' or 'no'", error("activerehashing", "maybe"));
        assertEquals("allkeys-lru", norm("maxmemory-policy", "ALLKEYS-LRU"));
        assertEquals("argument(s) must be one of the following: debug, verbose, notice, warning", error("loglevel", "x"));
        assertEquals("argument couldn't be parsed into an integer", error("timeout", "+1"));
        assertEquals("argument couldn't be parsed into an integer", error("timeout", "01"));
        assertEquals("argument must be between 1 and 10 inclusive", error("active-expire-effort", "11"));
        assertEquals("500", norm("hz", "1000"));
        assertEquals("1048576", norm("maxmemory", "1mb"));
        assertEquals("argument must be a memory value", error("maxmemory", "-1"));
        assertEquals("50%", norm("maxmemory-clients", "50%"));
        assertEquals("percentage argument must be less or equal to 100", error("maxmemory-clients", "200%"));
        assertEquals("argument must be a memory or percent value", error("maxmemory-clients", "x"));
        assertEquals("3600 1 300 100", norm("save", "3600 1 300 100"));
        assertEquals("Invalid save parameters", error("save", "0 1"));
        assertEquals("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.", error("notify-keyspace-events", "Q"));
        assertNull(Config.param("nosuch"));
        assertEquals(Config.Kind.IMMUTABLE, Config.param("daemonize").kind);
        assertEquals(Config.Kind.PROTECTED, Config.param("DIR").kind);
    }

    @Test
    void aliasesAndNotifyFlags() {
        Config c = new Config();
        c.set("slave-priority", "7");
        assertEquals("7", c.get("replica-priority"));
        c.set("notify-keyspace-events", "AKEmn");
        assertEquals("AKEm", c.get("notify-keyspace-events"));
        assertEquals(Notify.NEW, c.notifyFlags() & Notify.NEW);
    }
}
