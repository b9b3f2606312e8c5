package io.fakeredis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A sorted-set member with its score, as ZRANGE ... WITHSCORES returns it. */
public record ScoredValue(byte[] member, double score) {
    public static ScoredValue of(String member, double score) {
        return new ScoredValue(member.getBytes(StandardCharsets.UTF_8), score);
    }

    /** The member decoded as UTF-8. */
    public String value() {
        return new String(member, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredValue s && Arrays.equals(member, s.member)
                && Double.compare(score, s.score) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(member) * 31 + Double.hashCode(score);
    }

    @Override
    public String toString() {
        return value() + "=" + score;
    }
}
