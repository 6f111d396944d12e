package io.ohkay.edge.stream;

import static io.ohkay.edge.stream.OpenStreams.WAIT;
import static io.ohkay.edge.stream.OpenStreams.awaitPosted;
import static io.ohkay.edge.stream.StreamEvents.posted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.edge.SseConnection.SseEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Resuming on the real broker, with no events kept in memory: every resume is read back from Kafka.
 * A client that reconnects with the id of the last event it got receives every event it missed,
 * once and in order, then {@code ready}, then the live events; a cursor that cannot be served gets
 * {@code resync}.
 */
@EdgeIntegrationTest(properties = "ohkay.edge.resume-memory-records=0")
class StreamResumeIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("resume");

  @LocalServerPort int port;
  @RegisterExtension final OpenStreams streams = new OpenStreams();

  @Test
  void shouldReplayEveryMissedEventOnceInOrderWhenResumingFromTheLastEventId() {
    var member = UUID.randomUUID();
    var outsider = UUID.randomUUID();
    var guild = ENV.createServer("Guild", member);
    var elsewhere = ENV.createServer("Elsewhere", outsider);
    var first = streams.connect(port, ENV.tokens().valid(member));
    var seen = posted(guild, member, "seen");
    ENV.publish(seen);
    var last = awaitPosted(first, seen);
    first.close();

    var missed = new ArrayList<Event>();
    for (int i = 0; i < 12; i++) {
      var message = posted(guild, member, "missed " + i);
      missed.add(message);
      ENV.publish(message, posted(elsewhere, outsider, "not for the member " + i));
    }
    // As the projector would have by now: the server's permissions are read at its last seq.
    ENV.applied(ENV.databaseOf(guild), guild, missed.getLast().seq());
    var resumed = streams.add(SseConnection.resuming(port, ENV.tokens().valid(member), last.id()));
    var live = posted(guild, member, "live");
    ENV.publish(live);
    awaitPosted(resumed, live);

    var names = resumed.events().stream().map(SseEvent::event).toList();
    assertThat(names.subList(0, 12)).containsOnly("message.posted.v1");
    assertThat(names.subList(12, names.size())).containsExactly("ready", "message.posted.v1");
    assertThat(resumed.events("message.posted.v1"))
        .extracting(StreamResumeIT::eventId)
        .containsExactlyElementsOf(
            concat(missed.stream().map(e -> e.eventId().toString()).toList(), live));
    assertThat(resumed.events("message.posted.v1"))
        .extracting(SseEvent::data)
        .noneMatch(data -> data.contains("not for the member"));
  }

  @Test
  void shouldResumeFromAnyReplayedEventWithoutLossOrRepeatWhenDisconnectedAgain() {
    var member = UUID.randomUUID();
    var guild = ENV.createServer("Twice", member);
    var first = streams.connect(port, ENV.tokens().valid(member));
    var seen = posted(guild, member, "seen");
    ENV.publish(seen);
    var last = awaitPosted(first, seen);
    first.close();
    var missed = new ArrayList<Event>();
    for (int i = 0; i < 6; i++) {
      missed.add(posted(guild, member, "missed " + i));
    }
    ENV.publish(missed.toArray(Event[]::new));
    ENV.applied(ENV.databaseOf(guild), guild, missed.getLast().seq());

    var second = streams.add(SseConnection.resuming(port, ENV.tokens().valid(member), last.id()));
    var third = awaitPosted(second, missed.get(2));
    second.close();
    var resumedAgain =
        streams.add(SseConnection.resuming(port, ENV.tokens().valid(member), third.id()));
    await().atMost(WAIT).until(() -> !resumedAgain.events("ready").isEmpty());

    assertThat(resumedAgain.events("message.posted.v1"))
        .extracting(StreamResumeIT::eventId)
        .containsExactlyElementsOf(
            missed.subList(3, 6).stream().map(e -> e.eventId().toString()).toList());
  }

  @Test
  void shouldSendResyncThenGoLiveWhenTheCursorCannotBeServed() {
    var member = UUID.randomUUID();
    ENV.createServer("Lost", member);
    var ready = streams.connect(port, ENV.tokens().valid(member)).events("ready").getFirst();
    var otherCluster = ready.id().replaceFirst("^2\\.[^.]+\\.", "2.elsewhere.");

    for (var cursor : List.of("garbage", "1.s0-5", otherCluster)) {
      var stream = streams.add(SseConnection.resuming(port, ENV.tokens().valid(member), cursor));
      await().atMost(WAIT).until(() -> !stream.events("ready").isEmpty());
      var names = stream.events().stream().map(SseEvent::event).toList();
      assertThat(names).as(cursor).startsWith("resync", "ready");
      var resync = stream.events("resync").getFirst();
      assertThat(Json.mapper().readTree(resync.data()).get("cursor").stringValue())
          .isEqualTo(resync.id());
    }
  }

  private static String eventId(SseEvent event) {
    return Json.mapper().readTree(event.data()).get("eventId").stringValue();
  }

  private static List<String> concat(List<String> ids, Event last) {
    var all = new ArrayList<>(ids);
    all.add(last.eventId().toString());
    return all;
  }
}
