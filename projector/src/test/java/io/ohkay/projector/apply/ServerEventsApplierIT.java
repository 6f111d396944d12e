package io.ohkay.projector.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.ChannelRows;
import io.ohkay.projector.MembershipRows;
import io.ohkay.projector.ServerLife;
import io.ohkay.projector.ServerLifeRows;
import io.ohkay.projector.TestEvents;
import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.projector.server.ServerPlacement;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The projections on real databases end the same whether a history is one (redelivered) batch or
 * one batch per event: in the registry a membership life, where one user joins, leaves and joins
 * again; in a server's own database a channel life, where channels are renamed, moved and one is
 * deleted with the messages posted to it in the same batch; a server life with roles, overwrites,
 * edits, system messages, reads, moderation and mentions in all three databases; a deletion.
 */
class ServerEventsApplierIT {

  @RegisterExtension
  static final AppliedDatabases DATABASES = new AppliedDatabases("server-events");

  @Test
  void shouldEqualEventByEventWritesWhenAMembershipLifeIsOneRedeliveredBatch() throws Exception {
    var life = TestEvents.membershipLife();

    var oneBatch =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(this::applier, life.events());

    MembershipRows.assertProjected(DATABASES.environment(), oneBatch, life);
  }

  @Test
  void shouldEqualEventByEventWritesWhenAChannelLifeIsOneRedeliveredBatch() throws Exception {
    var life = TestEvents.channelLife();

    var oneBatch =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(
            "server_", this::serverApplier, life.events());

    ChannelRows.assertProjected(DATABASES.environment(), oneBatch, life);
  }

  @Test
  void shouldEqualEventByEventWritesWhenAServerLifeIsOneRedeliveredBatch() throws Exception {
    var life = ServerLife.create();

    var server =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(
            "life_server_", this::serverApplier, life.events());
    var registry =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(
            "life_registry_", this::applier, life.events());
    var auth =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent(
            "life_auth_", this::authApplier, life.events());

    ServerLifeRows.assertServerDatabase(DATABASES.environment(), server, life);
    ServerLifeRows.assertRegistry(DATABASES.environment(), registry, life);
    ServerLifeRows.assertNotifications(DATABASES.environment(), auth, life);
  }

  @Test
  void shouldKeepTheServerRowWithoutMembersInvitesOrBansWhenServerDeleted() throws Exception {
    var history = TestEvents.server(0);
    var server = history.server();
    var ann = new UserId(UUID.randomUUID());
    var events = new ArrayList<>(history.events());
    for (var payload :
        List.<EventPayload>of(
            new InviteCreated(
                server, "c" + server.value().toString().substring(0, 8), ann, null, 1),
            new MemberJoined(server, ann),
            new MemberBanned(server, new UserId(UUID.randomUUID()), null),
            new ServerDeleted(server))) {
      var seq = events.size() + 1L;
      events.add(TestEvents.event(server.value(), seq, TestEvents.AT.plusSeconds(seq), payload));
    }

    var registry =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent("deleted_", this::applier, events);

    var environment = DATABASES.environment();
    assertThat(
            environment.queryString(
                registry,
                "SELECT database_state || ' ' || member_count || ' '"
                    + " || (extract(epoch FROM deleted_at)::bigint - "
                    + TestEvents.AT.getEpochSecond()
                    + ") FROM servers WHERE id = '"
                    + server
                    + "'"))
        .isEqualTo("DROPPED 0 7");
    for (var table : List.of("server_members", "invite_codes", "server_bans")) {
      assertThat(
              environment.queryLong(
                  registry,
                  "SELECT count(*) FROM " + table + " WHERE server_id = '" + server + "'"))
          .as(table)
          .isZero();
    }
  }

