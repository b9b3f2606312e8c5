package io.fakeredis.core.type;

/** The six Redis data types, with the names TYPE prints. */
public enum ValueType {
    STRING("string"), LIST("list"), SET("set"), ZSET("zset"), HASH("hash"), STREAM("stream");

    public final String redisName;

    ValueType(String redisName) {
        this.redisName = redisName;
    }
}
