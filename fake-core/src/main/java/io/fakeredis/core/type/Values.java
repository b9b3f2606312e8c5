package io.fakeredis.core.type;

import io.fakeredis.core.config.Config;
import io.fakeredis.core.util.Bytes;

/** Type questions about any stored value: a bare byte[] string or a {@link RedisValue}. */
public final class Values {
    private Values() {}

    public static ValueType typeOf(Object v) {
        return v instanceof byte[] ? ValueType.STRING : ((RedisValue) v).type();
    }

    public static String encoding(Object v, Config config) {
        if (v instanceof byte[]) return stringEncoding((byte[]) v);
        return ((RedisValue) v).encoding(config);
    }

    /** Redis's tryObjectEncoding: int for a 64-bit integer of up to 20 chars, embstr up to 44 bytes, raw beyond. */
    public static String stringEncoding(byte[] b) {
        if (b.length <= 20 && Bytes.isLong(b)) return "int";
        return b.length <= 44 ? "embstr" : "raw";
    }

    public static Object copy(Object v) {
        return v instanceof byte[] ? ((byte[]) v).clone() : ((RedisValue) v).copy();
    }
}
