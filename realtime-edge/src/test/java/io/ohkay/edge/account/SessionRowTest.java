package io.ohkay.edge.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionRowTest {

  private final UUID id = UUID.randomUUID();
  private final UUID user = UUID.randomUUID();
  private final Instant created = Instant.parse("2026-01-02T03:04:05Z");
  private final Instant expires = created.plusSeconds(900);

  private SessionRow row(Instant revokedAt, String email) {
    return new SessionRow(
        id, user, created, created.plusSeconds(60), 2, null, "ua", revokedAt, email, "Alice");
  }

  @Test
  void shouldDescribeTheUserTheSessionAndTheTokenExpiryWhenLive() {
    var view = row(null, "a@x.io").view(expires).orElseThrow();

    assertThat(view.user()).isEqualTo(new SessionView.User(user, "a@x.io", "Alice"));
    assertThat(view.session())
        .isEqualTo(new SessionView.Session(id, created, created.plusSeconds(60), 2, null, "ua"));
    assertThat(view.accessTokenExpiresAt()).isEqualTo(expires);
  }

  @Test
  void shouldDescribeNothingWhenTheSessionIsRevokedOrTheAccountErased() {
    assertThat(row(created, "a@x.io").view(expires)).isEmpty();
    assertThat(row(null, null).view(expires)).isEmpty();
  }
}
