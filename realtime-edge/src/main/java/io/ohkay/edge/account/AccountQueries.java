package io.ohkay.edge.account;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The reads of the accounts database; the edge never writes it. */
final class AccountQueries {

  private static final String ACCOUNT =
      """
      select u.id, u.email, u.created_at, u.deleted_at, p.display_name, p.avatar_url, p.bio
      from users u left join user_profiles p on p.user_id = u.id
      where u.id = :id""";

  private static final String SESSION =
      """
      select s.id, s.user_id, s.created_at, s.refreshed_at, s.generation, s.ip, s.user_agent,
             s.revoked_at, u.email, p.display_name
      from sessions s join users u on u.id = s.user_id
      left join user_profiles p on p.user_id = u.id
      where s.id = :session and s.user_id = :user""";

  private AccountQueries() {}

  static Mono<AccountRow> account(DatabaseClient auth, UUID id) {
    return auth.sql(ACCOUNT).bind("id", id).map(AccountQueries::accountRow).one();
  }

  static Mono<SessionRow> session(DatabaseClient auth, UUID user, UUID session) {
    return auth.sql(SESSION)
        .bind("session", session)
        .bind("user", user)
        .map(AccountQueries::sessionRow)
        .one();
  }

  private static AccountRow accountRow(Readable row) {
    return new AccountRow(
        row.get("id", UUID.class),
        row.get("email", String.class),
        row.get("created_at", Instant.class),
        row.get("deleted_at", Instant.class),
        row.get("display_name", String.class),
        row.get("avatar_url", String.class),
        row.get("bio", String.class));
  }

  private static SessionRow sessionRow(Readable row) {
    return new SessionRow(
        row.get("id", UUID.class),
        row.get("user_id", UUID.class),
        row.get("created_at", Instant.class),
        row.get("refreshed_at", Instant.class),
        row.get("generation", Integer.class),
        row.get("ip", String.class),
        row.get("user_agent", String.class),
        row.get("revoked_at", Instant.class),
        row.get("email", String.class),
        row.get("display_name", String.class));
  }
}
