/**
 * Direct messages: opening a conversation, sending, deleting and reading messages, blocking; HTTP
 * handlers, the conversation aggregate's decider, and the views a send needs (the pair of a
 * conversation, who has a live stream).
 */
@NullMarked
package io.ohkay.command.dm;

import org.jspecify.annotations.NullMarked;
