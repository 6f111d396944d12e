package io.ohkay.command.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which server an invite code opens: invites created lately (from the outcomes every instance
 * reads, so a code works the moment its creation is answered), else the registry's {@code
 * invite_codes}. Whether the code is still usable is the server decider's to say.
 */
public final class InviteDirectory {

  private static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

  private final DataSource registry;
  private final Cache<String, ServerId> recent =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(REMEMBERED_FOR).build();

  public InviteDirectory(DataSource registry) {
    this.registry = registry;
  }

  /** Learns from one outcome; cheap, called on the outcome listener's thread. */
  public void accept(CommandOutcome outcome) {
    for (var event : outcome.events()) {
      if (event.payload() instanceof InviteCreated created) {
        recent.put(created.code(), created.serverId());
      }
    }
  }

  /** The server of {@code code}, if it ever existed. Blocking JDBC: call off the event loop. */
  Optional<ServerId> serverOf(String code) {
    var known = recent.getIfPresent(code);
    if (known != null) {
      return Optional.of(known);
    }
    try (var connection = registry.getConnection();
        var statement =
            connection.prepareStatement("SELECT server_id FROM invite_codes WHERE code = ?")) {
      statement.setString(1, code);
      try (var rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(new ServerId(rows.getObject(1, UUID.class)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ProblemException(ErrorCode.UNAVAILABLE, "The server registry is unavailable.");
    }
  }
}
