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

  @Test
  void shouldForgetAJoinWhenALaterLeaveOfTheSameServerIsSeen() {
    joins.record(ada, engines, 0);
    joins.record(ada, looms, 1);
    joins.forget(ada, engines, 2);

    assertThat(joins.of(ada, 3)).containsExactly(looms);
    assertThat(joins.leftOf(ada, 3)).containsExactly(engines);
  }

  @Test
  void shouldRememberTheRejoinWhenAUserJoinsAgainAfterLeaving() {
    joins.record(ada, engines, 0);
    joins.forget(ada, engines, 1);
    joins.record(ada, engines, 2);

    assertThat(joins.of(ada, 3)).containsExactly(engines);
    assertThat(joins.leftOf(ada, 3)).isEmpty();
  }

  @Test
  void shouldForgetALeaveWhenItIsOlderThanTheWindow() {
    joins.forget(ada, engines, 0);

    assertThat(joins.leftOf(ada, RecentJoins.WINDOW.toNanos() + 1)).isEmpty();
  }
}
