/**
 * Servers: their life (create, update, delete), membership (invites, kicks, bans), roles and
 * permissions, channels and their overwrites, and messages; HTTP handlers and the server
 * aggregate's decider.
 */
@NullMarked
package io.ohkay.command.server;

import org.jspecify.annotations.NullMarked;
