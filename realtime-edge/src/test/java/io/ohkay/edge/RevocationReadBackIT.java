package io.ohkay.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.SessionRevoked;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An edge started after a revocation still refuses the revoked tokens, from its very first request:
 * the revocations are read back from the auth events topic before the web server opens. The
 * revocations are published while this class loads, before its application context starts.
 */
@EdgeIntegrationTest
class RevocationReadBackIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("rbk");
  private static final UUID USER = UUID.randomUUID();
  private static final UUID REVOKED_SESSION = UUID.randomUUID();
  private static final UUID DELETED_USER = UUID.randomUUID();

  static {
    ENV.publishAccount(
        event(
            USER,
            new SessionRevoked(
                new UserId(USER),
                new SessionId(REVOKED_SESSION),
                SessionRevoked.Reason.SIGNED_OUT)),
        event(DELETED_USER, new UserDeleted(new UserId(DELETED_USER))));
  }

  @LocalServerPort int port;

  @Test
  void shouldRefuseTokensRevokedBeforeTheEdgeStartedWhenItServesItsFirstRequests() {
    var http = new EdgeHttp(port);

    var revoked = http.get("/api/servers", ENV.tokens().valid(USER, REVOKED_SESSION));
    var deleted = http.get("/api/servers", ENV.tokens().valid(DELETED_USER));
    var otherSession = http.get("/api/servers", ENV.tokens().valid(USER));

    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.json().get("code").stringValue()).isEqualTo("UNAUTHENTICATED");
    assertThat(deleted.status()).isEqualTo(401);
    assertThat(otherSession.status()).isEqualTo(200);
  }

  private static Event event(UUID user, io.ohkay.schemas.event.EventPayload payload) {
    return Event.decided(
        new CommandId(UUID.randomUUID()), 0, user, 1, Instant.now(), new UserId(user), payload);
  }
}
