/** The roles of a server as its members see them, read from the server's own database. */
@NullMarked
package io.ohkay.edge.role;

import org.jspecify.annotations.NullMarked;
