package io.fakeredis.core.scripting;

/**
 * An error raised while compiling or running a script: the message as Redis would put it in the
 * reply (before the " script: ..." suffix) and the script line it was raised on, 0 when unknown.
 */
public final class ScriptError extends RuntimeException {
    public final int line;
    public final String source;
    /** Counted in the error stats already: a raised table marked ignore_error_stats_update. */
    public final boolean counted;

    public ScriptError(String message, String source, int line, boolean counted) {
        super(message, null, false, false);
        this.source = source;
        this.line = line;
        this.counted = counted;
    }

    public ScriptError(String message, String source, int line) {
        this(message, source, line, false);
    }

    public ScriptError(String message) {
        this(message, null, 0);
    }
}
