package io.ohkay.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.id.ServerId;
import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

  @Test
  void shouldNameServerDatabaseWithoutDashesWhenGivenServerId() {
    var names = new DatabaseNames("ohkay_");
    var server = ServerId.parse("0190f5a2-7c4e-7b1a-9d3e-1f2a3b4c5d6e");

    assertThat(names.server(server)).isEqualTo("ohkay_server_0190f5a27c4e7b1a9d3e1f2a3b4c5d6e");
    assertThat(names.auth()).isEqualTo("ohkay_auth");
    assertThat(names.registry()).isEqualTo("ohkay_server_registry");
  }

  @Test
  void shouldRejectPrefixWhenItCouldBreakAnIdentifier() {
    assertThatThrownBy(() -> new DatabaseNames("Ohkay\"; DROP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database prefix");
    assertThatThrownBy(() -> new DatabaseNames("a".repeat(25)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
