package io.fakeredis.core.config;

import io.fakeredis.core.Notify;
import io.fakeredis.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server parameters as CONFIG GET shows them, seeded from the real server's defaults. The engine
 * reads hot parameters from typed fields that {@link #set} keeps current.
 */
public final class Config {
    private static final Map<String, String> DEFAULTS = loadDefaults();

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

    // Typed views of parameters the engine reads on hot paths.
    private String requirepass = "";
    private int notifyFlags;
    private boolean lfu;

    public Config() {
        values.put("port", "6379");
        values.put("bind", "127.0.0.1");
        values.put("save", "");
        values.put("appendonly", "no");
        values.put("dir", System.getProperty("java.io.tmpdir", "/tmp"));
    }

    /** The bundled defaults, in the reference file's order. */
    public static Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** Current value, or null for an unknown parameter. */
    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> all() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Stores a value already validated by the caller and refreshes the typed views. */
    public void set(String name, String value) {
        values.put(name, value);
        switch (name) {
            case "requirepass": requirepass = value; break;
            case "notify-keyspace-events": notifyFlags = Math.max(0, Notify.parse(value)); break;
            case "maxmemory-policy": lfu = value.endsWith("-lfu"); break;
            default: break;
        }
    }

    public long getLong(String name) {
        return Long.parseLong(values.get(name));
    }

    public String requirepass() {
        return requirepass;
    }

    public boolean requiresPass() {
        return !requirepass.isEmpty();
    }

    public int notifyFlags() {
        return notifyFlags;
    }

    public boolean lfu() {
        return lfu;
    }

    private static Map<String, String> loadDefaults() {
        try (InputStream in = Config.class.getResourceAsStream("config-defaults.json")) {
            if (in == null) throw new IllegalStateException("config-defaults.json missing from the classpath");
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> m = new LinkedHashMap<>();
            raw.forEach((k, v) -> m.put(k, String.valueOf(v)));
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
