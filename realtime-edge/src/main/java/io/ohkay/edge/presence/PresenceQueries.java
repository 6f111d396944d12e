package io.ohkay.edge.presence;

import io.ohkay.edge.db.Databases;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * Who may see whose presence and typing: the members of a server one shares, the other participant
 * of one's direct-message conversations; from the registry and the direct-messages database.
 */
final class PresenceQueries {

  private static final String SERVER_PEERS =
      """
      select distinct o.user_id from server_members me
      join server_members o on o.server_id = me.server_id
      join servers s on s.id = me.server_id
      where me.user_id = :user and o.user_id = any(:others) and s.deleted_at is null""";

  private static final String DM_PEERS =
      """
      select case when user_low = :user then user_high else user_low end as other
      from dm_conversations
      where (user_low = :user and user_high = any(:others))
         or (user_high = :user and user_low = any(:others))""";

  private static final String PARTICIPATING =
      "select 1 from dm_conversations where id = :conversation and :user in (user_low, user_high)";

  private final Databases databases;

  PresenceQueries(Databases databases) {
    this.databases = databases;
  }

  /** Those of {@code others} sharing a server or a conversation with {@code user}. */
  Mono<Set<UUID>> peersAmong(UserId user, Collection<UUID> others) {
    var ids = others.toArray(UUID[]::new);
    var inServers = peers(databases.registry().sql(SERVER_PEERS), user, ids, "user_id");
    var inDms = peers(databases.dms().sql(DM_PEERS), user, ids, "other");
    return inServers.zipWith(
        inDms,
        (servers, dms) -> {
          var all = new HashSet<>(servers);
          all.addAll(dms);
          return Set.copyOf(all);
        });
  }

  /** Whether {@code user} is a participant of {@code conversation}. */
  Mono<Boolean> participates(UserId user, ConversationId conversation) {
    return databases
        .dms()
        .sql(PARTICIPATING)
        .bind("conversation", conversation.value())
        .bind("user", user.value())
        .map(row -> true)
        .one()
        .defaultIfEmpty(false);
  }

  private static Mono<Set<UUID>> peers(
      GenericExecuteSpec spec, UserId user, UUID[] others, String column) {
    return spec.bind("user", user.value())
        .bind("others", others)
        .map(row -> row.get(column, UUID.class))
        .all()
        .collect(Collectors.toSet());
  }
}
