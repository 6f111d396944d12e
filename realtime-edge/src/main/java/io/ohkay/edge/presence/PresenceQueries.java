package io.ohkay.edge.presence;

import io.ohkay.edge.db.Databases;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * Who may see whose presence and typing: the members of a server one shares, the other participant
 * of one's direct-message conversations; from the registry and the direct-messages database.
 */
public final class PresenceQueries {

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

  private static final String OTHER_PARTICIPANT =
      """
      select case when user_low = :user then user_high else user_low end as other
      from dm_conversations where id = :conversation and :user in (user_low, user_high)""";

  private static final String PARTNERS =
      """
      select user_low as user_id, user_high as other from dm_conversations
      where user_low = any(:users)
      union all
      select user_high as user_id, user_low as other from dm_conversations
      where user_high = any(:users)""";

  private final Databases databases;

  public PresenceQueries(Databases databases) {
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

  /**
   * The other participants of the direct-message conversations of each of {@code users}, by user;
   * none: left out.
   */
  public Mono<Map<UUID, List<UUID>>> partnersOf(Collection<UserId> users) {
    return Databases.byUser(databases.dms(), PARTNERS, users, "other");
  }

  /** The other participant of {@code conversation}; empty when {@code user} is not one. */
  Mono<UserId> otherParticipant(UserId user, ConversationId conversation) {
    return databases
        .dms()
        .sql(OTHER_PARTICIPANT)
        .bind("conversation", conversation.value())
        .bind("user", user.value())
        .map(row -> new UserId(row.get("other", UUID.class)))
        .one();
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
