package io.ohkay.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.projector.ChannelRows;
import io.ohkay.projector.DmLife;
import io.ohkay.projector.DmLifeRows;
import io.ohkay.projector.MembershipRows;
import io.ohkay.projector.Projector;
import io.ohkay.projector.ProjectorTestEnvironment;
import io.ohkay.projector.ServerLife;
import io.ohkay.projector.ServerLifeRows;
import io.ohkay.projector.TestEvents;
import io.ohkay.projector.TestEvents.AccountLives;
import io.ohkay.projector.TestEvents.ChannelLife;
import io.ohkay.projector.TestEvents.MembershipLife;
import io.ohkay.projector.TestEvents.ServerHistory;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.NotificationsRead;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stream is projected into the live databases; rebuilding from the topics must give databases
 * equal to the live ones row by row (the auth database from the auth, server and DM events), and
 * the verifier must notice a single changed row. A deleted server is not rebuilt: its database is
 * gone, and its content with it.
 */
class RebuilderIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** The seq of the life's members.mentioned: Ann and the owner are mentioned. */
  private static final long MENTIONED_SEQ = 21;

  /** When the owner of the life reads all: after the mention. */
  private static final Instant OWNER_READ_ALL_AT = TestEvents.AT.plusSeconds(3600);

  private static ProjectorTestEnvironment environment;
  private static ServerHistory busy;
  private static ServerHistory quiet;
  private static AccountLives accounts;
  private static MembershipLife membership;
  private static ChannelLife channels;
  private static ServerLife life;
  private static ServerHistory deleted;
  private static DmLife dms;
  private static ServerHistory invited;
  private static String inviteCode;
  private static Rebuilder rebuilder;
  private static DatabaseVerifier verifier;

  @BeforeAll
  static void projectAStream() throws Exception {
    environment = ProjectorTestEnvironment.create();
    busy = TestEvents.server(300);
    quiet = TestEvents.server(5);
    var guest = new UserId(UUID.randomUUID());
    environment.send(busy.events().subList(0, 100));
    environment.send(quiet.events());
    environment.send(busy.events().subList(100, busy.events().size()));
    environment.send(List.of(TestEvents.memberJoined(busy.server(), busy.lastSeq() + 1, guest)));
    environment.send(List.of(TestEvents.userRegistered(guest, guest + "@example.com", "Guest")));
    environment.sendRaw(environment.serverTopic(), busy.server().toString(), "poison");
    var projector = new Projector(environment.properties());
    projector.start();
    try {
      projectAccountsInSteps(projector);
      projectMembershipEventByEvent(projector);
      projectChannelsEventByEvent(projector);
      projectServerLifeEventByEvent(projector);
      projectADeletedServer(projector);
      projectDirectMessagesEventByEvent(projector);
      projectAnInvite(projector);
      assertThat(projector.whenApplied(busy.server(), busy.lastSeq() + 1)).succeedsWithin(PATIENCE);
      assertThat(projector.whenApplied(quiet.server(), quiet.lastSeq())).succeedsWithin(PATIENCE);
      assertThat(projector.whenApplied(guest, 1)).succeedsWithin(PATIENCE);
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> projector.caughtUpTo(environment.endOffsets(environment.serverTopic())));
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> projector.caughtUpTo(environment.endOffsets(environment.authTopic())));
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> projector.caughtUpTo(environment.endOffsets(environment.dmTopic())));
    } finally {
      projector.stop();
    }
    var postgres = environment.postgres().endpoint();
    rebuilder =
        new Rebuilder(
            environment.bootstrapServers(),
            environment.prefix(),
            environment.names(),
            postgres,
            environment.properties().clusterEndpoints(),
            environment.credentials());
    verifier = new DatabaseVerifier(postgres);
  }

  /**
   * The live projector sees the accounts' lives in three steps, each committed before the next is
   * sent; a rebuild reads them in one batch.
   */
  private static void projectAccountsInSteps(Projector projector) {
    accounts = TestEvents.accountLives();
    var events = accounts.events();
    var step = (events.size() + 2) / 3;
    for (int from = 0; from < events.size(); from += step) {
      var sent = events.subList(from, Math.min(events.size(), from + step));
      environment.send(sent);
      for (var event : sent) {
        assertThat(projector.whenApplied(new UserId(event.aggregateId()), event.seq()))
            .succeedsWithin(PATIENCE);
      }
    }
  }

  /**
   * The live projector commits a membership life one event at a time; a rebuild reads it in one
   * batch, where Ben's join, leave and join meet.
   */
  private static void projectMembershipEventByEvent(Projector projector) {
    membership = TestEvents.membershipLife();
    for (var event : membership.events()) {
      environment.send(List.of(event));
      assertThat(projector.whenApplied(membership.server(), event.seq())).succeedsWithin(PATIENCE);
    }
  }

  /**
   * The live projector commits a channel life one event at a time; a rebuild reads it in one batch,
   * where messages are posted to a channel and the channel is deleted.
   */
  private static void projectChannelsEventByEvent(Projector projector) {
    channels = TestEvents.channelLife();
    for (var event : channels.events()) {
      environment.send(List.of(event));
      assertThat(projector.whenApplied(channels.server(), event.seq())).succeedsWithin(PATIENCE);
    }
  }

  /**
   * The live projector commits a server life one event at a time; a rebuild reads it in one batch,
   * where system messages, roles, overwrites and channel deletions meet. Ann marks her mention read
   * before it is projected (live and rebuilt, the mark comes first); the owner reads all after it
   * (live the mark comes last, rebuilt first: the auth events are replayed before the server's).
   */
  private static void projectServerLifeEventByEvent(Projector projector) {
    life = ServerLife.create();
    var annReads = TestEvents.event(life.ann().value(), 1, TestEvents.AT, annRead());
    environment.send(List.of(annReads));
    assertThat(projector.whenApplied(life.ann(), 1)).succeedsWithin(PATIENCE);
    for (var event : life.events()) {
      environment.send(List.of(event));
      assertThat(projector.whenApplied(life.history().server(), event.seq()))
          .succeedsWithin(PATIENCE);
    }
    var ownerReadsAll =
        TestEvents.event(
            life.owner().value(), 1, OWNER_READ_ALL_AT, new NotificationsRead(life.owner(), null));
    environment.send(List.of(ownerReadsAll));
    assertThat(projector.whenApplied(life.owner(), 1)).succeedsWithin(PATIENCE);
  }

  /** Ann's mark of her mention by its id. */
  private static NotificationsRead annRead() {
    return new NotificationsRead(
        life.ann(), Ids.notificationId(life.at(MENTIONED_SEQ).eventId(), life.ann()));
  }

  /** A server with a few messages, then deleted: its database is dropped. */
  private static void projectADeletedServer(Projector projector) throws Exception {
    var history = TestEvents.server(3);
    var server = history.server();
    var events = new ArrayList<>(history.events());
    events.add(
        TestEvents.event(
            server.value(), history.lastSeq() + 1, TestEvents.AT, new ServerDeleted(server)));
    deleted = new ServerHistory(server, history.owner(), history.channel(), List.copyOf(events));
    environment.send(deleted.events());
    assertThat(projector.whenApplied(server, deleted.lastSeq())).succeedsWithin(PATIENCE);
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> !environment.databaseExists(environment.names().server(server)));
  }

  /**
   * The live projector commits the direct messages one event at a time; a rebuild reads them in one
   * batch, where blocks are set, lifted and set again and messages sent and deleted.
   */
  private static void projectDirectMessagesEventByEvent(Projector projector) {
    dms = DmLife.create();
    for (var event : dms.events()) {
      environment.send(List.of(event));
      assertThat(projector.whenApplied(new ConversationId(event.aggregateId()), event.seq()))
          .succeedsWithin(PATIENCE);
    }
  }

  /** A server whose owner invites Cy of the direct messages: one decision, two events. */
  private static void projectAnInvite(Projector projector) {
    var history = TestEvents.server(0);
    var server = history.server();
    inviteCode = "i" + server.value().toString().substring(0, 8);
    var events = new ArrayList<>(history.events());
    for (var payload :
        List.<EventPayload>of(
            new InviteCreated(server, inviteCode, history.owner(), null, null),
            new InviteSent(server, inviteCode, history.owner(), dms.cy()))) {
      events.add(TestEvents.event(server.value(), events.size() + 1L, TestEvents.AT, payload));
    }
    invited = new ServerHistory(server, history.owner(), history.channel(), List.copyOf(events));
    environment.send(invited.events());
    assertThat(projector.whenApplied(server, invited.lastSeq())).succeedsWithin(PATIENCE);
  }

  @AfterAll
  static void closeEnvironment() {
    environment.close();
  }

  @Test
  void shouldEqualLiveRegistryRowByRowWhenRegistryIsRebuilt() throws Exception {
    var target = environment.prefix() + "rebuilt_registry";

    var result = rebuilder.rebuild(RebuildRequest.of(RebuildKind.REGISTRY, null, target));

    var live = environment.names().registry();
    assertThat(result.records())
        .isEqualTo(
            300
                + 3
                + 5
                + 3
                + 1
                + 1
                + membership.events().size()
                + channels.events().size()
                + life.events().size()
                + deleted.events().size()
                + invited.events().size());
    assertThat(result.undecodable()).isEqualTo(1);
    assertThat(verifier.diff(live, target)).isEmpty();
    MembershipRows.assertProjected(environment, live, membership);
    MembershipRows.assertProjected(environment, target, membership);
    ServerLifeRows.assertRegistry(environment, live, life);
    ServerLifeRows.assertRegistry(environment, target, life);
    assertThat(
            environment.queryString(
                target,
                "SELECT database_state || ' ' || member_count FROM servers WHERE id = '"
                    + deleted.server()
                    + "'"))
        .isEqualTo("DROPPED 0");
    environment.update(
        target,
        "UPDATE server_stats SET messages = messages + 1 WHERE server_id = '"
            + busy.server()
            + "'");
    environment.update(
        target, "UPDATE invite_codes SET uses = uses + 1 WHERE code = '" + membership.code() + "'");
    assertThat(verifier.diff(live, target))
        .anySatisfy(line -> assertThat(line).startsWith("table server_stats: "))
        .anySatisfy(line -> assertThat(line).startsWith("table invite_codes: "))
        .anySatisfy(
            line -> assertThat(line).contains(busy.server().toString()).endsWith("differs"));
  }

  @Test
  void shouldEqualLiveServerDatabaseWhenOneServerIsRebuilt() throws Exception {
    var target = environment.prefix() + "rebuilt_busy";

    var result = rebuilder.rebuild(RebuildRequest.of(RebuildKind.SERVER, busy.server(), target));

    var live = environment.names().server(busy.server());
    assertThat(result.stoppedAt()).hasSize(1);
    assertThat(verifier.diff(live, target)).isEmpty();
    assertThat(environment.queryLong(target, "SELECT count(*) FROM messages WHERE kind = 'USER'"))
        .isEqualTo(300);
    environment.update(target, "UPDATE messages SET content = 'tampered' WHERE seq = 100");
    environment.update(target, "DELETE FROM messages WHERE seq = 200");
    var differences = verifier.diff(live, target);
    assertThat(differences)
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).startsWith("table messages: 301 rows"))
        .anySatisfy(line -> assertThat(line).endsWith("differs"))
        .anySatisfy(line -> assertThat(line).endsWith("only in " + live));
  }

  @Test
  void shouldEqualLiveServerDatabaseWhenChannelsWereRenamedMovedAndDeleted() throws Exception {
    var target = environment.prefix() + "rebuilt_channels";

    rebuilder.rebuild(RebuildRequest.of(RebuildKind.SERVER, channels.server(), target));

    var live = environment.names().server(channels.server());
    assertThat(verifier.diff(live, target)).isEmpty();
    ChannelRows.assertProjected(environment, live, channels);
    ChannelRows.assertProjected(environment, target, channels);
    environment.update(target, "UPDATE channels SET position = position + 1");
    assertThat(verifier.diff(live, target))
        .anySatisfy(line -> assertThat(line).startsWith("table channels: "));
  }

  @Test
  void shouldEqualLiveServerDatabaseWhenAServerLifeIsRebuilt() throws Exception {
    var target = environment.prefix() + "rebuilt_life";

    rebuilder.rebuild(RebuildRequest.of(RebuildKind.SERVER, life.history().server(), target));

    var live = environment.names().server(life.history().server());
    assertThat(verifier.diff(live, target)).isEmpty();
    ServerLifeRows.assertServerDatabase(environment, live, life);
    ServerLifeRows.assertServerDatabase(environment, target, life);
    environment.update(target, "UPDATE read_states SET last_read_seq = last_read_seq - 1");
    environment.update(target, "DELETE FROM audit_log WHERE seq = 26");
    assertThat(verifier.diff(live, target))
        .anySatisfy(line -> assertThat(line).startsWith("table read_states: "))
        .anySatisfy(line -> assertThat(line).startsWith("table audit_log: "));
  }

  @Test
  void shouldRefuseToRebuildWhenTheServerIsDeleted() throws Exception {
    var target = environment.prefix() + "rebuilt_deleted";

    assertThatThrownBy(
            () ->
                rebuilder.rebuild(RebuildRequest.of(RebuildKind.SERVER, deleted.server(), target)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is deleted");
    assertThat(environment.databaseExists(target)).isFalse();
  }

  @Test
  void shouldEqualLiveAuthDatabaseWhenRebuiltThroughTheCommandLine() throws Exception {
    var target = environment.prefix() + "rebuilt_auth";
    var connection = connection();

    var rebuilt =
        ProjectorCli.run(
            join(List.of("rebuild", "--kind", "auth", "--target", target, "--verify"), connection));
    environment.update(target, "UPDATE user_profiles SET bio = 'changed'");
    var verified =
        ProjectorCli.run(
            join(
                List.of("verify", "--left", environment.names().auth(), "--right", target),
                connection));

    assertThat(rebuilt).isEqualTo(ProjectorCli.EQUAL);
    assertThat(verified).isEqualTo(ProjectorCli.DIFFERENT);
  }

  @Test
  void shouldEqualLiveDmDatabaseWhenRebuiltThroughTheCommandLine() throws Exception {
    var target = environment.prefix() + "rebuilt_dms";
    var live = environment.names().dms();

    var rebuilt =
        ProjectorCli.run(
            join(
                List.of("rebuild", "--kind", "dms", "--target", target, "--verify"), connection()));

    assertThat(rebuilt).isEqualTo(ProjectorCli.EQUAL);
    assertThat(verifier.diff(live, target)).isEmpty();
    DmLifeRows.assertDms(environment, live, dms);
    DmLifeRows.assertDms(environment, target, dms);
    environment.update(target, "UPDATE dm_read_status SET last_read_seq = last_read_seq - 1");
    environment.update(target, "DELETE FROM dm_blocks WHERE blocker_id = '" + dms.cy() + "'");
    assertThat(verifier.diff(live, target))
        .anySatisfy(line -> assertThat(line).startsWith("table dm_read_status: "))
        .anySatisfy(line -> assertThat(line).startsWith("table dm_blocks: "));
  }

  @Test
  void shouldStopAtTheGivenTimeWhenRebuildingUntilATime() throws Exception {
    var target = environment.prefix() + "rebuilt_until";
    var untilMessage49 = TestEvents.AT.plusSeconds(49);

    rebuilder.rebuild(
        new RebuildRequest(RebuildKind.SERVER, busy.server(), target, null, untilMessage49));

    assertThat(environment.queryLong(target, "SELECT count(*) FROM messages")).isEqualTo(50);
    assertThat(verifier.diff(environment.names().server(busy.server()), target)).isNotEmpty();
  }

  @Test
  void shouldKeepDeletedAccountsTombstoneWhenAuthWithSessionsIsRebuilt() throws Exception {
    var target = environment.prefix() + "rebuilt_accounts";
    var live = environment.names().auth();

    rebuilder.rebuild(RebuildRequest.of(RebuildKind.AUTH, null, target));

    assertThat(verifier.diff(live, target)).isEmpty();
    for (var database : List.of(live, target)) {
      assertAccountsProjected(database);
      ServerLifeRows.assertNotifications(environment, database, life);
      assertNotificationsRead(database);
      DmLifeRows.assertNotifications(environment, database, dms);
      assertThat(
              environment.queryRows(
                  database,
                  "user_id || ' ' || kind || ' ' || invite_code",
                  "notifications WHERE server_id = '" + invited.server() + "'",
                  "1"))
          .isEqualTo(dms.cy() + " INVITE " + inviteCode);
    }
    environment.update(
        target,
        "UPDATE sessions SET generation = generation + 1 WHERE user_id = '" + accounts.ada() + "'");
    environment.update(target, "UPDATE notification_reads SET read_at = read_at + interval '1s'");
    environment.update(target, "DELETE FROM notification_watermarks");
    environment.update(target, "DELETE FROM notifications WHERE kind = 'DM'");
    assertThat(verifier.diff(live, target))
        .anySatisfy(line -> assertThat(line).startsWith("table sessions: "))
        .anySatisfy(line -> assertThat(line).startsWith("table notification_reads: "))
        .anySatisfy(line -> assertThat(line).startsWith("table notification_watermarks: "))
        .anySatisfy(line -> assertThat(line).startsWith("table notifications: "));
  }

  /**
   * Ann's mark and the owner's watermark are projected whatever came first, and read as the edge
   * reads them, both their mentions are read: Ann's when she marked it, the owner's as of the mark.
   */
  private static void assertNotificationsRead(String database) throws Exception {
    var annMention = Ids.notificationId(life.at(MENTIONED_SEQ).eventId(), life.ann());
    assertThat(
            environment.queryString(
                database,
                "SELECT notification_id || ' ' || user_id || ' '"
                    + " || extract(epoch FROM read_at)::bigint FROM notification_reads"))
        .isEqualTo(annMention + " " + life.ann() + " " + TestEvents.AT.getEpochSecond());
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(n.user_id || ' ' || extract(epoch FROM coalesce(r.read_at,"
                    + " CASE WHEN n.created_at <= w.read_before THEN w.read_before END))::bigint,"
                    + " ',' ORDER BY n.user_id = '"
                    + life.ann()
                    + "' DESC) FROM notifications n"
                    + " LEFT JOIN notification_reads r ON r.notification_id = n.id"
                    + " LEFT JOIN notification_watermarks w ON w.user_id = n.user_id"
                    + " WHERE n.server_id = '"
                    + life.history().server()
                    + "'"))
        .isEqualTo(
            life.ann()
                + " "
                + TestEvents.AT.getEpochSecond()
                + ","
                + life.owner()
                + " "
                + OWNER_READ_ALL_AT.getEpochSecond());
  }

  private static void assertAccountsProjected(String database) throws Exception {
    var bob = "'" + accounts.bob() + "'";
    var deletedAt = "'" + TestEvents.AT.plusSeconds(accounts.lastSeq(accounts.bob())) + "'";
    assertThat(
            count(
                database,
                "users WHERE id = "
                    + bob
                    + " AND email IS NULL AND password_hash IS NULL AND deleted_at = "
                    + deletedAt))
        .isEqualTo(1);
    assertThat(count(database, "user_profiles WHERE user_id = " + bob)).isZero();
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(revoke_reason || ' ' || (revoked_at = "
                    + deletedAt
                    + ")::text, ',' ORDER BY revoke_reason) FROM sessions WHERE user_id = "
                    + bob))
        .isEqualTo("ACCOUNT_DELETED true,REFRESH_TOKEN_REUSED false");
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(success::text, ',' ORDER BY success) FROM login_history"
                    + " WHERE user_id = "
                    + bob))
        .isEqualTo("false,true,true");
    assertThat(
            environment.queryString(
                database, "SELECT email FROM users WHERE id = '" + accounts.carol() + "'"))
        .isEqualTo(accounts.bobEmail());
    assertThat(
            environment.queryString(
                database,
                "SELECT display_name || coalesce(avatar_url, '-') || coalesce(bio, '-')"
                    + " FROM user_profiles WHERE user_id = '"
                    + accounts.ada()
                    + "'"))
        .isEqualTo("Ada--");
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(generation || ' ' || coalesce(revoke_reason, 'open'), ','"
                    + " ORDER BY created_at) FROM sessions WHERE user_id = '"
                    + accounts.ada()
                    + "'"))
        .isEqualTo("2 open,0 SIGNED_OUT");
  }

  private static long count(String database, String from) throws Exception {
    return environment.queryLong(database, "SELECT count(*) FROM " + from);
  }

  /** The command line options reaching this environment's topics and databases. */
  private static String[] connection() {
    var postgres = environment.postgres();
    return new String[] {
      "--bootstrap-servers", environment.bootstrapServers(),
      "--topic-prefix", environment.prefix(),
      "--database-prefix", environment.prefix(),
      "--pg-host", postgres.host(),
      "--pg-port", Integer.toString(postgres.port()),
      "--pg-user", postgres.username(),
      "--pg-password", postgres.password(),
      "--placement-key-file", environment.placementKeyFile().toString()
    };
  }

  private static String[] join(List<String> command, String[] options) {
    var all = new ArrayList<>(command);
    all.addAll(List.of(options));
    return all.toArray(String[]::new);
  }
}
