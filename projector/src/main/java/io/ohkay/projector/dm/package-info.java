/**
 * The direct-message database: conversations, their messages, read status and blocks, projected
 * from the DM events.
 */
@NullMarked
package io.ohkay.projector.dm;

import org.jspecify.annotations.NullMarked;
