package io.ohkay.edge.stream;

import static io.ohkay.edge.stream.OpenStreams.awaitPosted;
import static io.ohkay.edge.stream.StreamEvents.event;
import static io.ohkay.edge.stream.StreamEvents.posted;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.edge.EdgeHttp;
import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.edge.SseConnection.SseEvent;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Membership changes on the real broker and registry: a kicked member's open stream gets its {@code
 * member.left.v1} and then nothing more of the server while the others go on, and the registry
 * reads (servers, channels, members) answer a former member 404.
 */
@EdgeIntegrationTest(properties = "ohkay.edge.heartbeat-interval=1s")
class MembershipChangesIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("mbr");

  @LocalServerPort int port;
  @RegisterExtension final OpenStreams streams = new OpenStreams();

  @Test
  void shouldEndTheServerForAKickedMemberAfterTellingThemWhenKicked() {
    var owner = UUID.randomUUID();
    var kicked = UUID.randomUUID();
    var guild = ENV.createServer("Guild", owner);
    var elsewhere = ENV.createServer("Elsewhere", kicked);
    ENV.addMember(guild, kicked);
    var ownerStream = connect(owner);
    var kickedStream = connect(kicked);

    var before = posted(guild, owner, "before the kick");
    var kick = event(guild, owner, left(guild, kicked, MemberLeft.Reason.KICKED));
    ENV.publish(before, kick);
    OpenStreams.awaitEvent(kickedStream, "member.left.v1", kick);
    removeMember(guild, kicked);
    var after = posted(guild, owner, "after the kick");
    ENV.publish(after);
    awaitPosted(ownerStream, after);
    var sentinel = posted(elsewhere, kicked, "still here");
    ENV.publish(sentinel);
    awaitPosted(kickedStream, sentinel);

    assertThat(eventIds(kickedStream))
        .containsExactly(before.eventId(), kick.eventId(), sentinel.eventId());
    assertThat(kickedStream.events("member.left.v1").getFirst().data())
        .contains("\"reason\":\"KICKED\"");
    assertThat(eventIds(ownerStream))
        .containsExactly(before.eventId(), kick.eventId(), after.eventId());
    assertThat(kickedStream.ended()).isFalse();
  }

  @Test
  void shouldStreamARejoiningMemberOnlyWhileAMemberWhenLeavingAndRejoining() {
    var owner = UUID.randomUUID();
    var wanderer = UUID.randomUUID();
    var club = ENV.createServer("Club", owner);
    var ownerStream = connect(owner);
    var stream = connect(wanderer);

    var joined = event(club, wanderer, new MemberJoined(new ServerId(club), new UserId(wanderer)));
    var during = posted(club, owner, "while a member");
    var leave = event(club, wanderer, left(club, wanderer, MemberLeft.Reason.LEFT));
    var away = posted(club, owner, "while away");
    var rejoined =
        event(club, wanderer, new MemberJoined(new ServerId(club), new UserId(wanderer)));
    var back = posted(club, owner, "welcome back");
    ENV.publish(joined, during, leave, away, rejoined, back);
    awaitPosted(ownerStream, back);
    awaitPosted(stream, back);

    assertThat(eventIds(stream))
        .containsExactly(
            joined.eventId(),
            during.eventId(),
            leave.eventId(),
            rejoined.eventId(),
            back.eventId());
  }

  @Test
  void shouldListTheMembersByJoinTimeOnlyToMembersWhenAsked() {
    var owner = UUID.randomUUID();
    var early = UUID.randomUUID();
    var late = UUID.randomUUID();
    var server = ENV.createServer("Members", owner);
    var start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS);
    addMember(server, late, start.plusSeconds(2));
    addMember(server, early, start.plusSeconds(1));
    var http = new EdgeHttp(port);

    var reply = http.get(members(server), ENV.tokens().valid(late));
    var stranger = http.get(members(server), ENV.tokens().valid(UUID.randomUUID()));
    var missing = http.get(members(UUID.randomUUID()), ENV.tokens().valid(owner));

    assertThat(reply.status()).isEqualTo(200);
    var ids = new ArrayList<String>();
    reply.json().get("members").forEach(member -> ids.add(member.get("userId").stringValue()));
    assertThat(ids).containsExactly(owner.toString(), early.toString(), late.toString());
    assertThat(Instant.parse(reply.json().get("members").get(1).get("joinedAt").stringValue()))
        .isEqualTo(start.plusSeconds(1).toInstant());
    for (var refused : List.of(stranger, missing)) {
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.json().get("code").stringValue()).isEqualTo("SERVER_NOT_FOUND");
    }
  }

  @Test
  void shouldAnswerABannedFormerMember404WhenTheRegistryAppliedTheBan() {
    var owner = UUID.randomUUID();
    var former = UUID.randomUUID();
    var server = ENV.createServer("Former", owner);
    var channel = ENV.addChannel(server, "general", 0);
    ENV.addMember(server, former);
    var http = new EdgeHttp(port);
    var token = ENV.tokens().valid(former);
    assertThat(http.get(channels(server), token).status()).isEqualTo(200);

    removeMember(server, former);
    ENV.sql(
        ENV.registryDatabase(),
        "insert into server_bans values (?, ?, 'spam', now())",
        server,
        former);

    for (var path :
        List.of(
            channels(server), channels(server) + "/" + channel + "/messages", members(server))) {
      var reply = http.get(path, token);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.json().get("code").stringValue()).isEqualTo("SERVER_NOT_FOUND");
    }
    assertThat(http.get("/api/servers", token).json().get("servers")).isEmpty();
  }

  @Test
  void shouldWaitForTheRegistryToApplyALeaveWhenTheLeaverNamesItsPosition() {
    var owner = UUID.randomUUID();
    var leaver = UUID.randomUUID();
    var server = ENV.createServer("Leaving", owner);
    ENV.addMember(server, leaver);
    ENV.applied(ENV.registryDatabase(), server, 6);
    ENV.applied(ENV.databaseOf(server), server, 7);
    var http = new EdgeHttp(port);

    CompletableFuture.runAsync(
        () -> {
          removeMember(server, leaver);
          ENV.applied(ENV.registryDatabase(), server, 7);
        },
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    var reply =
        http.get(
            channels(server), ENV.tokens().valid(leaver), "X-Ohkay-Min-Position", server + ":7");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("code").stringValue()).isEqualTo("SERVER_NOT_FOUND");
  }

  private static void addMember(UUID server, UUID user, OffsetDateTime joinedAt) {
    ENV.sql(
        ENV.registryDatabase(),
        "insert into server_members values (?, ?, ?)",
        server,
        user,
        joinedAt);
  }

  private static void removeMember(UUID server, UUID user) {
    ENV.sql(
        ENV.registryDatabase(),
        "delete from server_members where server_id = ? and user_id = ?",
        server,
        user);
  }

  private static String members(UUID server) {
    return "/api/servers/" + server + "/members";
  }

  private static String channels(UUID server) {
    return "/api/servers/" + server + "/channels";
  }

  private SseConnection connect(UUID user) {
    return streams.connect(port, ENV.tokens().valid(user));
  }

  /** The event ids of every event the stream received but {@code ready}, in order. */
  private static List<UUID> eventIds(SseConnection stream) {
    return stream.events().stream()
        .filter(event -> !"ready".equals(event.event()))
        .map(SseEvent::data)
        .map(data -> UUID.fromString(data.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1")))
        .toList();
  }

  private static MemberLeft left(UUID server, UUID user, MemberLeft.Reason reason) {
    return new MemberLeft(new ServerId(server), new UserId(user), reason);
  }
}
