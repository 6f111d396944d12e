/**
 * Read-your-writes: waiting (bounded) until a projection has applied a client's last write
 * position.
 */
@NullMarked
package io.ohkay.edge.position;

import org.jspecify.annotations.NullMarked;
