package io.fakeredis.core.cmd;

import io.fakeredis.core.Client;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.config.Config;
import io.fakeredis.core.latency.CommandHistograms;
import io.fakeredis.core.latency.LatencyMonitor;
import io.fakeredis.core.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** LATENCY (latency.c): the latency monitor's events and the per-command latency histograms. */
public final class LatencyCommands {
    private LatencyCommands() {}

    /** Runs this family's command by full name; the names are bound in command/Families. */
    public static void dispatch(String name, Client c) {
        // the table's arities leave each subcommand exactly the arguments it takes
        switch (name) {
            case "latency|history" -> history(c);
            case "latency|latest" -> latest(c);
            case "latency|graph" -> graph(c);
            case "latency|doctor" -> doctor(c);
            case "latency|reset" -> reset(c);
            case "latency|histogram" -> histogram(c);
            case "latency|help" -> ServerCommands.help(c, "LATENCY",
                    "DOCTOR",
                    "    Return a human readable latency analysis report.",
                    "GRAPH <event>",
                    "    Return an ASCII latency graph for the <event> class.",
                    "HISTORY <event>",
                    "    Return time-latency samples for the <event> class.",
                    "LATEST",
                    "    Return the latest latency samples for all events.",
                    "RESET [<event> ...]",
                    "    Reset latency data of one or more <event> classes.",
                    "    (default: reset all data for all event classes)",
                    "HISTOGRAM [COMMAND ...]",
                    "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
                    "    If no commands are specified then all histograms are replied.");
            default -> throw new IllegalStateException("not bound in LatencyCommands: " + name);
        }
    }

    private static long nowSeconds(Client c) {
        return c.engine.now() / 1000;
    }

    static void history(Client c) {
        LatencyMonitor.Series ts = c.engine.latency().series(Bytes.str(c.argv[2]));
        long[][] samples = ts == null ? new long[0][] : ts.samples();
        c.reply.array(samples.length);
        for (long[] s : samples) {
            c.reply.array(2);
            c.reply.integer(s[0]);
            c.reply.integer(s[1]);
        }
    }

    static void latest(Client c) {
        Map<String, LatencyMonitor.Series> events = c.engine.latency().events();
        c.reply.array(events.size());
        for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
            c.reply.array(4);
            c.reply.bulk(e.getKey());
            c.reply.integer(e.getValue().lastTime());
            c.reply.integer(e.getValue().lastLatency());
            c.reply.integer(e.getValue().max());
        }
    }

    static void graph(Client c) {
        String event = Bytes.str(c.argv[2]);
        LatencyMonitor.Series ts = c.engine.latency().series(event);
        if (ts == null) {
            c.reply.error("ERR No samples available for event '" + event + "'");
            return;
        }
        c.reply.verbatim("txt", LatencyMonitor.graph(event, ts, nowSeconds(c)).getBytes(StandardCharsets.UTF_8));
    }

    static void doctor(Client c) {
        Config cfg = c.engine.config();
        String report = c.engine.latency().doctor(cfg.latencyMonitorThreshold(), cfg.getLong("slowlog-log-slower-than"),
                cfg.getLong("hz"), nowSeconds(c));
        c.reply.verbatim("txt", report.getBytes(StandardCharsets.UTF_8));
    }

    static void reset(Client c) {
        LatencyMonitor m = c.engine.latency();
        if (c.argc() == 2) {
            c.reply.integer(m.reset(null));
            return;
        }
        int n = 0;
        for (int j = 2; j < c.argc(); j++) n += m.reset(Bytes.str(c.argv[j]));
        c.reply.integer(n);
    }

    /** LATENCY HISTOGRAM [command ...]: the named commands (and their subcommands), or all. */
    static void histogram(Client c) {
        CommandHistograms h = c.engine.stats.histograms;
        List<Command> rows = new ArrayList<>();
        if (c.argc() == 2) {
            for (Command cmd : c.engine.commands().commands()) addWithSubcommands(rows, cmd, h);
        } else {
            for (int j = 2; j < c.argc(); j++) {
                Command cmd = lookup(c, Bytes.str(c.argv[j]));
                if (cmd != null) addWithSubcommands(rows, cmd, h);
            }
        }
        c.reply.map(rows.size());
        for (Command cmd : rows) {
            long[] counts = h.get(cmd.id);
            long total = 0;
            int printed = 0;
            for (long n : counts) {
                total += n;
                if (n > 0) printed++;
            }
            c.reply.bulk(cmd.fullName);
            c.reply.map(2);
            c.reply.bulk("calls");
            c.reply.integer(total);
            c.reply.bulk("histogram_usec");
            // cumulative counts, only at the steps where they grow
            c.reply.map(printed);
            long cumulative = 0;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) continue;
                cumulative += counts[k];
                c.reply.integer(CommandHistograms.label(k));
                c.reply.integer(cumulative);
            }
        }
    }

    private static void addWithSubcommands(List<Command> rows, Command cmd, CommandHistograms h) {
        if (h.get(cmd.id) != null) rows.add(cmd);
        for (Command sub : cmd.subcommands().values()) if (h.get(sub.id) != null) rows.add(sub);
    }

    /** lookupCommandBySds: "name" or "container|sub", case-insensitive; null if there is no such row. */
    private static Command lookup(Client c, String name) {
        String[] parts = name.split("\\|", -1);
        if (parts.length > 2) return null;
        Command cmd = c.engine.commands().lookup(parts[0].getBytes(StandardCharsets.UTF_8));
        if (cmd == null || parts.length == 1) return cmd;
        return cmd.isContainer() ? cmd.subcommand(parts[1].toLowerCase(java.util.Locale.ROOT)) : null;
    }
}
