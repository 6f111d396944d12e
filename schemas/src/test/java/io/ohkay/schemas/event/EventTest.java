package io.ohkay.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

class EventTest {

  private static final CommandId COMMAND = new CommandId(UUID.randomUUID());
  private static final ServerId SERVER = new ServerId(UUID.randomUUID());
  private static final UserId USER = new UserId(UUID.randomUUID());
  private static final Instant AT = Instant.parse("2026-01-15T09:31:00Z");
  private static final MemberJoined JOINED = new MemberJoined(SERVER, USER);

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void shouldRefuseTheEventWhenSeqIsBelowOne(long seq) {
    assertThatThrownBy(
            () -> new Event(UUID.randomUUID(), COMMAND, SERVER.value(), seq, AT, USER, JOINED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seq");
  }

  @Test
  void shouldAcceptTheEventWhenSeqIsOne() {
    assertThatNoException()
        .isThrownBy(
            () -> new Event(UUID.randomUUID(), COMMAND, SERVER.value(), 1, AT, USER, JOINED));
  }

  @Test
  void shouldAcceptTheEventWhenThereIsNoActor() {
    var event = Event.decided(COMMAND, 0, SERVER.value(), 1, AT, null, JOINED);

    assertThat(event.actorId()).isNull();
    assertThat(new String(Json.write(event), StandardCharsets.UTF_8)).doesNotContain("actorId");
  }

  @Test
  void shouldRefuseTheEventWhenARequiredPartIsNull() {
    assertThatThrownBy(() -> new Event(null, COMMAND, SERVER.value(), 1, AT, USER, JOINED))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new Event(UUID.randomUUID(), null, SERVER.value(), 1, AT, USER, JOINED))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Event(UUID.randomUUID(), COMMAND, null, 1, AT, USER, JOINED))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new Event(UUID.randomUUID(), COMMAND, SERVER.value(), 1, null, USER, JOINED))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new Event(UUID.randomUUID(), COMMAND, SERVER.value(), 1, AT, USER, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void shouldDeriveIdAndTypeWhenDecidedFromACommand() {
    var event = Event.decided(COMMAND, 3, SERVER.value(), 7, AT, USER, JOINED);

    assertThat(event.eventId()).isEqualTo(Ids.eventId(COMMAND, 3));
    assertThat(event.type()).isEqualTo(EventTypes.MEMBER_JOINED);
    assertThat(event.payload().aggregateId()).isEqualTo(SERVER.value());
  }

  @Test
  void shouldRefuseJsonWhenSeqIsZero() {
    var json =
        json(Event.decided(COMMAND, 0, SERVER.value(), 1, AT, USER, JOINED))
            .replace("\"seq\":1", "\"seq\":0");

    assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), Event.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("seq starts at 1");
  }

  @Test
  void shouldRefuseJsonWhenTheTypeIsUnknown() {
    var json =
        json(Event.decided(COMMAND, 0, SERVER.value(), 1, AT, USER, JOINED))
            .replace(EventTypes.MEMBER_JOINED, "member.teleported.v1");

    assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), Event.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("unknown event type");
  }

  @Test
  void shouldRefuseJsonWhenSeqIsMissing() {
    var json =
        json(Event.decided(COMMAND, 0, SERVER.value(), 1, AT, USER, JOINED))
            .replace("\"seq\":1,", "");

    assertThatThrownBy(() -> Json.read(json.getBytes(StandardCharsets.UTF_8), Event.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void shouldIgnoreUnknownFieldsWhenANewerProducerAddedOne() {
    var event = Event.decided(COMMAND, 0, SERVER.value(), 1, AT, USER, JOINED);
    var json = json(event).replace("\"payload\":{", "\"payload\":{\"nickname\":\"al\",");

    assertThat(Json.read(json.getBytes(StandardCharsets.UTF_8), Event.class)).isEqualTo(event);
  }

  private static String json(Event event) {
    return new String(Json.write(event), StandardCharsets.UTF_8);
  }
}
