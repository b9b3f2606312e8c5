package io.fakeredis;

/** The Redis data types, named as TYPE prints them. */
public enum RedisType {
    STRING, LIST, SET, ZSET, HASH, STREAM;

    /** The name TYPE replies with: string, list, set, zset, hash, stream. */
    public String redisName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a TYPE reply; null for "none". */
    public static RedisType of(String redisName) {
        for (RedisType t : values()) if (t.redisName().equals(redisName)) return t;
        return null;
    }
}
