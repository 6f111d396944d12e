/**
 * Direct messages as their participants read them: the caller's conversations, each conversation's
 * history in cursor pages, and the caller's blocks.
 */
@NullMarked
package io.ohkay.edge.dm;

import org.jspecify.annotations.NullMarked;
