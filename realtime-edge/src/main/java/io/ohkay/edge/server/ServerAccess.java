package io.ohkay.edge.server;

import io.ohkay.edge.access.AccessSnapshot;
import io.ohkay.edge.position.Freshness;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A member's read access to one server: its own database, what the member may do there, and whether
 * the reads so far saw the position the request asked for.
 *
 * @param user the member reading
 * @param access the server's permissions as read with the request
 */
public record ServerAccess(
    ServerId serverId,
    UserId user,
    DatabaseClient database,
    AccessSnapshot access,
    Freshness freshness) {

  private static final String CHANNEL_EXISTS = "select 1 from channels where id = :channel";

  /** What the member may do server-wide. */
  public PermissionSet permissions() {
    return access.model().serverPermissions(user.value());
  }

  /** What the member may do in {@code channel}; none when they cannot view it. */
  public PermissionSet permissionsIn(UUID channel) {
    return access.model().channelPermissions(user.value(), channel);
  }

  /** Whether the member may view {@code channel}. */
  public boolean canView(UUID channel) {
    return access.model().canView(user.value(), channel);
  }

  /** {@code MISSING_PERMISSION} unless the member holds {@code permission} server-wide. */
  public Mono<ServerAccess> require(Permission permission) {
    return permissions().has(permission) ? Mono.just(this) : Mono.error(() -> missing(permission));
  }

  /**
   * This access once {@code channel} is known to exist and be viewable by the member; {@code
   * CHANNEL_NOT_FOUND} otherwise, so a hidden channel looks like no channel at all.
   */
  public Mono<ServerAccess> viewableChannel(UUID channel) {
    if (!canView(channel)) {
      return Mono.error(ServerAccess::channelNotFound);
    }
    return database
        .sql(CHANNEL_EXISTS)
        .bind("channel", channel)
        .map(row -> this)
        .one()
        .switchIfEmpty(Mono.error(ServerAccess::channelNotFound));
  }

  /** {@code MISSING_PERMISSION} unless the member holds {@code permission} in {@code channel}. */
  public Mono<ServerAccess> require(Permission permission, UUID channel) {
    return permissionsIn(channel).has(permission)
        ? Mono.just(this)
        : Mono.error(() -> missing(permission));
  }

  private static ProblemException missing(Permission permission) {
    return new ProblemException(
        ErrorCode.MISSING_PERMISSION, "This needs the " + permission + " permission.");
  }

  private static ProblemException channelNotFound() {
    return new ProblemException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel.");
  }
}
