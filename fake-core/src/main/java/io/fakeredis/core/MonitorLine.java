package io.fakeredis.core;

/**
 * The line MONITOR sends for a command (replicationFeedMonitors):
 * {@code 1339518083.107412 [0 127.0.0.1:60866] "keys" "*"}, sent as a status reply, so it is the
 * same in RESP2 and RESP3. The arguments are quoted as sdscatrepr does, which keeps the line ASCII.
 */
final class MonitorLine {
    private MonitorLine() {}

    /** micros: engine-clock time; who: the client's address, or "lua" for a script's commands. */
    static String of(long micros, int db, String who, byte[][] argv) {
        StringBuilder b = new StringBuilder(64);
        long usec = Math.floorMod(micros, 1_000_000L);
        b.append(Math.floorDiv(micros, 1_000_000L)).append('.');
        String u = Long.toString(usec);
        for (int i = u.length(); i < 6; i++) b.append('0');
        b.append(u).append(" [").append(db).append(' ').append(who).append("] ");
        for (int j = 0; j < argv.length; j++) {
            if (j > 0) b.append(' ');
            repr(b, argv[j]);
        }
        return b.toString();
    }

    /** sdscatrepr: quoted, with C escapes, and \xHH for bytes outside printable ASCII. */
    static void repr(StringBuilder b, byte[] s) {
        b.append('"');
        for (byte x : s) {
            int c = x & 0xff;
            switch (c) {
                case '\\', '"' -> b.append('\\').append((char) c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        b.append((char) c);
                    } else {
                        b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    }
                }
            }
        }
        b.append('"');
    }
}
