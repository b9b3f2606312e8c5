package io.fakeredis.core.type;

/** Reading string values whatever their representation. */
public final class StringValue {
    private StringValue() {}

    /** The bytes of a string value; null when v is not a string. Callers must not mutate the result. */
    public static byte[] bytes(Object v) {
        if (v instanceof byte[]) return (byte[]) v;
        return null;
    }

    public static boolean isString(Object v) {
        return v instanceof byte[];
    }
}
