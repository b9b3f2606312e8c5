package io.fakeredis.core.command;

import io.fakeredis.core.Client;

/** A command's implementation, like Redis's {@code void xxxCommand(client *c)}: reads c.argv, replies to c.reply. */
@FunctionalInterface
public interface CommandProc {
    void call(Client c);
}
