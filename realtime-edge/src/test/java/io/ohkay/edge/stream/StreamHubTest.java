package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;

class StreamHubTest {

  private static final String SERVERS = "ohkay.server.events";
  private static final String ACCOUNTS = "ohkay.auth.events";

  private final StreamHub hub = new StreamHub(SERVERS, Map.of(SERVERS, 's', ACCOUNTS, 'a'), 4);
  private final UUID guild = UUID.randomUUID();
  private final UUID club = UUID.randomUUID();
  private long offset;

  @Test
  void shouldDeliverAServerEventOnlyToItsMembersWhenDispatched() {
    var alice = live(UUID.randomUUID(), guild);
    var bob = live(UUID.randomUUID(), club);

    var posted = posted(guild);
    hub.onRecord(record(SERVERS, 2, posted));

    assertThat(names(alice.received)).containsExactly("ready", "message.posted.v1");
    assertThat(bob.received).extracting(ServerSentEvent::event).containsExactly("ready");
    var delivered = alice.received.getLast();
    assertThat(delivered.data()).isEqualTo(new String(Json.write(posted), StandardCharsets.UTF_8));
    assertThat(delivered.id()).isEqualTo("1.s2-" + offset);
  }

  @Test
  void shouldStartDeliveringAServerWhenTheConnectedUserJoinsIt() {
    var user = UUID.randomUUID();
    var alice = live(user);

    hub.onRecord(record(SERVERS, 0, posted(guild)));
    hub.onRecord(record(SERVERS, 0, joined(guild, user)));
    hub.onRecord(record(SERVERS, 0, posted(guild)));

    assertThat(names(alice.received))
        .containsExactly("ready", "member.joined.v1", "message.posted.v1");
  }

  @Test
  void shouldApplyAJoinSeenBeforeTheConnectionWentLiveWhenActivated() {
    var user = UUID.randomUUID();
    var session = hub.open(new UserId(user));
    var received = subscribe(session);

    hub.onRecord(record(SERVERS, 0, joined(club, user)));
    hub.activate(session, List.of(guild));
    hub.onRecord(record(SERVERS, 0, posted(club)));

    assertThat(names(received)).containsExactly("ready", "message.posted.v1");
  }

  @Test
  void shouldCarryEveryPartitionPositionInReadyWhenConnecting() {
    hub.onAssigned(
        List.of(
            new FeedPosition(SERVERS, 0, 10),
            new FeedPosition(SERVERS, 1, 20),
            new FeedPosition(ACCOUNTS, 0, 3)));
    hub.onRecord(record(ACCOUNTS, 0, registered()));
    hub.onUnreadable(new FeedPosition(SERVERS, 1, 21));

    var alice = live(UUID.randomUUID(), guild);

    var ready = alice.received.getFirst();
    assertThat(ready.id()).isEqualTo("1.a0-" + offset + ".s0-10.s1-21");
    assertThat(ready.data()).isEqualTo("{\"cursor\":\"" + ready.id() + "\"}");
  }

  @Test
  void shouldNeverStreamAccountEventsWhenTheyCarryCredentials() {
    var user = UUID.randomUUID();
    var alice = live(user, user);

    hub.onRecord(record(ACCOUNTS, 0, registered()));

    assertThat(names(alice.received)).containsExactly("ready");
  }

  @Test
  void shouldDropAnOverflowingConnectionWithoutTouchingTheOthersWhenOneStalls() {
    var stalled = hub.open(new UserId(UUID.randomUUID()));
    hub.activate(stalled, List.of(guild));
    var keeping = live(UUID.randomUUID(), guild);

    for (int i = 0; i < 10; i++) {
      hub.onRecord(record(SERVERS, 0, posted(guild)));
    }

    assertThat(stalled.isOverflowed()).isTrue();
    assertThat(hub.connections()).isOne();
    assertThat(keeping.received).hasSize(11);
  }

  @Test
  void shouldEndEveryConnectionAndRefuseNewOnesWhenStopped() {
    var alice = live(UUID.randomUUID(), guild);

    hub.stop();
    var late = hub.open(new UserId(UUID.randomUUID()));

    assertThat(hub.isRunning()).isFalse();
    assertThat(alice.completed[0]).isTrue();
    assertThat(late.offer(ServerSentEvent.<String>builder().data("x").build())).isFalse();
  }

  @Test
  void shouldForgetAConnectionWhenClosed() {
    var alice = live(UUID.randomUUID(), guild);

    hub.close(alice.session);
    hub.close(alice.session);
    hub.onRecord(record(SERVERS, 0, posted(guild)));

    assertThat(hub.connections()).isZero();
    assertThat(names(alice.received)).containsExactly("ready");
  }

  private record Live(
      StreamSession session, List<ServerSentEvent<String>> received, boolean[] completed) {}

  private Live live(UUID user, UUID... servers) {
    var session = hub.open(new UserId(user));
    var received = new ArrayList<ServerSentEvent<String>>();
    var completed = new boolean[1];
    session.events().subscribe(received::add, error -> {}, () -> completed[0] = true);
    hub.activate(session, List.of(servers));
    return new Live(session, received, completed);
  }

  private static List<ServerSentEvent<String>> subscribe(StreamSession session) {
    var received = new ArrayList<ServerSentEvent<String>>();
    session.events().subscribe(received::add);
    return received;
  }

  private static List<String> names(List<ServerSentEvent<String>> events) {
    return events.stream().map(ServerSentEvent::event).toList();
  }

  private FeedRecord record(String topic, int partition, Event event) {
    var json = new String(Json.write(event), StandardCharsets.UTF_8);
    var payload = Json.mapper().readTree(json).get("payload");
    return new FeedRecord(
        topic, partition, offset++, event.type(), event.aggregateId(), event.seq(), payload, json);
  }

  private static Event posted(UUID server) {
    var author = new UserId(UUID.randomUUID());
    return event(
        server,
        new MessagePosted(
            new ServerId(server),
            new ChannelId(UUID.randomUUID()),
            new MessageId(UUID.randomUUID()),
            author,
            "hello"));
  }

  private static Event joined(UUID server, UUID user) {
    return event(server, new MemberJoined(new ServerId(server), new UserId(user)));
  }

  private static Event registered() {
    var user = UUID.randomUUID();
    return event(
        user, new UserRegistered(new UserId(user), "a@example.com", "$argon2id$secret", "Alice"));
  }

  private static Event event(UUID aggregate, EventPayload payload) {
    return Event.decided(
        new CommandId(UUID.randomUUID()), 0, aggregate, 1, Instant.now(), null, payload);
  }
}
