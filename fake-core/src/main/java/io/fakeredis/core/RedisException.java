package io.fakeredis.core;

/**
 * An error reply raised from deep inside a command. The dispatcher turns it into an error reply,
 * so argument parsers can simply throw. No stack trace: this is control flow, not a bug.
 */
public class RedisException extends RuntimeException {
    public RedisException(String message) {
        super(message, null, false, false);
    }
}
