/**
 * Servers: their membership (invites, kicks, bans), channels and messages; HTTP handlers and the
 * server aggregate's decider.
 */
@NullMarked
package io.ohkay.command.server;

import org.jspecify.annotations.NullMarked;
