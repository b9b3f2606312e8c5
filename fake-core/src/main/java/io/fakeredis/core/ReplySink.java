package io.fakeredis.core;

import java.nio.charset.StandardCharsets;

/**
 * Where a command writes its answer, in the spirit of Redis's addReply* family. Commands never
 * encode bytes themselves, so RESP2, RESP3, Lua and the typed API all see the same answer.
 *
 * <p>Aggregates are written as a header with a count followed by that many elements (for maps,
 * twice that many: key, value, key, value...).
 */
public interface ReplySink {

    /** Protocol version the peer speaks: 2 or 3. Commands only need it where Redis does. */
    int resp();

    /** Switches protocol version (HELLO). */
    void resp(int version);

    /** A status reply such as {@code OK}. */
    void status(String s);

    /** An error reply; the text starts with its code, e.g. {@code ERR syntax error}. */
    void error(String s);

    void integer(long v);

    void bulk(byte[] b, int off, int len);

    default void bulk(byte[] b) {
        bulk(b, 0, b.length);
    }

    default void bulk(String s) {
        bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Null bulk string: {@code $-1} in RESP2, {@code _} in RESP3. */
    void nullBulk();

    /** Null array: {@code *-1} in RESP2, {@code _} in RESP3. */
    void nullArray();

    void array(int n);

    /** A map of n pairs; RESP2 sees an array of 2n. */
    void map(int n);

    /** A set; RESP2 sees an array. */
    void set(int n);

    /** An out-of-band push; RESP2 sees an array. */
    void push(int n);

    /** A double, formatted as Redis's %.17g; RESP2 sees a bulk string. */
    void dbl(double d);

    /**
     * A double printed as given (Redis's addReplyHumanLongDouble: a bulk string in RESP2, a
     * RESP3 double with this text). Sinks that keep values rather than bytes keep the double.
     */
    default void dbl(double d, String text) {
        if (resp() == 2) bulk(text);
        else dbl(d);
    }

    /** A boolean; RESP2 sees the integer 1 or 0. */
    void bool(boolean b);

    /** A verbatim string such as INFO's text; RESP2 sees a bulk string. */
    void verbatim(String format, byte[] text);

    /** A RESP3 big number (digits as given, e.g. a script's {big_number=...}); RESP2 sees a bulk string. */
    default void bigNumber(byte[] digits) {
        bulk(digits);
    }

    /**
     * An error reply that the error stats have counted already, where it arose: a script that
     * returns or raises the error a redis.call got (Redis marks it ignore_error_stats_update).
     * The running command still counts as failed.
     */
    default void errorCounted(String s) {
        error(s);
    }

    /**
     * Appends a reply already encoded in this sink's protocol and returns true, when the sink
     * writes RESP (a wire client); other sinks return false and the caller writes the reply
     * element by element. Lets PUBLISH encode a message once for all its subscribers.
     */
    default boolean encoded(byte[] frame) {
        return false;
    }

    /** Status replies Redis sends as protocol-level shared objects, kept for readability. */
    default void ok() {
        status("OK");
    }
}
