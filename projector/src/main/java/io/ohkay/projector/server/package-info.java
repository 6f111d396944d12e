/**
 * Servers in the registry database: servers, server_members, server_stats, server_bans and
 * invite_codes.
 */
@NullMarked
package io.ohkay.projector.server;

import org.jspecify.annotations.NullMarked;
