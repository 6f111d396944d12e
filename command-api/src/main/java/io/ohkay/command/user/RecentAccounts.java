package io.ohkay.command.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ohkay.schemas.event.UserDeleted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * Accounts registered or deleted lately, learnt from the outcomes every instance reads, so a
 * sign-in right after a sign-up (or a deletion) does not depend on {@code ohkay_auth} having caught
 * up. Beyond {@link #REMEMBERED_FOR} the projection has them.
 */
public final class RecentAccounts {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);
  private static final int MAX_ACCOUNTS = 100_000;

  private final Cache<String, Credentials.Credential> byEmail = cache();
  private final Cache<UserId, String> emails = cache();
  private final Cache<UserId, Boolean> deleted = cache();

  private static <K, V> Cache<K, V> cache() {
    return Caffeine.newBuilder()
        .maximumSize(MAX_ACCOUNTS)
        .expireAfterWrite(REMEMBERED_FOR)
        .<K, V>build();
  }

  /** Learns from one outcome; cheap, called on the outcome listener's thread. */
  public void accept(CommandOutcome outcome) {
    for (var event : outcome.events()) {
      switch (event.payload()) {
        case UserRegistered r -> {
          byEmail.put(
              r.email(), new Credentials.Credential(r.userId(), r.passwordHash(), r.displayName()));
          emails.put(r.userId(), r.email());
        }
        case UserDeleted d -> {
          deleted.put(d.userId(), Boolean.TRUE);
          var email = emails.getIfPresent(d.userId());
          if (email != null) {
            byEmail
                .asMap()
                .computeIfPresent(email, (k, c) -> c.userId().equals(d.userId()) ? null : c);
          }
        }
        default -> {}
      }
    }
  }

  Optional<Credentials.Credential> byEmail(String email) {
    return Optional.ofNullable(byEmail.getIfPresent(email));
  }

  Optional<Credentials.Credential> byId(UserId user) {
    return Optional.ofNullable(emails.getIfPresent(user)).flatMap(this::byEmail);
  }

  boolean deleted(UserId user) {
    return deleted.getIfPresent(user) != null;
  }
}
