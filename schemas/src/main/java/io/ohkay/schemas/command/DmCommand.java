package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ConversationId;

/**
 * Commands decided by one direct-message conversation, on {@code ohkay.dm.commands} keyed by it.
 * The conversation of a pair also decides whether either has blocked the other, so a block takes
 * effect for the very next command of the pair.
 */
public sealed interface DmCommand extends CommandPayload
    permits OpenConversation,
        SendDirectMessage,
        DeleteDirectMessage,
        MarkConversationRead,
        BlockUser,
        UnblockUser {

  /** The conversation that decides the command; the record key. */
  ConversationId conversationId();
}
