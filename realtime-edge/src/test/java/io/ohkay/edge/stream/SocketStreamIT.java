package io.ohkay.edge.stream;

import static io.ohkay.edge.stream.OpenStreams.WAIT;
import static io.ohkay.edge.stream.OpenStreams.awaitPosted;
import static io.ohkay.edge.stream.StreamEvents.event;
import static io.ohkay.edge.stream.StreamEvents.posted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.WsConnection;
import io.ohkay.edge.WsConnection.WsFrame;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/ws} end to end on the real broker: the same events as SSE, with the same cursors,
 * as JSON frames; a {@code resume} frame gives exactly what was missed, then {@code ready}; typing
 * and presence frames go where the HTTP routes send them; bad frames get {@code error} frames, a
 * bad first one a close code too. Resumes are read back from Kafka (no events kept in memory).
 */
@EdgeIntegrationTest(
    properties = {
      "ohkay.edge.heartbeat-interval=1s",
      "ohkay.edge.resume-memory-records=0",
      "ohkay.edge.connection-buffer-size=16"
    })
class SocketStreamIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("ws");

  private static final String START = "{\"type\":\"start\"}";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @RegisterExtension final OpenStreams streams = new OpenStreams();
  private final List<WsConnection> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() {
    sockets.forEach(WsConnection::close);
  }

  @Test
  void shouldStreamTheSseEventsWithTheSameCursorsAsJsonFramesWhenStarted() {
    var member = UUID.randomUUID();
    var outsider = UUID.randomUUID();
    var guild = ENV.createServer("Guild", member);
    ENV.createServer("Outsiders", outsider);
    var socket = started(member);
    var sse = streams.connect(port, ENV.tokens().valid(member));
    var outsiderSocket = started(outsider);

    var secret = posted(guild, member, "members \"only\"\nsecond line");
    ENV.publish(secret);
    var viaSse = awaitPosted(sse, secret);
    var frame = awaitFrame(socket, "message.posted.v1", secret.eventId().toString());

    assertThat(frame.cursor()).isEqualTo(viaSse.id());
    assertThat(frame.data()).isEqualTo(Json.mapper().readTree(viaSse.data()));
    assertThat(frame.data().get("eventId").stringValue()).isEqualTo(secret.eventId().toString());
    assertThat(frame.text()).startsWith("{\"event\":\"message.posted.v1\",\"cursor\":\"");
    var ready = socket.frames().getFirst();
    assertThat(ready.event()).isEqualTo("ready");
    assertThat(ready.data().get("cursor").stringValue()).isEqualTo(ready.cursor());
    assertThat(StreamCursor.decode(ready.cursor()).positions())
        .hasSize(3 * EdgeTestEnvironment.PARTITIONS);
    assertThat(outsiderSocket.frames()).extracting(WsFrame::event).containsExactly("ready");
  }

  @Test
  void shouldStreamNothingBeforeTheFirstFrameWhenOpened() {
    var member = UUID.randomUUID();
    var guild = ENV.createServer("Patient", member);
    var socket = open(ENV.tokens().valid(member), "");
    var sse = streams.connect(port, ENV.tokens().valid(member));

    var before = posted(guild, member, "before the start");
    ENV.publish(before);
    awaitPosted(sse, before);
    assertThat(socket.allFrames()).isEmpty();
    socket.send(START);
    await().atMost(WAIT).until(() -> !socket.frames("ready").isEmpty());
    var after = posted(guild, member, "after the start");
    ENV.publish(after);
    awaitFrame(socket, "message.posted.v1", after.eventId().toString());

    assertThat(socket.frames())
        .extracting(WsFrame::event)
        .containsExactly("ready", "message.posted.v1");
  }

  @Test
  void shouldReplayEveryMissedEventOnceInOrderThenReadyWhenResumed() {
    var member = UUID.randomUUID();
    var outsider = UUID.randomUUID();
    var guild = ENV.createServer("Resumed", member);
    var elsewhere = ENV.createServer("Elsewhere", outsider);
    var first = started(member);
    var seen = posted(guild, member, "seen");
    ENV.publish(seen);
    var last = awaitFrame(first, "message.posted.v1", seen.eventId().toString());
    first.close();

    var missed = new ArrayList<Event>();
    for (int i = 0; i < 12; i++) {
      var message = posted(guild, member, "missed " + i);
      missed.add(message);
      ENV.publish(message, posted(elsewhere, outsider, "not for the member " + i));
    }
    ENV.applied(ENV.databaseOf(guild), guild, missed.getLast().seq());
    var resumed = open(ENV.tokens().valid(member), "");
    resumed.send("{\"type\":\"resume\",\"cursor\":\"" + last.cursor() + "\"}");
    // Live once the permissions line up with the feed (no projector here to catch up later).
    await().atMost(WAIT).until(() -> !resumed.frames("ready").isEmpty());
    var live = posted(guild, member, "live");
    ENV.publish(live);
    awaitFrame(resumed, "message.posted.v1", live.eventId().toString());

    var names = resumed.frames().stream().map(WsFrame::event).toList();
    assertThat(names.subList(0, 12)).containsOnly("message.posted.v1");
    assertThat(names.subList(12, names.size())).containsExactly("ready", "message.posted.v1");
    var expected = new ArrayList<String>();
    missed.forEach(message -> expected.add(message.eventId().toString()));
    expected.add(live.eventId().toString());
    assertThat(resumed.frames("message.posted.v1"))
        .extracting(frame -> frame.data().get("eventId").stringValue())
        .containsExactlyElementsOf(expected);
    assertThat(resumed.frames("message.posted.v1"))
        .extracting(WsFrame::cursor)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldAnswerAnErrorFrameThenCloseWithItsCodeWhenTheFirstFrameIsBad() {
    var user = UUID.randomUUID();
    var frames =
        Map.of(
            "not json",
            "MALFORMED_JSON",
            "{\"type\":\"resume\"}",
            "VALIDATION_FAILED",
            "{\"type\":\"typing\",\"conversationId\":\"" + UUID.randomUUID() + "\"}",
            "VALIDATION_FAILED");

    frames.forEach(
        (text, code) -> {
          var socket = open(ENV.tokens().valid(user), "");
          socket.send(text);
          await().atMost(WAIT).until(() -> socket.closeCode() != -1);
          assertThat(socket.closeCode()).as(text).isEqualTo(4400);
          assertThat(socket.allFrames()).as(text).hasSize(1);
          var error = socket.allFrames().getFirst();
          assertThat(error.event()).isEqualTo("error");
          assertThat(error.cursor()).isNull();
          assertThat(error.data().get("code").stringValue()).as(text).isEqualTo(code);
          assertThat(error.data().get("status").intValue()).isEqualTo(400);
        });
  }

  @Test
  void shouldCloseWithItsCodeWhenNoFirstFrameComesInTime() {
    var socket = open(ENV.tokens().valid(UUID.randomUUID()), "");

    await().atMost(SocketOpening.FIRST_FRAME_WAIT.plus(WAIT)).until(() -> socket.closeCode() != -1);

    assertThat(socket.closeCode()).isEqualTo(4408);
    assertThat(socket.frames("error")).hasSize(1);
    assertThat(socket.frames()).extracting(WsFrame::event).containsExactly("error");
  }

  @Test
  void shouldGiveTypingToTheOtherParticipantAndErrorFramesForRefusedOnesWhenStreaming() {
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var conversation = ENV.openConversation(alice, bob, Instant.now());
    var server = ENV.createServer("Typists", alice);
    ENV.addMember(server, bob);
    var channel = ENV.addChannel(server, "general", 0);
    var aliceSocket = started(alice);
    var bobSocket = started(bob);

    aliceSocket.send("{\"type\":\"typing\",\"conversationId\":\"" + conversation + "\"}");
    aliceSocket.send(
        "{\"type\":\"typing\",\"serverId\":\"" + server + "\",\"channelId\":\"" + channel + "\"}");
    aliceSocket.send("{\"type\":\"typing\",\"conversationId\":\"" + UUID.randomUUID() + "\"}");
    aliceSocket.send("{\"type\":");
    aliceSocket.send(START);

    await()
        .atMost(WAIT)
        .until(() -> typing(bobSocket, "conversationId").contains(conversation.toString()));
    await().atMost(WAIT).until(() -> typing(bobSocket, "channelId").contains(channel.toString()));
    await().atMost(WAIT).until(() -> aliceSocket.frames("error").size() == 3);
    assertThat(aliceSocket.frames("error"))
        .extracting(frame -> frame.data().get("code").stringValue())
        .containsExactly("CONVERSATION_NOT_FOUND", "MALFORMED_JSON", "VALIDATION_FAILED");
    assertThat(bobSocket.frames("typing"))
        .allSatisfy(
            frame -> {
              assertThat(frame.cursor()).isNull();
              assertThat(frame.data().get("userId").stringValue()).isEqualTo(alice.toString());
            });
    assertThat(aliceSocket.frames("typing")).isEmpty();
    var after = posted(server, alice, "still open");
    ENV.publish(after);
    awaitFrame(aliceSocket, "message.posted.v1", after.eventId().toString());
    assertThat(aliceSocket.closeCode()).isEqualTo(-1);
  }

  @Test
  void shouldTellCoMembersWhenTheUserSaysIdle() {
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var server = ENV.createServer("Idlers", alice);
    ENV.addMember(server, bob);
    var bobSocket = started(bob);
    var aliceSocket = started(alice);

    aliceSocket.send("{\"type\":\"presence\",\"status\":\"idle\"}");
    aliceSocket.send("{\"type\":\"presence\",\"status\":\"away\"}");

    await()
        .atMost(WAIT)
        .until(
            () ->
                bobSocket.frames("presence").stream()
                    .anyMatch(
                        frame ->
                            frame.data().get("userId").stringValue().equals(alice.toString())
                                && frame.data().get("status").stringValue().equals("idle")));
    await().atMost(WAIT).until(() -> aliceSocket.frames("error").size() == 1);
    assertThat(aliceSocket.frames("error").getFirst().data().get("code").stringValue())
        .isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void shouldEndWithRevokedThenCloseWithItsCodeWhenTheSessionIsRevoked() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    var socket = open(ENV.tokens().valid(user, session), "");
    socket.send(START);
    await().atMost(WAIT).until(() -> !socket.frames("ready").isEmpty());

    ENV.publishAccount(
        event(
            user,
            user,
            new SessionRevoked(
                new UserId(user), new SessionId(session), SessionRevoked.Reason.SIGNED_OUT)));

    await().atMost(WAIT).until(() -> socket.closeCode() != -1);
    assertThat(socket.closeCode()).isEqualTo(4401);
    var last = socket.frames().getLast();
    assertThat(last.event()).isEqualTo("revoked");
    assertThat(last.data().get("reason").stringValue()).isEqualTo("SIGNED_OUT");
    assertThat(last.cursor()).isNotNull();
  }

  @Test
  void shouldEndASlowSocketWithOverflowThenCloseWithItsCodeWithoutSlowingTheOthers() {
    var fastUser = UUID.randomUUID();
    var slowUser = UUID.randomUUID();
    var server = ENV.createServer("Firehose", fastUser);
    ENV.addMember(server, slowUser);
    var health = context.getBean("edge", HealthIndicator.class);
    await().atMost(WAIT).until(() -> connections(health) == 0);
    var slow = started(slowUser);
    slow.stall();
    var fast = started(fastUser);

    var published = 0;
    var content = "x".repeat(32 * 1024);
    while (published < 1_000 && connections(health) == 2) {
      var batch = new Event[10];
      for (int i = 0; i < batch.length; i++) {
        batch[i] = posted(server, fastUser, content);
      }
      ENV.publish(batch);
      published += batch.length;
      var expected = published;
      await().atMost(WAIT).until(() -> fast.frames("message.posted.v1").size() == expected);
    }
    slow.resume();
    var sent = published;

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(slow.closeCode())
                    .as(
                        () ->
                            "the slow socket, after "
                                + slow.frames().size()
                                + " frames ending "
                                + slow.frames().getLast().event()
                                + ", of "
                                + sent)
                    .isNotEqualTo(-1));
    assertThat(slow.closeCode()).isEqualTo(4429);
    var received = slow.frames();
    var last = received.getLast();
    assertThat(last.event()).isEqualTo("overflow");
    assertThat(received.size() - 2).isPositive().isLessThan(published);
    assertThat(last.cursor()).isEqualTo(received.get(received.size() - 2).cursor());
    assertThat(last.data().get("cursor").stringValue()).isEqualTo(last.cursor());
    assertThat(fast.frames("message.posted.v1")).hasSize(published);
    assertThat(fast.closeCode()).isEqualTo(-1);
  }

  @Test
  void shouldPingWhenIdle() {
    var socket = started(UUID.randomUUID());

    await().atMost(WAIT).until(() -> socket.pings() >= 2);
    assertThat(socket.closeCode()).isEqualTo(-1);
  }

  @Test
  void shouldAcceptATicketAndRefuseATokenInTheUrlOrNoneAtTheHandshake() {
    var user = UUID.randomUUID();
    ENV.createServer("Ticketed", user);
    var socket = open(null, "?ticket=" + ENV.tokens().ticket(user));
    socket.send(START);
    await().atMost(WAIT).until(() -> !socket.frames("ready").isEmpty());

    var inUrl = handshake("?access_token=" + ENV.tokens().valid(user), null);
    var none = handshake("", null);
    var expired = handshake("", ENV.tokens().expired(user));
    var ticketAsToken = handshake("", ENV.tokens().ticket(user));

    assertRefused(inUrl, 400, "VALIDATION_FAILED");
    for (var refused : List.of(none, expired, ticketAsToken)) {
      assertRefused(refused, 401, "UNAUTHENTICATED");
      assertThat(refused.headers()).containsKey("www-authenticate");
    }
  }

  private static int connections(HealthIndicator health) {
    return (Integer) health.health().getDetails().get("connections");
  }

  private WsConnection started(UUID user) {
    var socket = open(ENV.tokens().valid(user), "");
    socket.send(START);
    await().atMost(WAIT).until(() -> !socket.frames("ready").isEmpty());
    return socket;
  }

  private WsConnection open(@Nullable String token, String query) {
    var socket = WsConnection.open(port, token, query);
    sockets.add(socket);
    return socket;
  }

  private static WsFrame awaitFrame(WsConnection socket, String event, String text) {
    await()
        .atMost(WAIT)
        .until(() -> socket.frames(event).stream().anyMatch(f -> f.text().contains(text)));
    return socket.frames(event).stream()
        .filter(frame -> frame.text().contains(text))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> typing(WsConnection socket, String field) {
    return socket.frames("typing").stream()
        .map(frame -> frame.data().get(field))
        .filter(node -> node != null)
        .map(JsonNode::stringValue)
        .toList();
  }

  /** A refused handshake: its status, headers (lower-case names) and problem body. */
  private record Refused(int status, Map<String, String> headers, JsonNode body) {}

  /** A WebSocket handshake on a bare socket, to read a refusal's body. */
  private Refused handshake(String query, @Nullable String token) {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) WAIT.toMillis());
      var request =
          "GET /api/ws"
              + query
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      var in = new BufferedInputStream(socket.getInputStream());
      var status = Integer.parseInt(line(in).split(" ")[1]);
      var headers = new HashMap<String, String>();
      for (var header = line(in); !header.isEmpty(); header = line(in)) {
        var colon = header.indexOf(':');
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
      var body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      return new Refused(status, headers, Json.mapper().readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(InputStream in) throws IOException {
    var bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  private static void assertRefused(Refused refused, int status, String code) {
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(status);
    assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
    assertThat(refused.body().get("code").stringValue()).isEqualTo(code);
  }
}
