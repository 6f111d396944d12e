package io.ohkay.schemas.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TypingTest {

  private static final UserId ALICE = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01");
  private static final UserId BOB = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e02");
  private static final ServerId SERVER = ServerId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5f01");
  private static final ChannelId CHANNEL = ChannelId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d6001");
  private static final ConversationId CONVERSATION = ConversationId.between(ALICE, BOB);
  private static final Instant AT = Instant.parse("2026-01-19T12:00:00Z");

  @Test
  void shouldBeKeyedByItsServerAndOmitTheConversationWhenInAChannel() {
    var typing = Typing.inChannel(ALICE, SERVER, CHANNEL, AT);

    var json = new String(Json.write(typing), StandardCharsets.UTF_8);

    assertThat(typing.key()).isEqualTo(SERVER.toString());
    assertThat(json).contains("\"type\":\"typing.v1\"").doesNotContain("conversationId");
    assertThat(Json.read(Json.write(typing), Signal.class)).isEqualTo(typing);
  }

  @Test
  void shouldBeKeyedByItsConversationAndOmitTheServerWhenInAConversation() {
    var typing = Typing.inConversation(ALICE, BOB, AT);

    var json = new String(Json.write(typing), StandardCharsets.UTF_8);

    assertThat(typing.key()).isEqualTo(CONVERSATION.toString());
    assertThat(typing.conversationId()).isEqualTo(CONVERSATION);
    assertThat(json).doesNotContain("serverId").doesNotContain("channelId");
    assertThat(Json.read(Json.write(typing), Signal.class)).isEqualTo(typing);
  }

  @Test
  void shouldRefuseWhenThePlaceIsIncompleteOrBoth() {
    assertThatThrownBy(() -> new Typing(ALICE, SERVER, null, null, null, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Typing(ALICE, null, CHANNEL, null, null, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Typing(ALICE, null, null, null, null, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Typing(ALICE, SERVER, CHANNEL, CONVERSATION, BOB, AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseWhenAConversationLacksItsRecipientOrIsNotThePairs() {
    var carol = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e03");

    assertThatThrownBy(() -> new Typing(ALICE, null, null, CONVERSATION, null, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Typing(ALICE, null, null, CONVERSATION, carol, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Typing(ALICE, SERVER, CHANNEL, null, BOB, AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseWhenReadWithBothPlaces() {
    var json =
        "{\"type\":\"typing.v1\",\"userId\":\"%s\",\"serverId\":\"%s\",\"channelId\":\"%s\",\"conversationId\":\"%s\",\"at\":\"%s\"}"
            .formatted(ALICE, SERVER, CHANNEL, CONVERSATION, AT);

    assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), Signal.class))
        .isInstanceOf(RuntimeException.class);
  }
}
