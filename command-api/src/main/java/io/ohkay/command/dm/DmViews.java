package io.ohkay.command.dm;

import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON a client receives for what a DM command created. */
final class DmViews {

  private DmViews() {}

  /** {@code {"id", "recipientId"}}, whether this call opened the conversation or not. */
  static Map<String, Object> conversation(ConversationId conversation, UserId recipient) {
    var body = new LinkedHashMap<String, Object>();
    body.put("id", conversation);
    body.put("recipientId", recipient);
    return body;
  }

  /** The sent message: {@code {"id","conversationId","authorId","content","createdAt","seq"}}. */
  static Map<String, Object> message(CommandOutcome outcome) {
    var event = outcome.events().getFirst();
    var sent = (DirectMessageSent) event.payload();
    var body = new LinkedHashMap<String, Object>();
    body.put("id", sent.messageId());
    body.put("conversationId", sent.conversationId());
    body.put("authorId", sent.authorId());
    body.put("content", sent.content());
    body.put("createdAt", event.occurredAt());
    body.put("seq", event.seq());
    return body;
  }
}
