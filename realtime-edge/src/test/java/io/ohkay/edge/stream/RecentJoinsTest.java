package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentJoinsTest {

  private final RecentJoins joins = new RecentJoins();
  private final UUID ada = UUID.randomUUID();
  private final UUID engines = UUID.randomUUID();
  private final UUID looms = UUID.randomUUID();

  @Test
  void shouldRememberAJoinWhenItIsRecent() {
    joins.record(ada, engines, 0);
    joins.record(ada, looms, 10);

    assertThat(joins.of(ada, 20)).containsExactlyInAnyOrder(engines, looms);
    assertThat(joins.of(UUID.randomUUID(), 20)).isEmpty();
  }

  @Test
  void shouldForgetAJoinWhenItIsOlderThanTheWindow() {
    joins.record(ada, engines, 0);
    joins.record(ada, looms, RecentJoins.WINDOW.toNanos());

    assertThat(joins.of(ada, RecentJoins.WINDOW.toNanos() + 1)).containsExactly(looms);
  }

  @Test
  void shouldKeepTheLatestJoinWhenTheSameServerIsJoinedTwice() {
    joins.record(ada, engines, 0);
    joins.record(ada, engines, RecentJoins.WINDOW.toNanos());

    assertThat(joins.of(ada, RecentJoins.WINDOW.toNanos() + 1)).containsExactly(engines);
  }
}
