/** The channels of a server, read from the server's own database. */
@NullMarked
package io.ohkay.edge.channel;

import org.jspecify.annotations.NullMarked;
