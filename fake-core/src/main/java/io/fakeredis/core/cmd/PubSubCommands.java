package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.pubsub.PubSub;
import io.fakeredis.core.pubsub.PubSub.Kind;
import io.fakeredis.core.util.Bytes;
import java.util.List;

/** Pub/Sub commands, as Redis's pubsub.c. The state lives in {@link PubSub}. */
public final class PubSubCommands {
    private PubSubCommands() {}

    private static final String[] HELP = {
        "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
        "HELP",
        "    Prints this help.",
    };

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        switch (name) {
            case "subscribe" -> subscribe(c, Kind.CHANNEL);
            case "psubscribe" -> subscribe(c, Kind.PATTERN);
            case "ssubscribe" -> subscribe(c, Kind.SHARD);
            case "unsubscribe" -> unsubscribe(c, Kind.CHANNEL);
            case "punsubscribe" -> unsubscribe(c, Kind.PATTERN);
            case "sunsubscribe" -> unsubscribe(c, Kind.SHARD);
            case "publish" -> c.reply.integer(c.engine.pubsub().publish(c.argv[1], c.argv[2]));
            case "spublish" -> c.reply.integer(c.engine.pubsub().spublish(c.argv[1], c.argv[2]));
            case "pubsub|channels" -> channels(c, false);
            case "pubsub|shardchannels" -> channels(c, true);
            case "pubsub|numsub" -> numsub(c, false);
            case "pubsub|shardnumsub" -> numsub(c, true);
            case "pubsub|numpat" -> c.reply.integer(c.engine.pubsub().patternCount());
            case "pubsub|help" -> help(c);
            default -> throw new IllegalStateException("not bound in PubSubCommands: " + name);
        }
    }

    static void subscribe(Client c, Kind kind) {
        for (int j = 1; j < c.argc(); j++) c.engine.pubsub().subscribe(c, kind, c.argv[j]);
    }

    static void unsubscribe(Client c, Kind kind) {
        if (c.argc() == 1) {
            c.engine.pubsub().unsubscribeAll(c, kind);
            return;
        }
        for (int j = 1; j < c.argc(); j++) c.engine.pubsub().unsubscribe(c, kind, c.argv[j]);
    }

    static void channels(Client c, boolean shard) {
        if (c.argc() > 3) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for '" + Bytes.str(c.argv[1])
                    + "'. Try PUBSUB HELP.");
            return;
        }
        List<byte[]> names = c.engine.pubsub().activeChannels(shard, c.argc() == 3 ? c.argv[2] : null);
        c.reply.array(names.size());
        for (byte[] n : names) c.reply.bulk(n);
    }

    static void numsub(Client c, boolean shard) {
        c.reply.array((c.argc() - 2) * 2);
        for (int j = 2; j < c.argc(); j++) {
            c.reply.bulk(c.argv[j]);
            c.reply.integer(c.engine.pubsub().subscribers(shard, c.argv[j]));
        }
    }

    static void help(Client c) {
        c.reply.array(HELP.length);
        for (String line : HELP) c.reply.status(line);
    }
}
