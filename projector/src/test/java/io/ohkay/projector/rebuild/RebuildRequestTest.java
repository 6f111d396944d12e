package io.ohkay.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.projector.TestEvents;
import io.ohkay.projector.db.PostgresEndpoint;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.id.ServerId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RebuildRequestTest {

  private final Rebuilder rebuilder =
      new Rebuilder(
          "localhost:1",
          "",
          new DatabaseNames("ohkay_"),
          new PostgresEndpoint("localhost", 1, "postgres", ""),
          Map.of(),
          TestEvents.CREDENTIALS);

  @Test
  void shouldRequireServerWhenKindIsServer() {
    assertThatThrownBy(() -> RebuildRequest.of(RebuildKind.SERVER, null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> RebuildRequest.of(RebuildKind.REGISTRY, new ServerId(UUID.randomUUID()), "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseTwoStopsWhenBothOffsetAndTimeAreGiven() {
    assertThatThrownBy(() -> new RebuildRequest(RebuildKind.AUTH, null, "x", 10L, Instant.EPOCH))
        .hasMessageContaining("not both");
  }

  @Test
  void shouldNameTheLiveDatabaseWhenVerifyingARebuild() {
    var server = new ServerId(UUID.fromString("0190f5a2-7c4e-7b1a-9d3e-1f2a3b4c5d6e"));

    assertThat(rebuilder.liveDatabase(RebuildRequest.of(RebuildKind.AUTH, null, "x")))
        .isEqualTo("ohkay_auth");
    assertThat(rebuilder.liveDatabase(RebuildRequest.of(RebuildKind.REGISTRY, null, "x")))
        .isEqualTo("ohkay_server_registry");
    assertThat(rebuilder.liveDatabase(RebuildRequest.of(RebuildKind.SERVER, server, "x")))
        .isEqualTo("ohkay_server_0190f5a27c4e7b1a9d3e1f2a3b4c5d6e");
  }

  @Test
  void shouldRefuseToRebuildWhenTargetIsTheLiveDatabase() {
    assertThatThrownBy(
            () ->
                rebuilder.rebuild(
                    RebuildRequest.of(RebuildKind.REGISTRY, null, "ohkay_server_registry")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("live database");
  }
}
