/** Messages of a server: channel history in cursor pages ordered by seq, and text search. */
@NullMarked
package io.ohkay.edge.message;

import org.jspecify.annotations.NullMarked;