  @Test
  void shouldDropTheDatabaseAfterTheRegistryCommitAndNeverWriteItAgainWhenServerDeleted()
      throws Exception {
    var history = TestEvents.server(1);
    var server = history.server();
    var deleted =
        TestEvents.event(
            server.value(), history.lastSeq() + 1, TestEvents.AT, new ServerDeleted(server));
    var environment = DATABASES.environment();
    var registryName = environment.prefix() + "dropping_registry";
    var registry = DATABASES.open(registryName, DatabaseKind.REGISTRY);
    var serverDatabase =
        DATABASES.open(environment.prefix() + "dropping_server", DatabaseKind.SERVER);
    var opened = new ArrayList<String>();
    var registryStateWhenDropped = new ArrayList<String>();
    var applier =
        new ServerEventsApplier(
            environment.names(),
            TestEvents.CREDENTIALS,
            registry,
            new ServerEventsApplier.ServerDatabases() {
              @Override
              public Optional<DataSource> of(
                  ServerId serverId, @Nullable ServerPlacement placement) {
                opened.add(serverId + " " + placement);
                return Optional.of(serverDatabase);
              }

              @Override
              public void drop(ServerPlacement placement) throws SQLException {
                registryStateWhenDropped.add(
                    placement.server()
                        + " "
                        + environment.queryString(
                            registryName,
                            "SELECT database_state FROM servers WHERE id = '"
                                + placement.server()
                                + "'"));
              }
            },
            null,
            new AppliedSeqs());
    var all = new ArrayList<>(history.events());
    all.add(deleted);
    var sourced = DATABASES.sourced(all);

    applier.apply(sourced, DATABASES.next(sourced.size()));
    applier.apply(sourced, DATABASES.next(sourced.size()));

    assertThat(opened)
        .containsExactly(
            server
                + " ServerPlacement["
                + server
                + " on main: "
                + environment.names().server(server)
                + "@"
                + environment.names().server(server)
                + "]");
    assertThat(registryStateWhenDropped).containsExactly(server + " DROPPED", server + " DROPPED");
    assertThat(applier.deletedAmong(List.of(environment.names().server(server), "other")))
        .containsExactly(environment.names().server(server));
  }

  /**
   * The owner invites Ann (an invite and the invite sent, one decision): Ann is notified until the
   * server is deleted, which takes the notification with it.
   */
  @Test
  void shouldNotifyTheInviteeUntilTheServerIsDeletedWhenAnInviteIsSent() throws Exception {
    var history = TestEvents.server(0);
    var server = history.server();
    var owner = history.owner();
    var ann = new UserId(UUID.randomUUID());
    var code = "c" + server.value().toString().substring(0, 8);
    var invited = history.lastSeq() + 1;
    var events = new ArrayList<>(history.events());
    events.add(
        TestEvents.event(
            server.value(),
            invited,
            TestEvents.AT,
            new InviteCreated(server, code, owner, null, null)));
    events.add(
        TestEvents.event(
            server.value(), invited + 1, TestEvents.AT, new InviteSent(server, code, owner, ann)));
    var database =
        DATABASES.assertOneRedeliveredBatchEqualsEventByEvent("invite_", this::authApplier, events);
    var environment = DATABASES.environment();

    assertThat(
            environment.queryRows(
                database,
                "id || ' ' || user_id || ' ' || kind || ' ' || server_id || ' ' || invite_code"
                    + " || ' ' || actor_id || ' ' || (channel_id IS NULL AND message_id IS NULL"
                    + " AND conversation_id IS NULL)",
                "notifications",
                "1"))
        .isEqualTo(
            Ids.notificationId(events.getLast().eventId(), ann)
                + " "
                + ann
                + " INVITE "
                + server
                + " "
                + code
                + " "
                + owner
                + " true");
    var deleted =
        TestEvents.event(server.value(), invited + 2, TestEvents.AT, new ServerDeleted(server));
    authApplier(database)
        .apply(DATABASES.sourced(List.of(deleted)), DATABASES.next(events.size() + 1));
    assertThat(environment.queryLong(database, "SELECT count(*) FROM notifications")).isZero();
  }

  /** Writes only the server database, opened on each use as the projector does. */
  private ServerEventsApplier serverApplier(String database) {
    return new ServerEventsApplier(
        DATABASES.environment().names(),
        TestEvents.CREDENTIALS,
        null,
        (id, placement) -> Optional.of(DATABASES.open(database, DatabaseKind.SERVER)),
        null,
        new AppliedSeqs());
  }

  private ServerEventsApplier applier(String database) throws Exception {
    var registry = DATABASES.open(database, DatabaseKind.REGISTRY);
    return new ServerEventsApplier(
        DATABASES.environment().names(),
        TestEvents.CREDENTIALS,
        registry,
        (id, placement) -> Optional.empty(),
        null,
        new AppliedSeqs());
  }

  /** Writes only the notifications into an auth database. */
  private ServerEventsApplier authApplier(String database) throws Exception {
    var auth = DATABASES.open(database, DatabaseKind.AUTH);
    return new ServerEventsApplier(
        DATABASES.environment().names(),
        TestEvents.CREDENTIALS,
        null,
        (id, placement) -> Optional.empty(),
        auth,
        new AppliedSeqs());
  }
}
