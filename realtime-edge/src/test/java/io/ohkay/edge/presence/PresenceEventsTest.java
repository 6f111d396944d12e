package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.signal.Typing;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceEventsTest {

  private static final UserId ADA = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final Instant AT = Instant.parse("2026-01-19T12:00:00.250Z");

  @Test
  void shouldWriteTheUserAndTheLowerCaseStatusWhenPresenceChanges() {
    var data = PresenceEvents.presence(ADA, PresenceStatus.IDLE);

    assertThat(data).isEqualTo("{\"userId\":\"" + ADA + "\",\"status\":\"idle\"}");
  }

  @Test
  void shouldWriteTheServerChannelAndTimeWithoutAConversationWhenTypingInAChannel() {
    var server = new ServerId(UUID.randomUUID());
    var channel = new ChannelId(UUID.randomUUID());

    var data =
        Json.mapper().readTree(PresenceEvents.typing(Typing.inChannel(ADA, server, channel, AT)));

    assertThat(data.propertyNames()).containsExactly("userId", "serverId", "channelId", "at");
    assertThat(data.get("serverId").asString()).isEqualTo(server.toString());
    assertThat(data.get("channelId").asString()).isEqualTo(channel.toString());
    assertThat(data.get("at").asString()).isEqualTo("2026-01-19T12:00:00.250Z");
  }

  @Test
  void shouldWriteTheConversationOnlyWhenTypingInAConversation() {
    var conversation = ConversationId.between(ADA, BOB);

    var data = Json.mapper().readTree(PresenceEvents.typing(Typing.inConversation(BOB, ADA, AT)));

    assertThat(data.propertyNames()).containsExactly("userId", "conversationId", "at");
    assertThat(data.get("userId").asString()).isEqualTo(BOB.toString());
    assertThat(data.get("conversationId").asString()).isEqualTo(conversation.toString());
  }
}
