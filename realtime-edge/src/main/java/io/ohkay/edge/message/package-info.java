/** Message history of a channel: cursor pages ordered by the server's seq. */
@NullMarked
package io.ohkay.edge.message;

import org.jspecify.annotations.NullMarked;
