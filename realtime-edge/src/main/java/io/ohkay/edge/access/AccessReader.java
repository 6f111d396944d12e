package io.ohkay.edge.access;

import io.ohkay.edge.db.Databases;
import io.ohkay.edge.db.ServerPlacement;
import io.ohkay.schemas.access.AccessModel;
import io.ohkay.schemas.permission.ChannelOverwrite;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Builds a server's {@link AccessModel} from its database: the owner from the registry, the roles,
 * member roles and channel overwrites from the server database, all three tables and the seq they
 * reflect in one statement, so one snapshot.
 */
public final class AccessReader {

  private static final String PLACEMENT =
      "select owner_id, "
          + ServerPlacement.COLUMNS
          + " from servers where id = :server and deleted_at is null";

  /** One statement is one snapshot: the rows and the seq agree even under concurrent writes. */
  private static final String ACCESS_ROWS =
      """
      select 'V' as kind, null::uuid as a, null::uuid as b, null::text as target_type,
             null::text[] as allow, null::text[] as deny, seq
        from aggregate_versions where aggregate_id = :server
      union all
      select 'R', id, null, null, permissions, null, null from roles
      union all
      select 'M', user_id, role_id, null, null, null, null from member_roles
      union all
      select 'O', channel_id, target_id, target_type, allow, deny, null from channel_overwrites""";

  private final Databases databases;

  public AccessReader(Databases databases) {
    this.databases = databases;
  }

  /** The access of {@code serverId} now; empty when the server is unknown or deleted. */
  public Mono<AccessSnapshot> load(UUID serverId) {
    return databases
        .registry()
        .sql(PLACEMENT)
        .bind("server", serverId)
        .map(row -> new Placement(uuid(row, "owner_id"), ServerPlacement.of(serverId, row)))
        .one()
        .flatMap(
            placement -> load(serverId, placement.ownerId(), databases.server(placement.where())));
  }

  /**
   * The access of {@code serverId}, owned by {@code ownerId}, from {@code serverDatabase} (the
   * database the registry names for it).
   */
  public Mono<AccessSnapshot> load(UUID serverId, UUID ownerId, DatabaseClient serverDatabase) {
    return serverDatabase
        .sql(ACCESS_ROWS)
        .bind("server", serverId)
        .map(AccessReader::row)
        .all()
        .collectList()
        .map(rows -> snapshot(serverId, ownerId, rows));
  }

  private record Placement(UUID ownerId, ServerPlacement where) {}

  /** One row of {@link #ACCESS_ROWS}, by kind. */
  private sealed interface AccessRow {}

  private record Version(long seq) implements AccessRow {}

  private record Role(UUID id, PermissionSet permissions) implements AccessRow {}

  private record MemberRole(UUID member, UUID role) implements AccessRow {}

  private record Overwrite(UUID channel, ChannelOverwrite overwrite) implements AccessRow {}

  private static AccessRow row(Readable row) {
    return switch (text(row, "kind")) {
      case "V" -> new Version(longValue(row));
      case "R" -> new Role(uuid(row, "a"), permissions(row, "allow"));
      case "M" -> new MemberRole(uuid(row, "a"), uuid(row, "b"));
      default ->
          new Overwrite(
              uuid(row, "a"),
              new ChannelOverwrite(
                  OverwriteTarget.valueOf(text(row, "target_type")),
                  uuid(row, "b"),
                  permissions(row, "allow"),
                  permissions(row, "deny")));
    };
  }

  private static AccessSnapshot snapshot(UUID serverId, UUID ownerId, List<AccessRow> rows) {
    var seq = 0L;
    var roles = new HashMap<UUID, PermissionSet>();
    var memberRoles = new HashMap<UUID, Set<UUID>>();
    var overwrites = new HashMap<UUID, Map<UUID, ChannelOverwrite>>();
    for (var row : rows) {
      switch (row) {
        case Version version -> seq = version.seq();
        case Role role -> roles.put(role.id(), role.permissions());
        case MemberRole held ->
            memberRoles.computeIfAbsent(held.member(), member -> new HashSet<>()).add(held.role());
        case Overwrite set ->
            overwrites
                .computeIfAbsent(set.channel(), channel -> new HashMap<>())
                .put(set.overwrite().targetId(), set.overwrite());
      }
    }
    var frozenMembers = new HashMap<UUID, Set<UUID>>();
    memberRoles.forEach((member, held) -> frozenMembers.put(member, Set.copyOf(held)));
    var frozenOverwrites = new HashMap<UUID, Map<UUID, ChannelOverwrite>>();
    overwrites.forEach((channel, set) -> frozenOverwrites.put(channel, Map.copyOf(set)));
    return new AccessSnapshot(
        seq, new AccessModel(serverId, ownerId, roles, frozenMembers, frozenOverwrites));
  }

  /** The permissions named in a text[] column; names this edge does not know grant nothing. */
  static PermissionSet permissions(Readable row, String column) {
    var names = row.get(column, String[].class);
    var known = new ArrayList<Permission>();
    if (names != null) {
      for (var name : names) {
        permission(name).ifPresent(known::add);
      }
    }
    return PermissionSet.of(known);
  }

  private static Optional<Permission> permission(@Nullable String name) {
    for (var permission : Permission.values()) {
      if (permission.name().equals(name)) {
        return Optional.of(permission);
      }
    }
    return Optional.empty();
  }

  private static long longValue(Readable row) {
    var seq = row.get("seq", Long.class);
    return seq == null ? 0L : seq;
  }

  private static UUID uuid(Readable row, String column) {
    var value = row.get(column, UUID.class);
    if (value == null) {
      throw new IllegalStateException(column + " is null");
    }
    return value;
  }

  private static String text(Readable row, String column) {
    var value = row.get(column, String.class);
    if (value == null) {
      throw new IllegalStateException(column + " is null");
    }
    return value;
  }
}
