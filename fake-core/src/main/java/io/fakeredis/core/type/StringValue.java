package io.fakeredis.core.type;

/** Reading string values whatever their representation: a bare byte[] or a {@link MutableString}. */
public final class StringValue {
    private StringValue() {}

    /** The bytes of a string value; null when v is not a string. Callers must not mutate the result. */
    public static byte[] bytes(Object v) {
        if (v instanceof byte[]) return (byte[]) v;
        if (v instanceof MutableString) return ((MutableString) v).bytes();
        return null;
    }

    public static boolean isString(Object v) {
        return v instanceof byte[] || v instanceof MutableString;
    }

    /** Length of a string value, without copying; -1 when v is not a string. */
    public static int length(Object v) {
        if (v instanceof byte[]) return ((byte[]) v).length;
        if (v instanceof MutableString) return ((MutableString) v).length();
        return -1;
    }
}
