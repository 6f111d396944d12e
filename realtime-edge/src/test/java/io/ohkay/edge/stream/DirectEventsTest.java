package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DirectEventsTest {

  private static final Instant AT = Instant.parse("2026-01-19T12:00:00Z");
  private final UserId ada = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());
  private final ConversationId conversation = ConversationId.between(ada, bob);
  private final MessageId message = new MessageId(UUID.randomUUID());

  private JsonNode data(DmEvent payload, long seq) {
    var envelope =
        Event.decided(
            new CommandId(UUID.randomUUID()), 0, conversation.value(), seq, AT, ada, payload);
    return Json.mapper().readTree(DirectEvents.data(envelope, payload));
  }

  @Test
  void shouldSendASentMessageAsTheConversationPagesShowItWhenSent() {
    var data = data(new DirectMessageSent(conversation, message, ada, bob, "hi", true), 7);

    assertThat(fieldNames(data))
        .containsExactly("id", "conversationId", "authorId", "content", "createdAt", "seq");
    assertThat(data.get("id").stringValue()).isEqualTo(message.toString());
    assertThat(data.get("conversationId").stringValue()).isEqualTo(conversation.toString());
    assertThat(data.get("authorId").stringValue()).isEqualTo(ada.toString());
    assertThat(data.get("content").stringValue()).isEqualTo("hi");
    assertThat(data.get("createdAt").stringValue()).isEqualTo(AT.toString());
    assertThat(data.get("seq").longValue()).isEqualTo(7);
  }

  @Test
  void shouldSendThePayloadWithItsSeqWhenAnyOtherEvent() {
    var opened = data(new ConversationOpened(conversation, ada, bob), 1);
    var deleted = data(new DirectMessageDeleted(conversation, message, ada, bob), 9);

    assertThat(fieldNames(opened))
        .containsExactlyInAnyOrder("conversationId", "initiatorId", "recipientId", "seq");
    assertThat(opened.get("initiatorId").stringValue()).isEqualTo(ada.toString());
    assertThat(opened.get("seq").longValue()).isEqualTo(1);
    assertThat(fieldNames(deleted))
        .containsExactlyInAnyOrder("conversationId", "messageId", "authorId", "recipientId", "seq");
    assertThat(deleted.get("messageId").stringValue()).isEqualTo(message.toString());
    assertThat(deleted.get("seq").longValue()).isEqualTo(9);
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    return java.util.List.copyOf(node.propertyNames());
  }
}
