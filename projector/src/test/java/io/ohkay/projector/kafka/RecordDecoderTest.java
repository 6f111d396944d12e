package io.ohkay.projector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.DmLife;
import io.ohkay.projector.ServerLife;
import io.ohkay.projector.TestEvents;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.event.ServerEvent;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

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

  @Test
  void shouldSetRecordAsideWhenPayloadLacksAFieldItsFactRequires() {
    var life = DmLife.create();
    var offline = life.of(life.annBen(), 2);
    var onlyConversation = withPayloadFields(offline, "conversationId", "recipientOffline");
    var serverLife = ServerLife.create();
    var server = serverLife.history().server();
    var invite =
        serverFact(
            server,
            new InviteSent(server, serverLife.code(), serverLife.owner(), serverLife.ann()));
    var user = new UserId(UUID.randomUUID());
    var read = TestEvents.account(user).next(new NotificationsRead(user, UUID.randomUUID()));

    var dm = RecordDecoder.forDmEvents().decode(List.of(record(0, 0, onlyConversation)));
    var invites = decoder.decode(List.of(record(0, 0, withoutPayloadField(invite, "inviteeId"))));
    var auth =
        RecordDecoder.forAuthEvents()
            .decode(List.of(record(0, 0, withoutPayloadField(read, "userId"))));

    assertThat(List.of(dm, invites, auth)).allSatisfy(b -> assertThat(b.events()).isEmpty());
    assertThat(dm.undecodable())
        .singleElement()
        .satisfies(
            u -> assertThat(u.cause()).hasMessage("dm.message.sent.v1 has no payload.messageId"));
    assertThat(invites.undecodable())
        .singleElement()
        .satisfies(u -> assertThat(u.cause()).hasMessageEndingWith(" has no payload.inviteeId"));
    assertThat(auth.undecodable())
        .singleElement()
        .satisfies(u -> assertThat(u.cause()).hasMessageEndingWith(" has no payload.userId"));
  }

  @Test
  void shouldDecodeEventsWhenOnlyFieldsTheirFactAllowsToBeNullAreNull() {
    var user = new UserId(UUID.randomUUID());
    var readAll = TestEvents.account(user).next(new NotificationsRead(user, null));
    var life = ServerLife.create();
    var unexplained =
        serverFact(
            life.history().server(), new MemberBanned(life.history().server(), life.ann(), null));
    var anonymous =
        new Event(
            readAll.eventId(),
            readAll.commandId(),
            readAll.aggregateId(),
            readAll.seq(),
            readAll.occurredAt(),
            null,
            readAll.payload());

    var auth =
        RecordDecoder.forAuthEvents()
            .decode(
                List.of(
                    record(0, 0, Json.write(readAll)),
                    record(0, 1, Json.write(anonymous)),
                    record(0, 2, withoutPayloadField(readAll, "notificationId"))));
    var server = decoder.decode(List.of(record(0, 0, Json.write(unexplained))));

    assertThat(auth.undecodable()).isEmpty();
    assertThat(auth.events())
        .extracting(e -> e.event())
        .containsExactly(readAll, anonymous, readAll);
    assertThat(server.undecodable()).isEmpty();
    assertThat(server.events()).extracting(e -> e.event()).containsExactly(unexplained);
  }

  @Test
  void shouldDecodeEveryEventOfTheLivesWhenTheyAreWhatTheDecidersPublish() {
    var dms = DmLife.create().events();
    var servers = ServerLife.create().events();
    var accounts = TestEvents.accountLives().events();

    assertThat(decodeAll(RecordDecoder.forDmEvents(), dms)).containsExactlyElementsOf(dms);
    assertThat(decodeAll(decoder, servers)).containsExactlyElementsOf(servers);
    assertThat(decodeAll(RecordDecoder.forAuthEvents(), accounts))
        .containsExactlyElementsOf(accounts);
  }

  @Test
  void shouldSetRecordAsideWhenAConversationFactNamesTwoUsersWhoseConversationItIsNot() {
    var life = DmLife.create();
    var annBen = life.annBen();
    var message = new MessageId(UUID.randomUUID());
    var strangers =
        List.<DmEvent>of(
            new ConversationOpened(annBen, life.ann(), life.cy()),
            new DirectMessageSent(annBen, message, life.cy(), life.ben(), "hi", true),
            new DirectMessageDeleted(annBen, message, life.ann(), life.cy()),
            new UserBlocked(annBen, life.cy(), life.ben()),
            new UserUnblocked(annBen, life.ben(), life.cy()),
            new ConversationOpened(annBen, life.ann(), life.ann()));
    var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
    for (var i = 0; i < strangers.size(); i++) {
      var fact = TestEvents.event(annBen.value(), i + 1, TestEvents.AT, strangers.get(i));
      records.add(record(0, i, Json.write(fact)));
    }

    var batch = RecordDecoder.forDmEvents().decode(records);

    assertThat(batch.events()).isEmpty();
    assertThat(batch.undecodable())
        .extracting(u -> u.cause().getMessage())
        .hasSize(strangers.size())
        .satisfies(
            messages ->
                assertThat(messages.subList(0, 5))
                    .allSatisfy(m -> assertThat(m).contains("is not the conversation " + annBen)))
        .last()
        .asString()
        .contains("needs two users");
  }

  private static Event serverFact(ServerId server, ServerEvent fact) {
    return TestEvents.event(server.value(), 2, TestEvents.AT, fact);
  }

  private static List<Event> decodeAll(RecordDecoder decoder, List<Event> events) {
    var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
    for (var i = 0; i < events.size(); i++) {
      records.add(record(0, i, Json.write(events.get(i))));
    }
    var batch = decoder.decode(records);
    assertThat(batch.undecodable()).isEmpty();
    return batch.events().stream().map(e -> e.event()).toList();
  }

  /** The event's JSON without the payload's field {@code name}. */
  private static byte[] withoutPayloadField(Event event, String name) {
    var tree = (ObjectNode) Json.mapper().readTree(Json.write(event));
    ((ObjectNode) tree.get("payload")).remove(name);
    return Json.mapper().writeValueAsBytes(tree);
  }

  /** The event's JSON with only the payload's fields {@code names}. */
  private static byte[] withPayloadFields(Event event, String... names) {
    var tree = (ObjectNode) Json.mapper().readTree(Json.write(event));
    ((ObjectNode) tree.get("payload")).retain(names);
    return Json.mapper().writeValueAsBytes(tree);
  }

  private static ConsumerRecord<byte[], byte[]> record(
      int partition, long offset, byte @Nullable [] value) {
    return new ConsumerRecord<>(
        TOPIC, partition, offset, "key".getBytes(StandardCharsets.UTF_8), value);
  }
}
