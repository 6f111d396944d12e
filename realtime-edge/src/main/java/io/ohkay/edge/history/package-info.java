/**
 * Message histories in cursor pages by seq: the page a query string asks for, its SQL and the page
 * itself, for any table of seq-ordered messages (a channel's, a conversation's).
 */
@NullMarked
package io.ohkay.edge.history;

import org.jspecify.annotations.NullMarked;
