package io.ohkay.edge.stream;

import static io.ohkay.edge.stream.OpenStreams.awaitEvent;
import static io.ohkay.edge.stream.OpenStreams.awaitPosted;
import static io.ohkay.edge.stream.StreamEvents.event;
import static io.ohkay.edge.stream.StreamEvents.posted;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.edge.SseConnection.SseEvent;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Channel permissions on the live stream, on the real broker and databases: a member receives the
 * events of a channel only while they can view it, as the server database says when their stream
 * loads it and as the feed changes it after that.
 */
@EdgeIntegrationTest(properties = "ohkay.edge.heartbeat-interval=1s")
class StreamPermissionsIT {

  private static final List<Permission> VIEW = List.of(Permission.VIEW_CHANNEL);

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("perm");

  @LocalServerPort int port;
  @RegisterExtension final OpenStreams streams = new OpenStreams();

  @Test
  void shouldStreamAChannelOnlyToMembersWhoCanViewItWhenTheDatabaseDeniesIt() {
    var owner = UUID.randomUUID();
    var member = UUID.randomUUID();
    var guild = ENV.createServer("Guild", owner);
    ENV.addMember(guild, member);
    var general = ENV.addChannel(guild, "general", 0);
    var secret = ENV.addChannel(guild, "secret", 1);
    ENV.setOverwrite(guild, secret, OverwriteTarget.MEMBER, member, List.of(), VIEW);
    var ownerStream = connect(owner);
    var memberStream = connect(member);

    var hidden = posted(guild, secret, owner, "owners only");
    var open = posted(guild, general, owner, "for everyone");
    ENV.publish(hidden, open);
    awaitPosted(ownerStream, open);
    awaitPosted(memberStream, open);

    assertThat(eventIds(ownerStream)).containsExactly(id(hidden), id(open));
    assertThat(eventIds(memberStream)).containsExactly(id(open));
  }

  @Test
  void shouldCutAChannelFromTheNextEventWhenAnOverwriteIsSetLive() {
    var owner = UUID.randomUUID();
    var member = UUID.randomUUID();
    var guild = ENV.createServer("Cut", owner);
    ENV.addMember(guild, member);
    var general = ENV.addChannel(guild, "general", 0);
    var secret = ENV.addChannel(guild, "secret", 1);
    var memberStream = connect(member);

    var before = posted(guild, secret, owner, "before");
    var deny =
        event(
            guild,
            owner,
            new ChannelOverwriteSet(
                new ServerId(guild),
                new ChannelId(secret),
                OverwriteTarget.MEMBER,
                member,
                List.of(),
                VIEW));
    var after = posted(guild, secret, owner, "after");
    var sentinel = posted(guild, general, owner, "sentinel");
    ENV.publish(before, deny, after, sentinel);
    awaitPosted(memberStream, sentinel);

    assertThat(eventIds(memberStream)).containsExactly(id(before), id(deny), id(sentinel));
  }

  @Test
  void shouldDeliverAJoinedServerFilteredOnceItsPermissionsLoadWhenJoiningLive() {
    var owner = UUID.randomUUID();
    var joiner = UUID.randomUUID();
    var club = ENV.createServer("Club", owner);
    var general = ENV.addChannel(club, "general", 0);
    var staff = ENV.addChannel(club, "staff", 1);
    ENV.setOverwrite(club, staff, OverwriteTarget.ROLE, club, List.of(), VIEW);
    var stream = connect(joiner);

    var joined = event(club, joiner, new MemberJoined(new ServerId(club), new UserId(joiner)));
    var hidden = posted(club, staff, owner, "staff only");
    var welcome = posted(club, general, owner, "welcome");
    ENV.applied(ENV.databaseOf(club), club, joined.seq() - 1);
    ENV.publish(joined, hidden, welcome);
    awaitPosted(stream, welcome);

    assertThat(eventIds(stream)).containsExactly(id(joined), id(welcome));
  }

  @Test
  void shouldTellEveryMemberThenEndTheServerWhenItIsDeleted() {
    var owner = UUID.randomUUID();
    var member = UUID.randomUUID();
    var doomed = ENV.createServer("Doomed", owner);
    var elsewhere = ENV.createServer("Elsewhere", member);
    ENV.addMember(doomed, member);
    var memberStream = connect(member);

    var deleted = event(doomed, owner, new ServerDeleted(new ServerId(doomed)));
    var late = posted(doomed, owner, "too late");
    var sentinel = posted(elsewhere, member, "still here");
    ENV.publish(deleted, late);
    ENV.publish(sentinel);
    awaitEvent(memberStream, "server.deleted.v1", deleted);
    awaitPosted(memberStream, sentinel);

    assertThat(eventIds(memberStream)).containsExactly(id(deleted), id(sentinel));
    assertThat(memberStream.ended()).isFalse();
  }

  private SseConnection connect(UUID user) {
    return streams.connect(port, ENV.tokens().valid(user));
  }

  private static String id(Event event) {
    return event.eventId().toString();
  }

  /** The event ids of every event the stream received but {@code ready}, in order. */
  private static List<String> eventIds(SseConnection stream) {
    return stream.events().stream()
        .filter(event -> !"ready".equals(event.event()))
        .map(SseEvent::data)
        .map(data -> data.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1"))
        .toList();
  }
}
