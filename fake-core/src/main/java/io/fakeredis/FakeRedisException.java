package io.fakeredis;

/** A Redis error reply raised by the typed API; the message is Redis's own text, e.g. {@code WRONGTYPE ...}. */
public class FakeRedisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FakeRedisException(String message) {
        super(message);
    }

    /** The error code: the first word of the message, e.g. {@code ERR} or {@code WRONGTYPE}. */
    public String code() {
        String m = getMessage();
        int sp = m.indexOf(' ');
        return sp < 0 ? m : m.substring(0, sp);
    }
}
