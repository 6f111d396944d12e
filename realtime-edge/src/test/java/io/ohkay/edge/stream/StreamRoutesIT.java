package io.ohkay.edge.stream;

import static io.ohkay.edge.stream.OpenStreams.WAIT;
import static io.ohkay.edge.stream.OpenStreams.awaitPosted;
import static io.ohkay.edge.stream.StreamEvents.event;
import static io.ohkay.edge.stream.StreamEvents.posted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeHttp;
import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.edge.SseConnection.SseEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The live stream end to end on the real broker: events produced transactionally, as the decider
 * does, reach the members' SSE connections and no one else's.
 */
@EdgeIntegrationTest(
    properties = {"ohkay.edge.heartbeat-interval=1s", "ohkay.edge.connection-buffer-size=16"})
class StreamRoutesIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("sse");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @RegisterExtension final OpenStreams streams = new OpenStreams();

  @Test
  void shouldSendReadyWithTheCursorFirstWhenConnected() {
    var user = UUID.randomUUID();
    ENV.createServer("Lobby", user);

    var stream = connect(user);

    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.header("content-type")).startsWith("text/event-stream");
    assertThat(stream.header("cache-control")).isEqualTo("no-cache");
    assertThat(stream.header("x-accel-buffering")).isEqualTo("no");
    var ready = stream.events().getFirst();
    assertThat(ready.event()).isEqualTo("ready");
    var cursor = StreamCursor.decode(ready.id());
    assertThat(cursor.positions()).hasSize(3 * EdgeTestEnvironment.PARTITIONS);
    assertThat(ready.data()).isEqualTo("{\"cursor\":\"" + ready.id() + "\"}");
  }

  @Test
  void shouldDeliverMessagesOnlyToMembersWhenPosted() {
    var member = UUID.randomUUID();
    var outsider = UUID.randomUUID();
    var guild = ENV.createServer("Guild", member);
    var outsiders = ENV.createServer("Outsiders", outsider);
    var memberStream = connect(member);
    var outsiderStream = connect(outsider);

    var secret = posted(guild, member, "members only");
    ENV.publish(secret);
    var delivered = awaitPosted(memberStream, secret);
    var sentinel = posted(outsiders, outsider, "for the outsider");
    ENV.publish(sentinel);
    awaitPosted(outsiderStream, sentinel);

    assertThat(delivered.data()).isEqualTo(new String(Json.write(secret)));
    assertThat(StreamCursor.decode(delivered.id()).positions())
        .hasSize(3 * EdgeTestEnvironment.PARTITIONS);
    assertThat(outsiderStream.events("message.posted.v1"))
        .extracting(SseEvent::data)
        .noneMatch(data -> data.contains(secret.eventId().toString()));
  }

  @Test
  void shouldStartDeliveringAServerWhenTheConnectedUserJoinsIt() {
    var owner = UUID.randomUUID();
    var joiner = UUID.randomUUID();
    var server = ENV.createServer("Club", owner);
    var stream = connect(joiner);

    var joined = event(server, owner, new MemberJoined(new ServerId(server), new UserId(joiner)));
    var welcome = posted(server, owner, "welcome!");
    ENV.applied(ENV.databaseOf(server), server, joined.seq() - 1);
    ENV.publish(joined, welcome);

    awaitPosted(stream, welcome);
    assertThat(stream.events().stream().map(SseEvent::event))
        .containsSubsequence("ready", "member.joined.v1", "message.posted.v1");
  }

  @Test
  void shouldNeverDeliverAbortedEventsWhenReadingCommittedOnly() {
    var member = UUID.randomUUID();
    var server = ENV.createServer("Careful", member);
    var stream = connect(member);

    var aborted = posted(server, member, "never happened");
    ENV.publishAborted(aborted);
    // The decider's state aborts with its events, so the fact decided next takes the same seq.
    var next = posted(server, member, "happened");
    var committed =
        Event.decided(
            next.commandId(),
            0,
            next.aggregateId(),
            aborted.seq(),
            next.occurredAt(),
            next.actorId(),
            next.payload());
    ENV.publish(committed);

    awaitPosted(stream, committed);
    assertThat(stream.events("message.posted.v1")).hasSize(1);
  }

  @Test
  void shouldSendHeartbeatsWhenIdle() {
    var stream = connect(UUID.randomUUID());

    await().atMost(WAIT).until(() -> stream.comments().contains("hb"));
  }

  @Test
  void shouldEndASlowConnectionWithOverflowWithoutSlowingTheOthers() {
    var fastUser = UUID.randomUUID();
    var slowUser = UUID.randomUUID();
    var server = ENV.createServer("Firehose", fastUser);
    ENV.addMember(server, slowUser);
    var slow = streams.add(SseConnection.open(port, ENV.tokens().valid(slowUser), 4096));
    slow.readUntil("ready", WAIT);
    var fast = connect(fastUser);
    var health = context.getBean("edge", HealthIndicator.class);
    var connectionsBefore = (Integer) health.health().getDetails().get("connections");

    var published = 0;
    var content = "x".repeat(32 * 1024);
    while (published < 1_000 && connectionsOf(health) == connectionsBefore) {
      var batch = new Event[10];
      for (int i = 0; i < batch.length; i++) {
        batch[i] = posted(server, fastUser, content);
      }
      ENV.publish(batch);
      published += batch.length;
      var expected = published;
      await().atMost(WAIT).until(() -> fast.events("message.posted.v1").size() == expected);
    }

    slow.startReading();
    await().atMost(WAIT).until(slow::ended);
    var received = slow.events();
    var last = received.getLast();
    assertThat(last.event()).isEqualTo("overflow");
    assertThat(received.size() - 2).isPositive().isLessThan(published);
    assertThat(last.id()).isEqualTo(received.get(received.size() - 2).id());
    assertThat(last.data()).isEqualTo("{\"cursor\":\"" + last.id() + "\"}");
    assertThat(fast.events("message.posted.v1")).hasSize(published);
    assertThat(fast.ended()).isFalse();
  }

  @Test
  void shouldReportTheConsumerAndConnectionsWhenHealthy() {
    var stream = connect(UUID.randomUUID());
    var health = context.getBean("edge", HealthIndicator.class).health();

    assertThat(stream.status()).isEqualTo(200);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("consumerRunning", true)
        .containsEntry("revocationsLoaded", true)
        .containsEntry("assignedPartitions", 3 * EdgeTestEnvironment.PARTITIONS);
    assertThat((Integer) health.getDetails().get("connections")).isPositive();
  }

  @Test
  void shouldRefuseTheStreamWhenUnauthenticated() {
    var http = new EdgeHttp(port);

    var missing = http.get("/api/stream", null, "Accept", "text/event-stream");
    var expired = http.get("/api/stream", ENV.tokens().expired(UUID.randomUUID()));

    for (var reply : List.of(missing, expired)) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().get("code").stringValue()).isEqualTo("UNAUTHENTICATED");
    }
  }

  private static int connectionsOf(HealthIndicator health) {
    return (Integer) health.health().getDetails().get("connections");
  }

  private SseConnection connect(UUID user) {
    return streams.connect(port, ENV.tokens().valid(user));
  }
}
