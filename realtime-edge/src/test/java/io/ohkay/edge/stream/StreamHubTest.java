package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.access.AccessSnapshot;
import io.ohkay.edge.kafka.FeedPosition;
import io.ohkay.edge.kafka.FeedRecord;
import io.ohkay.edge.presence.UserPresence;
import io.ohkay.schemas.access.AccessModel;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.ChannelRead;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MembersMentioned;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.event.SessionRefreshed;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.SigninFailed;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import io.ohkay.schemas.signal.Typing;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.SessionRevocations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class StreamHubTest {

  private static final String SERVERS = "ohkay.server.events";
  private static final String ACCOUNTS = "ohkay.auth.events";
  private static final String DMS = "ohkay.dm.events";

  private final SessionRevocations revocations = new SessionRevocations();
  private final Map<UUID, List<UUID>> registry = new HashMap<>();
  private final Map<UUID, List<UUID>> memberRows = new HashMap<>();
  private final Map<UUID, Long> fedSeqs = new ConcurrentHashMap<>();
  private final Map<UUID, Long> createdSeqs = new HashMap<>();
  private final Map<UUID, Sinks.One<AccessSnapshot>> projection = new ConcurrentHashMap<>();
  private final List<String> presence = new ArrayList<>();
  private final StreamHub hub = hub(Duration.ofSeconds(10));
  private final UUID guild = UUID.randomUUID();
  private final UUID club = UUID.randomUUID();
  private long offset;

  @Test
  void shouldDeliverAServerEventOnlyToItsMembersWhenDispatched() {
    var alice = live(UUID.randomUUID(), guild);
    var bob = live(UUID.randomUUID(), club);

    var posted = posted(guild);
    feed(record(SERVERS, 2, posted));

    assertThat(names(alice.received)).containsExactly("ready", "message.posted.v1");
    assertThat(bob.received).extracting(StreamEvent::name).containsExactly("ready");
    var delivered = alice.received.getLast();
    assertThat(delivered.data()).isEqualTo(new String(Json.write(posted), StandardCharsets.UTF_8));
    assertThat(position(delivered, 's', 2)).isEqualTo(offset);
  }

  @Test
  void shouldEncodeAnEventOnceForAllItsConnectionsWhenFannedOut() {
    var connections =
        List.of(
            live(UUID.randomUUID(), guild),
            live(UUID.randomUUID(), guild),
            live(UUID.randomUUID(), guild));

    feed(record(SERVERS, 0, posted(guild)));

    var sse = new WrapRecorder();
    var socket = new WrapRecorder();
    for (var connection : connections) {
      var event = connection.received().getLast();
      StreamHandler.buffers(Flux.just(StreamBatch.of(event)), Duration.ofHours(1), sse)
          .blockLast(Duration.ofSeconds(5));
      SocketConnection.text(event, socket);
    }
    var shared = connections.getFirst().received().getLast();
    assertThat(connections)
        .extracting(connection -> connection.received().getLast())
        .allSatisfy(event -> assertThat(event).isSameAs(shared));
    for (var encoding : List.of(sse, socket)) {
      assertThat(encoding.wrapped)
          .hasSize(3)
          .allSatisfy(bytes -> assertThat(bytes).isSameAs(encoding.wrapped.getFirst()));
    }
  }

  /** Records the arrays each connection's buffers wrap. */
  private static final class WrapRecorder extends DefaultDataBufferFactory {

    private final List<byte[]> wrapped = new ArrayList<>();

    @Override
    public DefaultDataBuffer wrap(byte[] bytes) {
      wrapped.add(bytes);
      return super.wrap(bytes);
    }
  }

  @Test
  void shouldStartDeliveringAServerWhenTheConnectedUserJoinsIt() {
    var user = UUID.randomUUID();
    var alice = live(user);

    feed(record(SERVERS, 0, posted(guild)));
    feed(record(SERVERS, 0, joined(guild, user)));
    feed(record(SERVERS, 0, posted(guild)));

    assertThat(names(alice.received))
        .containsExactly("ready", "member.joined.v1", "message.posted.v1");
  }

  @Test
  void shouldDeliverMemberLeftThenNothingMoreOfTheServerWhenTheUserIsKicked() {
    var user = UUID.randomUUID();
    var kicked = live(user, guild, club);
    var otherDevice = live(user, guild);
    var stayer = live(UUID.randomUUID(), guild);

    feed(record(SERVERS, 0, posted(guild)));
    feed(record(SERVERS, 0, left(guild, user, MemberLeft.Reason.KICKED)));
    feed(record(SERVERS, 0, posted(guild)));
    feed(record(SERVERS, 0, posted(club)));

    assertThat(names(kicked.received))
        .containsExactly("ready", "message.posted.v1", "member.left.v1", "message.posted.v1");
    assertThat(kicked.received.get(2).data()).contains("\"reason\":\"KICKED\"");
    assertThat(kicked.received.getLast().data()).contains(club.toString());
    assertThat(names(otherDevice.received))
        .containsExactly("ready", "message.posted.v1", "member.left.v1");
    assertThat(names(stayer.received))
        .containsExactly("ready", "message.posted.v1", "member.left.v1", "message.posted.v1");
    assertThat(kicked.completed[0]).isFalse();
  }

  @Test
  void shouldDeliverBanEventsToMembersAndStopTheBannedUserWhenBanned() {
    var user = UUID.randomUUID();
    var banned = live(user, guild);
    var moderator = live(UUID.randomUUID(), guild);

    feed(record(SERVERS, 0, left(guild, user, MemberLeft.Reason.BANNED)));
    feed(
        record(
            SERVERS,
            0,
            event(guild, new MemberBanned(new ServerId(guild), new UserId(user), "spam"))));

    assertThat(names(banned.received)).containsExactly("ready", "member.left.v1");
    assertThat(names(moderator.received))
        .containsExactly("ready", "member.left.v1", "member.banned.v1");
  }

  @Test
  void shouldDeliverExactlyTheEventsWhileAMemberWhenJoiningLeavingAndRejoining() {
    var user = UUID.randomUUID();
    var alice = live(user);

    feed(record(SERVERS, 0, posted(guild, "before")));
    feed(record(SERVERS, 0, joined(guild, user)));
    feed(record(SERVERS, 0, posted(guild, "first stay")));
    feed(record(SERVERS, 0, left(guild, user, MemberLeft.Reason.LEFT)));
    feed(record(SERVERS, 0, posted(guild, "away")));
    feed(record(SERVERS, 0, joined(guild, user)));
    feed(record(SERVERS, 0, posted(guild, "second stay")));

    assertThat(names(alice.received))
        .containsExactly(
            "ready",
            "member.joined.v1",
            "message.posted.v1",
            "member.left.v1",
            "member.joined.v1",
            "message.posted.v1");
    assertThat(alice.received)
        .filteredOn(e -> "message.posted.v1".equals(e.name()))
        .extracting(StreamEvent::data)
        .allMatch(data -> data.contains("stay"));
  }

  @Test
  void shouldNotReaddALeftServerWhenAConnectionOpensBeforeTheRegistryCaughtUp() {
    var user = UUID.randomUUID();
    feed(record(SERVERS, 0, joined(guild, user)));
    feed(record(SERVERS, 0, left(guild, user, MemberLeft.Reason.KICKED)));

    var late = live(user, guild);
    feed(record(SERVERS, 0, posted(guild)));

    assertThat(names(late.received)).containsExactly("ready");
  }

  @Test
  void shouldNotTakeALeftServerFromTheRegistryWhenTheLeaveCameBetweenOpenAndActivation() {
    var user = UUID.randomUUID();
    var session = hub.open(claims(user, UUID.randomUUID()), null);
    var received = subscribe(session);

    feed(record(SERVERS, 0, left(guild, user, MemberLeft.Reason.LEFT)));
    hub.activate(session, List.of(guild, club));
    feed(record(SERVERS, 0, posted(guild)));
    feed(record(SERVERS, 0, posted(club)));

    assertThat(names(received)).containsExactly("ready", "message.posted.v1");
    assertThat(received.getLast().data()).contains(club.toString());
  }

  @Test
  void shouldStreamARejoinedServerWhenTheRejoinCameBetweenOpenAndActivation() {
    var user = UUID.randomUUID();
    feed(record(SERVERS, 0, left(guild, user, MemberLeft.Reason.LEFT)));
    var session = hub.open(claims(user, UUID.randomUUID()), null);
    var received = subscribe(session);

    feed(record(SERVERS, 0, joined(guild, user)));
    hub.activate(session, List.of());
    feed(record(SERVERS, 0, posted(guild)));

    assertThat(names(received)).containsExactly("ready", "message.posted.v1");
  }

  @Test
  void shouldApplyAJoinSeenBeforeTheConnectionWentLiveWhenActivated() {
    var user = UUID.randomUUID();
    var session = hub.open(claims(user, UUID.randomUUID()), null);
    var received = subscribe(session);

    feed(record(SERVERS, 0, joined(club, user)));
    hub.activate(session, List.of(guild));
    feed(record(SERVERS, 0, posted(club)));

    assertThat(names(received)).containsExactly("ready", "message.posted.v1");
  }

  @Test
  void shouldCarryEveryPartitionPositionInReadyWhenConnecting() {
    hub.onAssigned(
        List.of(
            new FeedPosition(SERVERS, 0, 10),
            new FeedPosition(SERVERS, 1, 20),
            new FeedPosition(ACCOUNTS, 0, 3)));
    feed(record(ACCOUNTS, 0, registered()));
    hub.onPassed(new FeedPosition(SERVERS, 1, 21));

    var alice = live(UUID.randomUUID(), guild);

    var ready = alice.received.getFirst();
    assertThat(ready.id()).isEqualTo("2.unknown.a" + Long.toString(offset, 36) + ".sa,l");
    assertThat(ready.data()).isEqualTo("{\"cursor\":\"" + ready.id() + "\"}");
  }

  @Test
  void shouldNeverStreamAccountEventsWhenTheyCarryCredentials() {
    var user = UUID.randomUUID();
    var alice = live(user, user);

    feed(record(ACCOUNTS, 0, registered()));

    assertThat(names(alice.received)).containsExactly("ready");
  }

  @Test
  void shouldDropAnOverflowingConnectionWithoutTouchingTheOthersWhenOneStalls() {
    var stalled = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    hub.activate(stalled, List.of(guild));
    var keeping = live(UUID.randomUUID(), guild);

    for (int i = 0; i < 10; i++) {
      feed(record(SERVERS, 0, posted(guild)));
    }

    assertThat(stalled.isOverflowed()).isTrue();
    assertThat(hub.connections()).isOne();
    assertThat(keeping.received).hasSize(11);
  }

  @Test
  void shouldHandAConnectionTheEventsOfOnePollAsOneBatchWhenThePollEnds() {
    var session = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    var batches = new ArrayList<List<StreamEvent>>();
    session.batches().subscribe(batches::add);
    hub.activate(session, List.of(guild));

    hub.onRecord(record(SERVERS, 0, posted(guild, "one")));
    hub.onRecord(record(SERVERS, 1, posted(club, "elsewhere")));
    hub.onRecord(record(SERVERS, 0, posted(guild, "two")));

    assertThat(batches).extracting(List::size).containsExactly(1);
    hub.onPolled();

    assertThat(batches).hasSize(2);
    assertThat(names(batches.getFirst())).containsExactly("ready");
    assertThat(contents(batches.getLast())).containsExactly("one", "two");
    assertThat(session.lastCursor()).isEqualTo(batches.getLast().getLast().id());
  }

  @Test
  void shouldHandOneSharedBatchWhenConnectionsAreGivenTheSameEventsOfAPoll() {
    var alice = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    var bob = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    var carol = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    var toAlice = new ArrayList<List<StreamEvent>>();
    var toBob = new ArrayList<List<StreamEvent>>();
    var toCarol = new ArrayList<List<StreamEvent>>();
    alice.batches().subscribe(toAlice::add);
    bob.batches().subscribe(toBob::add);
    carol.batches().subscribe(toCarol::add);
    hub.activate(alice, List.of(guild));
    hub.activate(bob, List.of(guild));
    hub.activate(carol, List.of(guild, club));

    hub.onRecord(record(SERVERS, 0, posted(guild, "one")));
    hub.onRecord(record(SERVERS, 0, posted(club, "elsewhere")));
    hub.onPolled();

    assertThat(toBob.getLast()).isSameAs(toAlice.getLast());
    assertThat(contents(toAlice.getLast())).containsExactly("one");
    assertThat(contents(toCarol.getLast())).containsExactly("one", "elsewhere");
  }

  @Test
  void shouldKeepTheFeedsOrderWhenAConnectionGoesLiveBetweenTheRecordsOfAPoll() {
    var alice = live(UUID.randomUUID(), guild);
    var late = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    var lateReceived = subscribe(late);

    hub.onRecord(record(SERVERS, 0, posted(guild, "before")));
    hub.activate(late, List.of(guild));
    hub.onRecord(record(SERVERS, 0, posted(guild, "after")));
    hub.onPolled();

    assertThat(contents(alice.received)).containsExactly("before", "after");
    assertThat(names(lateReceived)).containsExactly("ready", "message.posted.v1");
    assertThat(contents(lateReceived)).containsExactly("after");
  }

  @Test
  void shouldOverflowOnlyTheStalledConnectionWhenOnePollHoldsMoreEventsThanABuffer() {
    var stalled = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    hub.activate(stalled, List.of(guild));
    var keeping = live(UUID.randomUUID(), guild);

    for (int i = 0; i < 10; i++) {
      hub.onRecord(record(SERVERS, 0, posted(guild)));
    }

    assertThat(stalled.isOverflowed()).isTrue();
    assertThat(hub.connections()).isOne();
    hub.onPolled();
    assertThat(keeping.received).hasSize(11);
  }

  @Test
  void shouldEndEveryConnectionAndRefuseNewOnesWhenStopped() {
    var alice = live(UUID.randomUUID(), guild);

    hub.stop();
    var late = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);

    assertThat(hub.isRunning()).isFalse();
    assertThat(alice.completed[0]).isTrue();
    assertThat(late.offer(StreamEvent.ephemeral("message", "\"x\""))).isFalse();
  }

  @Test
  void shouldForgetAConnectionWhenClosed() {
    var alice = live(UUID.randomUUID(), guild);

    hub.close(alice.session);
    hub.close(alice.session);
    feed(record(SERVERS, 0, posted(guild)));

    assertThat(hub.connections()).isZero();
    assertThat(names(alice.received)).containsExactly("ready");
  }

  @Test
  void shouldEndOnlyTheRevokedSessionsStreamsWithRevokedWhenASessionIsRevoked() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    var revoked = live(claims(user, session), guild);
    var otherDevice = live(user, guild);

    feed(record(ACCOUNTS, 1, revoke(user, session, SessionRevoked.Reason.SIGNED_OUT)));

    var last = revoked.received.getLast();
    assertThat(names(revoked.received)).containsExactly("ready", "revoked");
    assertThat(last.data()).isEqualTo("{\"reason\":\"SIGNED_OUT\"}");
    assertThat(position(last, 'a', 1)).isEqualTo(offset);
    assertThat(revoked.completed[0]).isTrue();
    assertThat(otherDevice.completed[0]).isFalse();
    assertThat(hub.connections()).isOne();
    assertThat(revocations.isRevoked(claims(user, session))).isTrue();
  }

  @Test
  void shouldEndEveryStreamOfTheUserWithAccountDeletedWhenTheAccountIsDeleted() {
    var user = UUID.randomUUID();
    var phone = live(user, guild);
    var laptop = live(user);
    var friend = live(UUID.randomUUID(), guild);

    feed(record(ACCOUNTS, 0, event(user, new UserDeleted(new UserId(user)))));

    for (var stream : List.of(phone, laptop)) {
      assertThat(names(stream.received)).containsExactly("ready", "revoked");
      assertThat(stream.received.getLast().data()).isEqualTo("{\"reason\":\"ACCOUNT_DELETED\"}");
      assertThat(stream.completed[0]).isTrue();
    }
    assertThat(friend.completed[0]).isFalse();
    assertThat(revocations.isRevoked(claims(user, UUID.randomUUID()))).isTrue();
  }

  @Test
  void shouldEndAtOnceAConnectionOpenedAfterItsRevocationWasDispatched() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();
    feed(record(ACCOUNTS, 0, revoke(user, session, SessionRevoked.Reason.REFRESH_TOKEN_REUSED)));

    var late = live(claims(user, session), guild);

    assertThat(names(late.received)).containsExactly("revoked");
    assertThat(late.received.getFirst().data()).isEqualTo("{\"reason\":\"REFRESH_TOKEN_REUSED\"}");
    assertThat(late.completed[0]).isTrue();
    assertThat(hub.connections()).isZero();
  }

  @Test
  void shouldDeliverAProfileUpdateToTheUserAndTheirCoMembersOnlyWhenUpdated() {
    var user = UUID.randomUUID();
    registry.put(user, List.of(guild));
    var self = live(user, guild);
    var coMember = live(UUID.randomUUID(), guild);
    var stranger = live(UUID.randomUUID(), club);
    var notYetLive = subscribe(hub.open(claims(user, UUID.randomUUID()), null));

    var updated = profile(user);
    feed(record(ACCOUNTS, 2, updated));

    // Who an update reaches is looked up off the feed's thread.
    await().until(() -> names(coMember.received).contains("profile.updated.v1"));
    for (var stream : List.of(self, coMember)) {
      assertThat(names(stream.received)).containsExactly("ready", "profile.updated.v1");
      var delivered = stream.received.getLast();
      assertThat(delivered.data())
          .isEqualTo(new String(Json.write(updated), StandardCharsets.UTF_8));
      assertThat(position(delivered, 'a', 2)).isEqualTo(offset);
    }
    assertThat(names(stranger.received)).containsExactly("ready");
    assertThat(notYetLive).isEmpty();
  }

  @Test
  void shouldReachCoMembersOfAUserWithoutConnectionsWhenTheRegistryKnowsTheirServers() {
    var user = UUID.randomUUID();
    registry.put(user, List.of(club));
    var coMember = live(UUID.randomUUID(), club);

    feed(record(ACCOUNTS, 0, profile(user)));

    await().until(() -> names(coMember.received).contains("profile.updated.v1"));
    assertThat(names(coMember.received)).containsExactly("ready", "profile.updated.v1");
  }

  @Test
  void shouldStreamNoAccountEventButProfileUpdatesWhenTheyArePrivate() {
    var user = UUID.randomUUID();
    registry.put(user, List.of(guild));
    var self = live(user, guild);
    var coMember = live(UUID.randomUUID(), guild);
    var userId = new UserId(user);
    var session = new SessionId(UUID.randomUUID());

    feed(
        record(ACCOUNTS, 0, event(user, new UserRegistered(userId, "a@x.io", "$argon2id$h", "A"))));
    feed(
        record(
            ACCOUNTS,
            0,
            event(user, new SessionStarted(userId, session, Instant.now(), "1.2.3.4", "ua"))));
    feed(record(ACCOUNTS, 0, event(user, new SessionRefreshed(userId, session, 1, Instant.now()))));
    feed(record(ACCOUNTS, 0, event(user, new SigninFailed(userId, "1.2.3.4", "ua"))));

    assertThat(StreamHub.STREAMED_ACCOUNT_EVENTS).containsExactly("profile.updated.v1");
    assertThat(names(self.received)).containsExactly("ready");
    assertThat(names(coMember.received)).containsExactly("ready");
  }

  @Test
  void shouldWithholdAChannelFromAMemberWhenAMemberOverwriteDeniesThemView() {
    var secret = UUID.randomUUID();
    var general = UUID.randomUUID();
    var bob = UUID.randomUUID();
    project(guild, snapshot(guild, overwrite(guild, secret, OverwriteTarget.MEMBER, bob, true)));
    var alice = live(UUID.randomUUID(), guild);
    var denied = live(bob, guild);

    feed(record(SERVERS, 0, posted(guild, secret, "secret")));
    feed(record(SERVERS, 0, posted(guild, general, "general")));

    assertThat(contents(alice.received)).containsExactly("secret", "general");
    assertThat(contents(denied.received)).containsExactly("general");
  }

  @Test
  void shouldCutAChannelFromTheNextEventWhenAnOverwriteDenyingViewIsSetLive() {
    var secret = UUID.randomUUID();
    var general = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var stream = live(bob, guild);

    feed(record(SERVERS, 0, posted(guild, secret, "before")));
    feed(
        record(
            SERVERS, 0, event(guild, overwrite(guild, secret, OverwriteTarget.MEMBER, bob, true))));
    feed(record(SERVERS, 0, posted(guild, secret, "after")));
    feed(record(SERVERS, 0, posted(guild, general, "elsewhere")));

    assertThat(names(stream.received))
        .containsExactly(
            "ready", "message.posted.v1", "channel.overwrite.set.v1", "message.posted.v1");
    assertThat(contents(stream.received)).containsExactly("before", "elsewhere");
  }

  @Test
  void shouldStartDeliveringAChannelWhenARoleGrantingViewIsAssigned() {
    var staff = UUID.randomUUID();
    var lounge = UUID.randomUUID();
    var bob = UUID.randomUUID();
    project(
        guild,
        snapshot(
            guild,
            new RoleCreated(new ServerId(guild), new RoleId(staff), "staff", List.of()),
            overwrite(guild, lounge, OverwriteTarget.ROLE, guild, true),
            overwrite(guild, lounge, OverwriteTarget.ROLE, staff, false)));
    var stream = live(bob, guild);

    feed(record(SERVERS, 0, posted(guild, lounge, "staff only")));
    feed(
        record(
            SERVERS,
            0,
            event(
                guild,
                new MemberRoleAdded(new ServerId(guild), new UserId(bob), new RoleId(staff)))));
    feed(record(SERVERS, 0, posted(guild, lounge, "welcome, staff")));

    assertThat(names(stream.received))
        .containsExactly("ready", "member.role.added.v1", "message.posted.v1");
    assertThat(contents(stream.received)).containsExactly("welcome, staff");
  }

  @Test
  void shouldDeliverAReadMarkerOnlyToTheReadersStreamsWhenAChannelIsRead() {
    var reader = UUID.randomUUID();
    var phone = live(reader, guild);
    var laptop = live(reader, guild);
    var other = live(UUID.randomUUID(), guild);

    feed(
        record(
            SERVERS,
            0,
            event(
                guild,
                new ChannelRead(
                    new ServerId(guild), new ChannelId(UUID.randomUUID()), new UserId(reader)))));

    assertThat(names(phone.received)).containsExactly("ready", "channel.read.v1");
    assertThat(names(laptop.received)).containsExactly("ready", "channel.read.v1");
    assertThat(names(other.received)).containsExactly("ready");
  }

  @Test
  void shouldAnnounceANotificationToTheMentionedUsersStreamsOnlyWhenMembersAreMentioned() {
    var mentioned = UUID.randomUUID();
    var phone = live(mentioned, guild);
    var laptop = live(mentioned, guild);
    var bystander = live(UUID.randomUUID(), guild);
    var elsewhere = live(UUID.randomUUID(), club);
    var author = UUID.randomUUID();
    var channel = UUID.randomUUID();
    var message = UUID.randomUUID();
    var mention = mention(guild, channel, message, author, mentioned);

    feed(record(SERVERS, 1, mention));

    assertThat(names(phone.received))
        .containsExactly("ready", "members.mentioned.v1", "notification.created");
    assertThat(names(laptop.received))
        .containsExactly("ready", "members.mentioned.v1", "notification.created");
    assertThat(names(bystander.received)).containsExactly("ready", "members.mentioned.v1");
    assertThat(names(elsewhere.received)).containsExactly("ready");
    var created = phone.received.getLast();
    assertThat(position(created, 's', 1)).isEqualTo(offset);
    var mentionCursor = StreamCursor.decode(phone.received.get(1).id());
    assertThat(mentionCursor.positions().get(new StreamCursor.Partition('s', 1)))
        .isEqualTo(offset - 1);
    assertThat(mentionCursor.skipAt(new StreamCursor.Partition('s', 1))).isEqualTo(1);
    assertThat(bystander.received.getLast().id()).isEqualTo(created.id());
    var data = Json.mapper().readTree(created.data());
    assertThat(data.get("id").stringValue())
        .isEqualTo(Ids.notificationId(mention.eventId(), new UserId(mentioned)).toString());
    assertThat(data.get("kind").stringValue()).isEqualTo("MENTION");
    assertThat(data.get("serverId").stringValue()).isEqualTo(guild.toString());
    assertThat(data.get("channelId").stringValue()).isEqualTo(channel.toString());
    assertThat(data.get("messageId").stringValue()).isEqualTo(message.toString());
    assertThat(data.get("actorId").stringValue()).isEqualTo(author.toString());
    assertThat(Instant.parse(data.get("createdAt").stringValue())).isEqualTo(mention.occurredAt());
  }

  @Test
  void shouldGiveEachMentionedUserTheirOwnNotificationWhenSeveralAreMentioned() {
    var first = UUID.randomUUID();
    var second = UUID.randomUUID();
    var firstStream = live(first, guild);
    var secondStream = live(second, guild);
    var mention =
        mention(guild, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), first, second);

    feed(record(SERVERS, 0, mention));

    assertThat(notificationIds(firstStream.received))
        .containsExactly(Ids.notificationId(mention.eventId(), new UserId(first)).toString());
    assertThat(notificationIds(secondStream.received))
        .containsExactly(Ids.notificationId(mention.eventId(), new UserId(second)).toString());
  }

  @Test
  void shouldAnnounceNoNotificationWhenTheMentionedUserCannotViewTheChannel() {
    var secret = UUID.randomUUID();
    var bob = UUID.randomUUID();
    project(guild, snapshot(guild, overwrite(guild, secret, OverwriteTarget.MEMBER, bob, true)));
    var denied = live(bob, guild);

    feed(record(SERVERS, 0, mention(guild, secret, UUID.randomUUID(), UUID.randomUUID(), bob)));
    feed(record(SERVERS, 0, posted(guild)));

    assertThat(names(denied.received)).containsExactly("ready", "message.posted.v1");
  }

  @Test
  void shouldDeliverADirectMessageToBothParticipantsAndNobodyElseWhenSent() {
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var aliceStream = live(alice, guild);
    var bobStream = live(bob);
    var eve = live(UUID.randomUUID(), guild);
    var sent = dm(alice, bob, "psst", false);

    feed(record(DMS, 1, sent));

    assertThat(names(aliceStream.received)).containsExactly("ready", "dm.message.sent.v1");
    assertThat(names(bobStream.received)).containsExactly("ready", "dm.message.sent.v1");
    assertThat(names(eve.received)).containsExactly("ready");
    var delivered = bobStream.received.getLast();
    assertThat(position(delivered, 'd', 1)).isEqualTo(offset);
    var payload = (DirectMessageSent) sent.payload();
    var expected =
        Json.mapper()
            .createObjectNode()
            .put("id", payload.messageId().toString())
            .put("conversationId", payload.conversationId().toString())
            .put("authorId", alice.toString())
            .put("content", "psst")
            .put("createdAt", sent.occurredAt().toString())
            .put("seq", sent.seq());
    assertThat(Json.mapper().readTree(delivered.data()))
        .isEqualTo(Json.mapper().readTree(expected.toString()));
  }

  @Test
  void shouldStreamAnUnreadableDirectEventToNobodyAndGoOnWhenItsPayloadIsBroken() {
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var aliceStream = live(alice);
    var bobStream = live(bob);
    var sent = dm(alice, bob, "after the broken one", false);
    var broken = Json.mapper().createObjectNode().put("content", "no ids");
    var brokenJson =
        Json.mapper()
            .createObjectNode()
            .put("type", "dm.message.sent.v1")
            .put("aggregateId", sent.aggregateId().toString())
            .put("seq", 1)
            .set("payload", broken)
            .toString();

    feed(
        new FeedRecord(
            DMS, 1, offset++, "dm.message.sent.v1", sent.aggregateId(), 1, broken, brokenJson));
    feed(record(DMS, 1, sent));

    assertThat(names(aliceStream.received)).containsExactly("ready", "dm.message.sent.v1");
    assertThat(names(bobStream.received)).containsExactly("ready", "dm.message.sent.v1");
    assertThat(bobStream.received.getLast().data()).contains("after the broken one");
  }

  @Test
  void shouldGiveReadAndBlockEventsOnlyToTheirActorWhenAParticipantReadsOrBlocks() {
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var aliceStream = live(alice);
    var bobStream = live(bob);
    var conversation = ConversationId.between(new UserId(alice), new UserId(bob));

    feed(
        record(
            DMS,
            0,
            event(conversation.value(), new ConversationRead(conversation, new UserId(alice)))));
    feed(
        record(
            DMS,
            0,
            event(
                conversation.value(),
                new UserBlocked(conversation, new UserId(bob), new UserId(alice)))));

    assertThat(names(aliceStream.received)).containsExactly("ready", "dm.conversation.read.v1");
    assertThat(names(bobStream.received)).containsExactly("ready", "dm.user.blocked.v1");
    var blocked = Json.mapper().readTree(bobStream.received.getLast().data());
    assertThat(blocked.get("blockerId").stringValue()).isEqualTo(bob.toString());
    assertThat(blocked.get("blockedId").stringValue()).isEqualTo(alice.toString());
    assertThat(blocked.get("seq").longValue()).isEqualTo(2);
  }

  @Test
  void shouldDeliverDirectMessagesAtOnceWhenAJoinedServersPermissionsAreStillLoading() {
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var aliceStream = live(alice, guild);
    live(bob);
    projection.put(club, Sinks.one());

    feed(record(SERVERS, 0, joined(club, alice)));
    feed(record(SERVERS, 0, posted(club)));
    feed(record(DMS, 0, dm(bob, alice, "still there?", false)));

    assertThat(names(aliceStream.received)).containsExactly("ready", "dm.message.sent.v1");
  }

  @Test
  void shouldNotifyTheRecipientAloneWhenAMessageWasSentWhileTheyWereOffline() {
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var aliceStream = live(alice);
    var bobStream = live(bob);
    var sent = dm(alice, bob, "call me", true);

    feed(record(DMS, 2, sent));

    assertThat(names(aliceStream.received)).containsExactly("ready", "dm.message.sent.v1");
    assertThat(names(bobStream.received))
        .containsExactly("ready", "dm.message.sent.v1", "notification.created");
    var created = bobStream.received.getLast();
    assertThat(position(created, 'd', 2)).isEqualTo(offset);
    assertThat(
            StreamCursor.decode(bobStream.received.get(1).id())
                .skipAt(new StreamCursor.Partition('d', 2)))
        .isEqualTo(1);
    var data = Json.mapper().readTree(created.data());
    var payload = (DirectMessageSent) sent.payload();
    assertThat(data.get("id").stringValue())
        .isEqualTo(Ids.notificationId(sent.eventId(), new UserId(bob)).toString());
    assertThat(data.get("kind").stringValue()).isEqualTo("DM");
    assertThat(data.get("conversationId").stringValue())
        .isEqualTo(payload.conversationId().toString());
    assertThat(data.get("messageId").stringValue()).isEqualTo(payload.messageId().toString());
    assertThat(data.get("actorId").stringValue()).isEqualTo(alice.toString());
    assertThat(data.get("serverId").isNull()).isTrue();
    assertThat(data.get("inviteCode").isNull()).isTrue();
  }

  @Test
  void shouldNotifyTheInviteeWhenInvitedToAServerTheyAreNotIn() {
    var owner = UUID.randomUUID();
    var invitee = UUID.randomUUID();
    var ownerStream = live(owner, guild);
    var inviteeStream = live(invitee, club);
    var bystander = live(UUID.randomUUID(), club);
    var invite =
        event(
            guild,
            new InviteSent(new ServerId(guild), "xK4p9", new UserId(owner), new UserId(invitee)));

    feed(record(SERVERS, 1, invite));

    assertThat(names(ownerStream.received)).containsExactly("ready", "invite.sent.v1");
    assertThat(names(inviteeStream.received)).containsExactly("ready", "notification.created");
    assertThat(names(bystander.received)).containsExactly("ready");
    var created = inviteeStream.received.getLast();
    assertThat(position(created, 's', 1)).isEqualTo(offset);
    var data = Json.mapper().readTree(created.data());
    assertThat(data.get("id").stringValue())
        .isEqualTo(Ids.notificationId(invite.eventId(), new UserId(invitee)).toString());
    assertThat(data.get("kind").stringValue()).isEqualTo("INVITE");
    assertThat(data.get("serverId").stringValue()).isEqualTo(guild.toString());
    assertThat(data.get("inviteCode").stringValue()).isEqualTo("xK4p9");
    assertThat(data.get("actorId").stringValue()).isEqualTo(owner.toString());
    assertThat(data.get("conversationId").isNull()).isTrue();
  }

  @Test
  void shouldTellPresenceOfTheFirstOpenAndTheLastCloseOnlyWhenAUserHasSeveralStreams() {
    var user = UUID.randomUUID();
    var phone = live(user);
    var laptop = live(user);
    var other = live(UUID.randomUUID());

    hub.close(phone.session());
    var afterFirstClose = List.copyOf(presence);
    hub.close(laptop.session());

    assertThat(afterFirstClose)
        .containsExactly("online " + user, "online " + other.session().user());
    assertThat(presence).endsWith("offline " + user);
    assertThat(presence).hasSize(3);
  }

  @Test
  void shouldGivePresenceToCoMembersAndPartnersWithoutMovingTheirCursorWhenAStatusChanges() {
    var alice = UUID.randomUUID();
    var aliceStream = live(alice, guild);
    var coMember = live(UUID.randomUUID(), guild);
    var partner = live(UUID.randomUUID());
    var stranger = live(UUID.randomUUID(), club);
    var cursor = coMember.received.getLast().id();
    var event = StreamEvent.ephemeral("presence", "{}");

    hub.presence(
        new UserId(alice), List.of(guild), List.of(partner.session().user().value()), event);
    // Staged until the round of changes looked up together is delivered.
    assertThat(names(coMember.received)).containsExactly("ready");
    hub.flushStaged();

    assertThat(names(coMember.received)).containsExactly("ready", "presence");
    assertThat(names(partner.received)).containsExactly("ready", "presence");
    assertThat(names(stranger.received)).containsExactly("ready");
    assertThat(names(aliceStream.received)).containsExactly("ready");
    assertThat(coMember.received.getLast().id()).isNull();
    assertThat(coMember.session().lastCursor()).isNotNull().isEqualTo(cursor);
  }

  @Test
  void shouldGiveTypingOnlyToThoseWhoCanViewTheChannelOrTheOtherParticipantWhenTyped() {
    var secret = UUID.randomUUID();
    var bob = UUID.randomUUID();
    project(guild, snapshot(guild, overwrite(guild, secret, OverwriteTarget.MEMBER, bob, true)));
    var alice = UUID.randomUUID();
    var typist = live(alice, guild);
    var viewer = live(UUID.randomUUID(), guild);
    var denied = live(bob, guild);
    var outsider = live(UUID.randomUUID(), club);
    var event = StreamEvent.ephemeral("typing", "{}");
    var now = Instant.now();

    hub.typing(
        Typing.inChannel(new UserId(alice), new ServerId(guild), new ChannelId(secret), now),
        event);
    hub.typing(Typing.inConversation(new UserId(alice), new UserId(bob), now), event);

    assertThat(names(viewer.received)).containsExactly("ready", "typing");
    assertThat(names(denied.received)).containsExactly("ready", "typing");
    assertThat(names(typist.received)).containsExactly("ready");
    assertThat(names(outsider.received)).containsExactly("ready");
  }

  @Test
  void shouldEndTheServerOnEveryStreamAfterTellingThemWhenTheServerIsDeleted() {
    var alice = live(UUID.randomUUID(), guild, club);
    var bob = live(UUID.randomUUID(), guild);

    feed(record(SERVERS, 0, event(guild, new ServerDeleted(new ServerId(guild)))));
    feed(record(SERVERS, 0, posted(guild)));
    feed(record(SERVERS, 0, posted(club)));
    var late = live(UUID.randomUUID(), guild);
    feed(record(SERVERS, 0, posted(guild)));

    assertThat(names(alice.received))
        .containsExactly("ready", "server.deleted.v1", "message.posted.v1");
    assertThat(alice.received.getLast().data()).contains(club.toString());
    assertThat(names(bob.received)).containsExactly("ready", "server.deleted.v1");
    assertThat(names(late.received)).containsExactly("ready");
    assertThat(bob.completed[0]).isFalse();
  }

  @Test
  void shouldHoldAJoinedServersEventsUntilItsPermissionsLoadThenDeliverThemInOrder() {
    var user = UUID.randomUUID();
    var secret = UUID.randomUUID();
    var stream = live(user, guild);
    feed(record(SERVERS, 0, posted(club, secret, "before the join")));
    var load = Sinks.<AccessSnapshot>one();
    projection.put(club, load);

    feed(record(SERVERS, 0, joined(club, user)));
    var beforeJoin = fedSeqs.get(club) - 1;
    feed(record(SERVERS, 0, posted(club, secret, "hidden")));
    feed(record(SERVERS, 0, posted(guild, "other server")));
    feed(record(SERVERS, 0, posted(club, "visible")));
    var heldMeanwhile = names(stream.received);
    load.tryEmitValue(
        new AccessSnapshot(
            beforeJoin, model(club, overwrite(club, secret, OverwriteTarget.MEMBER, user, true))));
    feed(record(SERVERS, 0, posted(club, "live again")));

    assertThat(heldMeanwhile).containsExactly("ready", "message.posted.v1");
    assertThat(names(stream.received))
        .containsExactly(
            "ready",
            "message.posted.v1",
            "member.joined.v1",
            "message.posted.v1",
            "message.posted.v1");
    assertThat(contents(stream.received)).containsExactly("other server", "visible", "live again");
  }

  @Test
  void shouldReadThePermissionsAgainWhenTheFeedShowsEventsTheInstalledSnapshotLacked() {
    var secret = UUID.randomUUID();
    var bob = UUID.randomUUID();
    // The edge starts after seq 2 (an overwrite hiding the channel from bob) while the projector
    // still has seq 1: the hub has seen nothing of the server, so it installs the stale snapshot.
    event(guild, new MemberJoined(new ServerId(guild), new UserId(bob)));
    var denial = overwrite(guild, secret, OverwriteTarget.MEMBER, bob, true);
    event(guild, denial);
    project(guild, new AccessSnapshot(1, model(guild)));
    var stream = live(bob, guild);
    project(guild, new AccessSnapshot(2, model(guild, denial)));

    feed(record(SERVERS, 0, posted(guild, secret, "hidden")));
    feed(record(SERVERS, 0, posted(guild, UUID.randomUUID(), "visible")));

    await().until(() -> contents(stream.received()).contains("visible"));
    assertThat(names(stream.received())).first().isEqualTo("ready");
    assertThat(contents(stream.received())).containsExactly("visible");
  }

  @Test
  void shouldSendReadyOnlyOnceThePermissionsCaughtUpWithTheFeedWhenConnecting() {
    feed(record(SERVERS, 0, posted(guild)));
    feed(record(SERVERS, 0, posted(guild)));
    var load = Sinks.<AccessSnapshot>one();
    projection.put(guild, load);
    load.tryEmitValue(new AccessSnapshot(fedSeqs.get(guild) - 1, model(guild)));
    var session = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    var received = subscribe(session);

    hub.activate(session, List.of(guild));
    var whileBehind = names(received);
    var caughtUp = Sinks.<AccessSnapshot>one();
    caughtUp.tryEmitValue(new AccessSnapshot(fedSeqs.get(guild), model(guild)));
    projection.put(guild, caughtUp);

    await().until(() -> !received.isEmpty());
    feed(record(SERVERS, 0, posted(guild, "after ready")));
    assertThat(whileBehind).isEmpty();
    assertThat(names(received)).containsExactly("ready", "message.posted.v1");
    assertThat(
            StreamCursor.decode(received.getFirst().id())
                .positions()
                .get(new StreamCursor.Partition('s', 0)))
        .isEqualTo(offset - 1);
  }

  @Test
  void shouldReplayFromMemoryWhatAResumingStreamMissedThenGoLiveWhenResuming() {
    hub.onAssigned(
        List.of(new FeedPosition(SERVERS, 0, offset), new FeedPosition(SERVERS, 1, offset)));
    var user = UUID.randomUUID();
    var first = live(user, guild);
    feed(record(SERVERS, 0, posted(guild, "seen")));
    var last = first.received.getLast();
    hub.close(first.session());
    feed(record(SERVERS, 0, posted(guild, "missed 1")));
    feed(record(SERVERS, 1, posted(club, "not theirs")));
    feed(record(SERVERS, 0, posted(guild, "missed 2")));

    var resumed = hub.open(claims(user, UUID.randomUUID()), last.id());
    var received = subscribe(resumed);
    hub.activate(resumed, List.of(guild));
    await().until(() -> names(received).contains("ready"));
    feed(record(SERVERS, 0, posted(guild, "live")));

    assertThat(names(received))
        .containsExactly("message.posted.v1", "message.posted.v1", "ready", "message.posted.v1");
    assertThat(received.get(0).data()).contains("missed 1");
    assertThat(received.get(1).data()).contains("missed 2");
    assertThat(received.get(1).id()).isEqualTo(received.get(2).id());
    assertThat(received.get(3).data()).contains("live");
  }

  @Test
  void shouldReplayTheDeletionOfAServerTheUserWasInButNotAfterTheyLeftItWhenResuming() {
    hub.onAssigned(List.of(new FeedPosition(SERVERS, 0, offset)));
    var user = UUID.randomUUID();
    var left = UUID.randomUUID();
    var first = live(user, guild, club, left);
    var last = first.received.getLast();
    hub.close(first.session());
    feed(record(SERVERS, 0, posted(guild, "missed")));
    feed(record(SERVERS, 0, event(club, new ServerDeleted(new ServerId(club)))));
    feed(record(SERVERS, 0, left(left, user, MemberLeft.Reason.LEFT)));
    feed(record(SERVERS, 0, event(left, new ServerDeleted(new ServerId(left)))));
    memberRows.put(user, List.of(guild, club));

    var resumed = hub.open(claims(user, UUID.randomUUID()), last.id());
    var received = subscribe(resumed);
    hub.activate(resumed, List.of(guild));
    await().until(() -> names(received).contains("ready"));

    assertThat(names(received))
        .containsExactly("message.posted.v1", "server.deleted.v1", "member.left.v1", "ready");
    assertThat(received.get(1).data()).contains(club.toString());
  }

  @Test
  void shouldKeepAPartlyGivenRecordsMarkWhileReplayingOtherPartitionsFirstWhenResuming() {
    var d0 = new StreamCursor.Partition('d', 0);
    var d1 = new StreamCursor.Partition('d', 1);
    hub.onAssigned(List.of(new FeedPosition(DMS, 0, offset), new FeedPosition(DMS, 1, offset)));
    var alice = UUID.randomUUID();
    var bob = UUID.randomUUID();
    var carol = UUID.randomUUID();
    var start = hub.cursor();
    // This edge read d0's record first; the client was given d1's message, not yet its
    // notification, by an edge that read d1 first.
    feed(record(DMS, 0, dm(carol, bob, "from carol", true)));
    var atAlice = offset;
    feed(record(DMS, 1, dm(alice, bob, "from alice", true)));
    var cut = start.within(d1, atAlice, 1).encode();

    var first = resumed(bob, cut);
    await().until(() -> names(first).contains("ready"));
    var again = resumed(bob, first.getFirst().id());
    await().until(() -> names(again).contains("ready"));

    assertThat(names(first))
        .containsExactly(
            "dm.message.sent.v1", "notification.created", "notification.created", "ready");
    assertThat(first.get(0).data()).contains("from carol");
    assertThat(StreamCursor.decode(first.get(0).id()).skipAt(d1)).isEqualTo(1);
    assertThat(StreamCursor.decode(first.get(0).id()).skipAt(d0)).isEqualTo(1);
    assertThat(names(again))
        .containsExactly("notification.created", "notification.created", "ready");
  }

  /** The events of a new stream of {@code user} resuming from {@code cursor}, in no server. */
  private List<StreamEvent> resumed(UUID user, String cursor) {
    var session = hub.open(claims(user, UUID.randomUUID()), cursor);
    var received = subscribe(session);
    hub.activate(session, List.of());
    return received;
  }

  @Test
  void shouldGoLiveAtOnceWhenTheFeedPassesTheMarkerAResumedCursorStandsAfter() {
    hub.onAssigned(List.of(new FeedPosition(SERVERS, 0, offset)));
    var partition = new StreamCursor.Partition('s', 0);
    feed(record(SERVERS, 0, posted(guild, "seen everywhere")));
    // Another edge started after the commit marker that follows the record: it stands past it.
    var fromAnotherEdge = hub.cursor().with(partition, offset + 1).encode();
    var session = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), fromAnotherEdge);
    var received = subscribe(session);
    hub.activate(session, List.of(guild));
    var beforeThePass = names(received);

    hub.onPassed(new FeedPosition(SERVERS, 0, offset + 1));

    assertThat(beforeThePass).isEmpty();
    // Well before FEED_WAIT (5 s), after which it would go live anyway.
    await().atMost(Duration.ofSeconds(3)).until(() -> names(received).contains("ready"));
    assertThat(names(received)).containsExactly("ready");
    assertThat(received.getFirst().id()).isEqualTo(fromAnotherEdge);
  }

  @Test
  void shouldWaitForTheFeedThenGoLiveWhenResumingFromFurtherThanItHasRead() {
    hub.onAssigned(List.of(new FeedPosition(SERVERS, 0, offset)));
    var partition = new StreamCursor.Partition('s', 0);
    var fromAnotherEdge = hub.cursor().with(partition, offset + 2).encode();
    var session = hub.open(claims(UUID.randomUUID(), UUID.randomUUID()), fromAnotherEdge);
    var received = subscribe(session);
    hub.activate(session, List.of(guild));

    feed(record(SERVERS, 0, posted(guild, "seen elsewhere 1")));
    var beforeCatchingUp = names(received);
    feed(record(SERVERS, 0, posted(guild, "seen elsewhere 2")));
    await().until(() -> names(received).contains("ready"));
    feed(record(SERVERS, 0, posted(guild, "new")));

    assertThat(beforeCatchingUp).isEmpty();
    assertThat(names(received)).containsExactly("ready", "message.posted.v1");
    assertThat(received.get(0).id()).isEqualTo(fromAnotherEdge);
    assertThat(received.get(1).data()).contains("new");
  }

  @Test
  void shouldEndWaitingStreamsWithAResumableCursorWhenThePermissionsNeverLineUp() {
    var impatient = hub(Duration.ofMillis(200));
    projection.put(guild, Sinks.one());
    var session = impatient.open(claims(UUID.randomUUID(), UUID.randomUUID()), null);
    var received = new ArrayList<StreamEvent>();
    var completed = new boolean[1];
    session.events().subscribe(received::add, error -> {}, () -> completed[0] = true);

    impatient.activate(session, List.of(guild));

    await().until(() -> completed[0]);
    assertThat(names(received)).containsExactly("unavailable");
    assertThat(impatient.connections()).isZero();
  }

  /**
   * The next offset {@code event}'s cursor gives partition {@code partition} of topic {@code
   * topic}.
   */
  private static Long position(StreamEvent event, char topic, int partition) {
    return StreamCursor.decode(event.id())
        .positions()
        .get(new StreamCursor.Partition(topic, partition));
  }

  private StreamHub hub(Duration loadTimeout) {
    return new StreamHub(
        new StreamTopics(SERVERS, ACCOUNTS, DMS),
        8,
        revocations,
        user -> Flux.fromIterable(registry.getOrDefault(user.value(), List.of())),
        user -> Flux.fromIterable(memberRows.getOrDefault(user.value(), List.of())),
        new AccessLoading(this::load, Duration.ofMillis(10), loadTimeout),
        new UserPresence() {
          @Override
          public void online(UserId user) {
            presence.add("online " + user);
          }

          @Override
          public void offline(UserId user) {
            presence.add("offline " + user);
          }
        },
        100,
        null);
  }

  /**
   * The permissions as the projector has them: those {@link #project}ed, else the default ones up
   * to the last event fed.
   */
  private Mono<AccessSnapshot> load(UUID server) {
    var projected = projection.get(server);
    if (projected != null) {
      return projected.asMono();
    }
    return Mono.just(new AccessSnapshot(fedSeqs.getOrDefault(server, 0L), model(server)));
  }

  private void project(UUID server, AccessSnapshot snapshot) {
    var sink = Sinks.<AccessSnapshot>one();
    sink.tryEmitValue(snapshot);
    projection.put(server, sink);
  }

  private AccessSnapshot snapshot(UUID server, EventPayload... changes) {
    return new AccessSnapshot(fedSeqs.getOrDefault(server, 0L), model(server, changes));
  }

  /** A server whose everyone role has the default permissions, after {@code changes}. */
  private static AccessModel model(UUID server, EventPayload... changes) {
    var model =
        AccessModel.empty(server)
            .evolve(
                new RoleCreated(
                    new ServerId(server),
                    new RoleId(server),
                    "@everyone",
                    PermissionSet.EVERYONE_DEFAULT.toList()));
    for (var change : changes) {
      model = model.evolve(change);
    }
    return model;
  }

  private static ChannelOverwriteSet overwrite(
      UUID server, UUID channel, OverwriteTarget type, UUID target, boolean deny) {
    var view = List.of(Permission.VIEW_CHANNEL);
    return new ChannelOverwriteSet(
        new ServerId(server),
        new ChannelId(channel),
        type,
        target,
        deny ? List.of() : view,
        deny ? view : List.of());
  }

  private static List<String> contents(List<StreamEvent> events) {
    return events.stream()
        .filter(e -> "message.posted.v1".equals(e.name()))
        .map(e -> Json.mapper().readTree(e.data()).get("payload").get("content").stringValue())
        .toList();
  }

  private record Live(StreamSession session, List<StreamEvent> received, boolean[] completed) {}

  /** {@code record} as the feed gives it: alone in its poll. */
  private void feed(FeedRecord record) {
    hub.onRecord(record);
    hub.onPolled();
  }

  private Live live(UUID user, UUID... servers) {
    return live(claims(user, UUID.randomUUID()), servers);
  }

  private Live live(AccessTokenClaims claims, UUID... servers) {
    var session = hub.open(claims, null);
    var received = new ArrayList<StreamEvent>();
    var completed = new boolean[1];
    session.events().subscribe(received::add, error -> {}, () -> completed[0] = true);
    hub.activate(session, List.of(servers));
    return new Live(session, received, completed);
  }

  private static AccessTokenClaims claims(UUID user, UUID session) {
    var now = Instant.now();
    return new AccessTokenClaims(
        new UserId(user), new SessionId(session), now, now.plus(Duration.ofMinutes(10)));
  }

  private static List<StreamEvent> subscribe(StreamSession session) {
    var received = new ArrayList<StreamEvent>();
    session.events().subscribe(received::add);
    return received;
  }

  private static List<String> names(List<StreamEvent> events) {
    return events.stream().map(StreamEvent::name).toList();
  }

  private FeedRecord record(String topic, int partition, Event event) {
    var json = new String(Json.write(event), StandardCharsets.UTF_8);
    var payload = Json.mapper().readTree(json).get("payload");
    fedSeqs.put(event.aggregateId(), event.seq());
    return new FeedRecord(
        topic, partition, offset++, event.type(), event.aggregateId(), event.seq(), payload, json);
  }

  private Event posted(UUID server) {
    return posted(server, "hello");
  }

  private Event posted(UUID server, String content) {
    return posted(server, UUID.randomUUID(), content);
  }

  private Event posted(UUID server, UUID channel, String content) {
    var author = new UserId(UUID.randomUUID());
    return event(
        server,
        new MessagePosted(
            new ServerId(server),
            new ChannelId(channel),
            new MessageId(UUID.randomUUID()),
            author,
            content));
  }

  private Event mention(UUID server, UUID channel, UUID message, UUID author, UUID... users) {
    var payload =
        new MembersMentioned(
            new ServerId(server),
            new ChannelId(channel),
            new MessageId(message),
            Arrays.stream(users).map(UserId::new).toList());
    return Event.decided(
        new CommandId(UUID.randomUUID()),
        1,
        server,
        createdSeqs.merge(server, 1L, Long::sum),
        Instant.now(),
        new UserId(author),
        payload);
  }

  private static List<String> notificationIds(List<StreamEvent> events) {
    return events.stream()
        .filter(e -> "notification.created".equals(e.name()))
        .map(e -> Json.mapper().readTree(e.data()).get("id").stringValue())
        .toList();
  }

  private Event dm(UUID author, UUID recipient, String content, boolean recipientOffline) {
    var conversation = ConversationId.between(new UserId(author), new UserId(recipient));
    return event(
        conversation.value(),
        new DirectMessageSent(
            conversation,
            new MessageId(UUID.randomUUID()),
            new UserId(author),
            new UserId(recipient),
            content,
            recipientOffline));
  }

  private Event left(UUID server, UUID user, MemberLeft.Reason reason) {
    return event(server, new MemberLeft(new ServerId(server), new UserId(user), reason));
  }

  private Event joined(UUID server, UUID user) {
    return event(server, new MemberJoined(new ServerId(server), new UserId(user)));
  }

  private Event registered() {
    var user = UUID.randomUUID();
    return event(
        user, new UserRegistered(new UserId(user), "a@example.com", "$argon2id$secret", "Alice"));
  }

  private Event revoke(UUID user, UUID session, SessionRevoked.Reason reason) {
    return event(user, new SessionRevoked(new UserId(user), new SessionId(session), reason));
  }

  private Event profile(UUID user) {
    return event(user, new ProfileUpdated(new UserId(user), "Alice", null, "hi"));
  }

  private Event event(UUID aggregate, EventPayload payload) {
    var seq = createdSeqs.merge(aggregate, 1L, Long::sum);
    return Event.decided(
        new CommandId(UUID.randomUUID()), 0, aggregate, seq, Instant.now(), null, payload);
  }
}
