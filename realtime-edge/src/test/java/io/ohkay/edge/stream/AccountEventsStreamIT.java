package io.ohkay.edge.stream;

import static io.ohkay.edge.stream.OpenStreams.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeHttp;
import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.edge.SseConnection.SseEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Account events on the real broker: revocations refuse tokens on every route and end open streams
 * with {@code revoked}; profile updates reach the user and their co-members; nothing else of an
 * account is ever streamed.
 */
@EdgeIntegrationTest
class AccountEventsStreamIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("acev");

  @LocalServerPort int port;
  @RegisterExtension final OpenStreams streams = new OpenStreams();

  @Test
  void shouldRefuseTheTokenOnEveryRouteWhenItsSessionIsRevoked() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    ENV.addUser(user, user + "@x.io", "Rita", null);
    var token = ENV.tokens().valid(user, session);
    var otherDevice = ENV.tokens().valid(user);
    var http = new EdgeHttp(port);
    assertThat(http.get("/api/servers", token).status()).isEqualTo(200);

    ENV.publishAccount(revoked(user, session, SessionRevoked.Reason.SIGNED_OUT));

    await().atMost(WAIT).until(() -> http.get("/api/servers", token).status() == 401);
    for (var path : List.of("/api/profiles/me", "/api/auth/session", "/api/stream")) {
      var reply = http.get(path, token);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.json().get("code").stringValue()).isEqualTo("UNAUTHENTICATED");
    }
    assertThat(http.get("/api/profiles/me", otherDevice).status()).isEqualTo(200);
  }

  @Test
  void shouldEndTheSessionsOpenStreamWithRevokedWhenTheSessionIsRevoked() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    ENV.createServer("Den", user);
    var revokedStream = connect(ENV.tokens().valid(user, session));
    var otherDevice = connect(ENV.tokens().valid(user));

    ENV.publishAccount(revoked(user, session, SessionRevoked.Reason.REFRESH_TOKEN_REUSED));

    await().atMost(WAIT).until(revokedStream::ended);
    var last = revokedStream.events().getLast();
    assertThat(last.event()).isEqualTo("revoked");
    assertThat(Json.mapper().readTree(last.data()).get("reason").stringValue())
        .isEqualTo("REFRESH_TOKEN_REUSED");
    assertThat(otherDevice.ended()).isFalse();
    assertThat(otherDevice.events("revoked")).isEmpty();
  }

  @Test
  void shouldEndEveryStreamOfTheUserWithAccountDeletedWhenTheAccountIsDeleted() {
    var user = UUID.randomUUID();
    var phone = connect(ENV.tokens().valid(user));
    var laptop = connect(ENV.tokens().valid(user));

    ENV.publishAccount(event(user, new UserDeleted(new UserId(user))));

    for (var stream : List.of(phone, laptop)) {
      await().atMost(WAIT).until(stream::ended);
      var last = stream.events().getLast();
      assertThat(last.event()).isEqualTo("revoked");
      assertThat(last.data()).isEqualTo("{\"reason\":\"ACCOUNT_DELETED\"}");
    }
    var again = new EdgeHttp(port).get("/api/stream", ENV.tokens().valid(user));
    assertThat(again.status()).isEqualTo(401);
  }

  @Test
  void shouldDeliverAProfileUpdateToCoMembersButNotToStrangersWhenUpdated() {
    var user = UUID.randomUUID();
    var friend = UUID.randomUUID();
    var stranger = UUID.randomUUID();
    var server = ENV.createServer("Book club", friend);
    ENV.addMember(server, user);
    ENV.createServer("Elsewhere", stranger);
    var friendStream = connect(ENV.tokens().valid(friend));
    var strangerStream = connect(ENV.tokens().valid(stranger));

    var updated = profile(user, "New Name");
    ENV.publishAccount(updated);
    var delivered = awaitProfile(friendStream, updated);
    var sentinel = profile(stranger, "Sentinel");
    ENV.publishAccount(sentinel);
    awaitProfile(strangerStream, sentinel);

    assertThat(delivered.data()).isEqualTo(new String(Json.write(updated), StandardCharsets.UTF_8));
    assertThat(StreamCursor.decode(delivered.id()).positions())
        .hasSize(3 * EdgeTestEnvironment.PARTITIONS);
    assertThat(strangerStream.events("profile.updated.v1"))
        .extracting(SseEvent::data)
        .noneMatch(data -> data.contains(updated.eventId().toString()));
  }

  @Test
  void shouldNeverStreamRegistrationsOrSessionsWhenTheyArePrivate() {
    var user = UUID.randomUUID();
    var friend = UUID.randomUUID();
    var server = ENV.createServer("Private", friend);
    ENV.addMember(server, user);
    var ownStream = connect(ENV.tokens().valid(user));
    var friendStream = connect(ENV.tokens().valid(friend));
    var userId = new UserId(user);

    var sentinel = profile(user, "After");
    ENV.publishAccount(
        event(user, new UserRegistered(userId, user + "@x.io", "$argon2id$secret", "Before")),
        event(
            user,
            new SessionStarted(
                userId, new SessionId(UUID.randomUUID()), Instant.now(), "10.1.2.3", "agent")),
        sentinel);
    awaitProfile(ownStream, sentinel);
    awaitProfile(friendStream, sentinel);

    for (var stream : List.of(ownStream, friendStream)) {
      assertThat(stream.events())
          .extracting(SseEvent::event)
          .containsExactly("ready", "profile.updated.v1");
      assertThat(stream.events())
          .extracting(SseEvent::data)
          .noneMatch(data -> data.contains("argon2id") || data.contains("10.1.2.3"));
    }
  }

  private SseConnection connect(String token) {
    return streams.connect(port, token);
  }

  private static SseEvent awaitProfile(SseConnection stream, Event event) {
    return OpenStreams.awaitEvent(stream, "profile.updated.v1", event);
  }

  private static Event revoked(UUID user, UUID session, SessionRevoked.Reason reason) {
    return event(user, new SessionRevoked(new UserId(user), new SessionId(session), reason));
  }

  private static Event profile(UUID user, String name) {
    return event(user, new ProfileUpdated(new UserId(user), name, null, null));
  }

  private static Event event(UUID user, EventPayload payload) {
    return StreamEvents.event(user, user, payload);
  }
}
