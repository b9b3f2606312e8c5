package io.fakeredis.core.type;

import io.fakeredis.core.config.Config;

/**
 * A value stored in the keyspace other than a plain string (plain strings are stored as bare
 * {@code byte[]} to keep keys compact). Each data type has its own class in this package.
 */
public interface RedisValue {
    ValueType type();

    /** What OBJECT ENCODING reports, following the thresholds in the config. */
    String encoding(Config config);

    /** A deep copy, for COPY. */
    RedisValue copy();
}
