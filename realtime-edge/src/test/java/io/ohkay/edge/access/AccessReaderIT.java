package io.ohkay.edge.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.db.Databases;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access model of a server as read from its projected rows on real PostgreSQL. */
class AccessReaderIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("acc");
  private static final Databases DATABASES = databases();
  private static final AccessReader READER = new AccessReader(DATABASES);

  private static Databases databases() {
    var settings = ENV.properties();
    var host = (String) settings.get("ohkay.edge.postgres.host");
    var port = (Integer) settings.get("ohkay.edge.postgres.port");
    var username = (String) settings.get("ohkay.edge.postgres.username");
    var password = (String) settings.get("ohkay.edge.postgres.password");
    return new Databases(
        new Databases.Settings(host, port, username, password, 2),
        List.of(new Databases.Cluster("main", host, port, username, password)),
        ENV::credentials,
        ENV.registryDatabase(),
        ENV.authDatabase(),
        ENV.dmsDatabase());
  }

  @AfterAll
  static void close() {
    DATABASES.close();
  }

  @Test
  void shouldBuildTheModelAndItsSeqWhenTheServerHasRolesAndOverwrites() {
    var owner = UUID.randomUUID();
    var moderator = UUID.randomUUID();
    var plain = UUID.randomUUID();
    var server = ENV.createServer("Modelled", owner);
    ENV.addMember(server, moderator);
    ENV.addMember(server, plain);
    var channel = ENV.addChannel(server, "staff", 0);
    var role = UUID.randomUUID();
    ENV.addRole(server, role, "mods", List.of(Permission.MANAGE_MESSAGES, Permission.KICK_MEMBERS));
    ENV.assignRole(server, moderator, role);
    ENV.setOverwrite(
        server, channel, OverwriteTarget.ROLE, server, List.of(), List.of(Permission.VIEW_CHANNEL));
    ENV.setOverwrite(
        server, channel, OverwriteTarget.ROLE, role, List.of(Permission.VIEW_CHANNEL), List.of());
    ENV.applied(ENV.databaseOf(server), server, 17);

    var snapshot = READER.load(server).block();

    assertThat(snapshot).isNotNull();
    assertThat(snapshot.seq()).isEqualTo(17);
    var model = snapshot.model();
    assertThat(model.ownerId()).isEqualTo(owner);
    assertThat(model.roles())
        .containsEntry(server, PermissionSet.EVERYONE_DEFAULT)
        .containsEntry(
            role, PermissionSet.of(List.of(Permission.MANAGE_MESSAGES, Permission.KICK_MEMBERS)));
    assertThat(model.rolesOf(moderator)).isEqualTo(Set.of(role));
    assertThat(model.overwrites().get(channel)).containsOnlyKeys(server, role);
    assertThat(model.canView(moderator, channel)).isTrue();
    assertThat(model.canView(plain, channel)).isFalse();
    assertThat(model.canView(owner, channel)).isTrue();
    assertThat(model.serverPermissions(moderator).has(Permission.KICK_MEMBERS)).isTrue();
  }

  @Test
  void shouldReadSeqZeroAndIgnoreUnknownPermissionNamesWhenTheProjectorIsNewer() {
    var owner = UUID.randomUUID();
    var server = ENV.createServer("Newer", owner);
    ENV.sql(
        ENV.databaseOf(server),
        "update roles set permissions = array['VIEW_CHANNEL', 'TIME_TRAVEL'] where id = ?",
        server);

    var snapshot = READER.load(server).block();

    assertThat(snapshot).isNotNull();
    assertThat(snapshot.seq()).isZero();
    assertThat(snapshot.model().roles().get(server))
        .isEqualTo(PermissionSet.of(List.of(Permission.VIEW_CHANNEL)));
  }

  @Test
  void shouldBeEmptyWhenTheServerIsUnknownOrDeleted() {
    var server = ENV.createServer("Doomed", UUID.randomUUID());
    ENV.deleteServer(server);

    assertThat(READER.load(UUID.randomUUID()).blockOptional()).isEmpty();
    assertThat(READER.load(server).blockOptional()).isEmpty();
  }
}
