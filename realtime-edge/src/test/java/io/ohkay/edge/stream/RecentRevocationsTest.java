package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentRevocationsTest {

  private final RecentRevocations revocations = new RecentRevocations();

  @Test
  void shouldNameTheAccountReasonFirstWhenBothAreRevoked() {
    var user = UUID.randomUUID();
    var session = UUID.randomUUID();

    revocations.record(session, "SIGNED_OUT");
    assertThat(revocations.reasonFor(user, session)).isEqualTo("SIGNED_OUT");

    revocations.record(user, "ACCOUNT_DELETED");
    assertThat(revocations.reasonFor(user, session)).isEqualTo("ACCOUNT_DELETED");
    assertThat(revocations.reasonFor(UUID.randomUUID(), UUID.randomUUID())).isNull();
  }

  @Test
  void shouldForgetTheOldestWhenFull() {
    var first = UUID.randomUUID();
    revocations.record(first, "SIGNED_OUT");
    for (int i = 0; i < RecentRevocations.CAPACITY; i++) {
      revocations.record(UUID.randomUUID(), "SIGNED_OUT");
    }

    assertThat(revocations.reasonFor(UUID.randomUUID(), first)).isNull();
  }
}
