package io.ohkay.projector.server;

import static io.ohkay.projector.TestEvents.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.projection.DatabaseNames;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServersProjectionTest {

  private final ServersProjection projection = new ServersProjection(new DatabaseNames("t1_"));

  @Test
  void shouldRecordServerWithDefaultClusterAndItsDatabaseWhenServerCreated() {
    var history = TestEvents.server(0);

    var writes = projection.project(history.events().get(0));

    assertThat(writes)
        .singleElement()
        .satisfies(
            write -> {
              assertThat(write.statement()).isEqualTo(ServersProjection.INSERT_SERVER);
              assertThat(write.params())
                  .containsExactly(
                      history.server().value(),
                      "server " + history.server(),
                      history.owner().value(),
                      "default",
                      "t1_server_" + history.server().value().toString().replace("-", ""),
                      AT.atOffset(ZoneOffset.UTC));
            });
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
