package io.fakeredis.core.scripting;

/**
 * An error raised while compiling or running a script: the message as Redis would put it in the
 * reply (before the " script: ..." suffix) and the script line it was raised on, 0 when unknown.
 */
public final class ScriptError extends RuntimeException {
    public final int line;
    public final String source;

    public ScriptError(String message, String source, int line) {
        super(message, null, false, false);
        this.source = source;
        this.line = line;
    }

    public ScriptError(String message) {
        this(message, null, 0);
    }
}
