/** Servers in the registry database: servers, server_members and server_stats. */
@NullMarked
package io.ohkay.projector.server;

import org.jspecify.annotations.NullMarked;
