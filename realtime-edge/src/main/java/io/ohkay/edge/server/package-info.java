/** Servers as a member sees them: the registry's membership, placement and the my-servers query. */
@NullMarked
package io.ohkay.edge.server;

import org.jspecify.annotations.NullMarked;
