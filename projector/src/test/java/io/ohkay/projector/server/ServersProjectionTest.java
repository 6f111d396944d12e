package io.ohkay.projector.server;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.placement.ServerCredentials;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServersProjectionTest {

  private final ServersProjection projection =
      new ServersProjection(new DatabaseNames("t1_"), TestEvents.CREDENTIALS);

  @Test
  void shouldRecordClusterDatabaseRoleAndSealedPasswordWhenServerCreated() {
    var history = TestEvents.server(0, "second");
    var server = history.server();
    var database = "t1_server_" + server.value().toString().replace("-", "");

    var writes = projection.project(history.events().get(0));

    assertThat(writes)
        .singleElement()
        .extracting(w -> w.statement())
        .isEqualTo(ServersProjection.INSERT_SERVER);
    var params = writes.get(0).params();
    assertThat(params.subList(0, 6))
        .containsExactly(
            server.value(),
            "server " + server,
            history.owner().value(),
            "second",
            database,
            database);
    assertThat(params.get(7)).isEqualTo(AT.atOffset(ZoneOffset.UTC));
    var sealed = (String) params.get(6);
    var password = TestEvents.CREDENTIALS.passwordOf(server);
    assertThat(sealed).doesNotContain(password);
    assertThat(
            TestEvents.CREDENTIALS.open(
                sealed, ServerCredentials.boundTo(server, "second", database, database)))
        .isEqualTo(password);
    assertThatThrownBy(
            () ->
                TestEvents.CREDENTIALS.open(
                    sealed, ServerCredentials.boundTo(server, "main", database, database)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPlaceOnTheDefaultClusterWhenTheEventNamesNone() {
    var history = TestEvents.server(0);
    var created = (ServerCreated) history.events().get(0).payload();

    var placement =
        projection.placementOf(
            new ServerCreated(created.serverId(), created.name(), created.ownerId(), null));

    assertThat(placement.cluster()).isEqualTo("main");
    assertThat(placement.password(TestEvents.CREDENTIALS))
        .isEqualTo(TestEvents.CREDENTIALS.passwordOf(created.serverId()));
    assertThat(placement.toString()).doesNotContain(placement.sealedCredentials());
  }

  @Test
  void shouldWriteNothingWhenEventBelongsToTheServerDatabase() {
    var history = TestEvents.server(1);

    assertThat(projection.project(history.events().get(2))).isEmpty();
    assertThat(projection.project(history.events().get(3))).isEmpty();
  }

  @Test
  void shouldWriteNothingWhenEventIsAboutMembership() {
    var life = TestEvents.membershipLife();

    assertThat(life.events().subList(1, life.events().size()))
        .allSatisfy(event -> assertThat(projection.project(event)).isEmpty());
  }
}
