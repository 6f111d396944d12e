/** Servers and their messages: HTTP handlers and the server aggregate's decider. */
@NullMarked
package io.ohkay.command.server;

import org.jspecify.annotations.NullMarked;
