package io.ohkay.projector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.DmLife;
import io.ohkay.projector.TestEvents;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

  private static final String TOPIC = "t.ohkay.server.events";

  private final RecordDecoder decoder = RecordDecoder.forServerEvents();

  @Test
  void shouldDecodeEventsAndTrackOffsetsWhenRecordsAreValid() {
    var history = TestEvents.server(1);
    var records =
        List.of(
            record(0, 10, Json.write(history.events().get(0))),
            record(0, 11, Json.write(history.events().get(1))),
            record(3, 7, Json.write(history.events().get(2))));

    var batch = decoder.decode(records);

    assertThat(batch.events())
        .extracting(e -> e.event())
        .containsExactlyElementsOf(history.events().subList(0, 3));
    assertThat(batch.events()).extracting(e -> e.offset()).containsExactly(10L, 11L, 7L);
    assertThat(batch.undecodable()).isEmpty();
    assertThat(batch.firstOffsets())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(new TopicPartition(TOPIC, 0), 10L, new TopicPartition(TOPIC, 3), 7L));
  }

  @Test
  void shouldSetRecordAsideWhenValueIsNotJson() {
    var history = TestEvents.server(0);
    var records =
        List.of(
            record(0, 0, "not json".getBytes(StandardCharsets.UTF_8)),
            record(0, 1, Json.write(history.events().get(0))));

    var batch = decoder.decode(records);

    assertThat(batch.undecodable())
        .singleElement()
        .satisfies(u -> assertThat(u.record().offset()).isZero());
    assertThat(batch.events()).hasSize(1);
    assertThat(batch.firstOffsets()).containsEntry(new TopicPartition(TOPIC, 0), 0L);
  }

  @Test
  void shouldSetRecordAsideWhenTypeIsUnknown() {
    var json =
        new String(Json.write(TestEvents.server(0).events().get(0)), StandardCharsets.UTF_8)
            .replace("server.created.v1", "server.renamed.v9");

    var batch = decoder.decode(List.of(record(0, 0, json.getBytes(StandardCharsets.UTF_8))));

    assertThat(batch.events()).isEmpty();
    assertThat(batch.undecodable())
        .singleElement()
        .satisfies(u -> assertThat(u.cause()).hasStackTraceContaining("server.renamed.v9"));
  }

  @Test
  void shouldSetRecordAsideWhenValueIsMissing() {
    var batch = decoder.decode(List.of(record(0, 0, null)));

    assertThat(batch.undecodable())
        .singleElement()
        .satisfies(u -> assertThat(u.cause()).hasMessageContaining("no value"));
  }

  @Test
  void shouldSetRecordAsideWhenFactBelongsOnAnotherTopic() {
    var user = TestEvents.userRegistered(new UserId(UUID.randomUUID()), "a@b.c", "A");

    var batch = decoder.decode(List.of(record(0, 0, Json.write(user))));

    assertThat(batch.undecodable())
        .singleElement()
        .satisfies(u -> assertThat(u.cause()).hasMessageContaining("does not belong"));
  }

  @Test
  void shouldSetRecordAsideWhenPayloadServerIsNotTheAggregate() {
    var created = TestEvents.server(0).events().get(0);
    var misplaced =
        new Event(
            created.eventId(),
            created.commandId(),
            UUID.randomUUID(),
            1,
            created.occurredAt(),
            null,
            created.payload());

    var batch = decoder.decode(List.of(record(0, 0, Json.write(misplaced))));

    assertThat(batch.undecodable())
        .singleElement()
        .satisfies(u -> assertThat(u.cause()).hasMessageContaining("is not the aggregate"));
  }

  @Test
  void shouldDecodeOnlyConversationFactsOfTheirOwnConversationWhenTopicIsTheDmEvents() {
    var life = DmLife.create();
    var opened = life.of(life.annBen(), 1);
    var misplaced =
        new Event(
            opened.eventId(),
            opened.commandId(),
            life.benCy().value(),
            1,
            opened.occurredAt(),
            null,
            opened.payload());
    var serverFact = TestEvents.server(0).events().get(0);

    var batch =
        RecordDecoder.forDmEvents()
            .decode(
                List.of(
                    record(0, 0, Json.write(opened)),
                    record(0, 1, Json.write(misplaced)),
                    record(0, 2, Json.write(serverFact))));

    assertThat(batch.events()).extracting(e -> e.event()).containsExactly(opened);
    assertThat(batch.undecodable())
        .extracting(u -> u.cause().getMessage())
        .satisfiesExactly(
            first -> assertThat(first).contains("is not the aggregate"),
            second -> assertThat(second).contains("does not belong"));
  }

  private static ConsumerRecord<byte[], byte[]> record(
      int partition, long offset, byte @Nullable [] value) {
    return new ConsumerRecord<>(
        TOPIC, partition, offset, "key".getBytes(StandardCharsets.UTF_8), value);
  }
}
