package io.ohkay.command.dm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two users of a conversation: learnt from the conversations opened lately (the outcomes every
 * instance reads, so a send right after the open knows its pair), else read from {@code
 * dm_conversations}. A pair never changes, so what is known stays known (up to a bound). The DM
 * database may not exist yet (the projector creates it): its pairs are then unknown.
 */
public final class ConversationPairs {

  private static final Logger log = LoggerFactory.getLogger(ConversationPairs.class);
  private static final int MAX_PAIRS = 100_000;

  /** No DM database or table yet (the projector creates them): no pair is stored, not an error. */
  private static final Set<String> NOT_CREATED_YET = Set.of("3D000", "42P01");

  private final DataSource dms;
  private final Cache<ConversationId, Pair> known =
      Caffeine.newBuilder().maximumSize(MAX_PAIRS).build();

  public ConversationPairs(DataSource dms) {
    this.dms = dms;
  }

  private record Pair(UserId one, UserId other) {

    Optional<UserId> otherThan(UserId user) {
      if (user.equals(one)) {
        return Optional.of(other);
      }
      return user.equals(other) ? Optional.of(one) : Optional.empty();
    }
  }

  /** Learns from one outcome; cheap, called on the outcome listener's thread. */
  public void accept(CommandOutcome outcome) {
    for (var event : outcome.events()) {
      if (event.payload() instanceof ConversationOpened opened) {
        known.put(opened.conversationId(), new Pair(opened.initiatorId(), opened.recipientId()));
      }
    }
  }

  /**
   * The user {@code actor} talks to in {@code conversation}; empty when the pair is unknown or
   * {@code actor} is not in it. Blocking JDBC on a miss: call off the event loop.
   */
  Optional<UserId> otherParticipant(ConversationId conversation, UserId actor) {
    var pair = known.getIfPresent(conversation);
    if (pair == null) {
      pair = stored(conversation);
      if (pair != null) {
        known.put(conversation, pair);
      }
    }
    return pair == null ? Optional.empty() : pair.otherThan(actor);
  }

  private @Nullable Pair stored(ConversationId conversation) {
    try (var connection = dms.getConnection();
        var statement =
            connection.prepareStatement(
                "SELECT user_low, user_high FROM dm_conversations WHERE id = ?")) {
      statement.setObject(1, conversation.value());
      try (var rows = statement.executeQuery()) {
        return rows.next()
            ? new Pair(
                new UserId(rows.getObject(1, UUID.class)),
                new UserId(rows.getObject(2, UUID.class)))
            : null;
      }
    } catch (SQLException e) {
      if (NOT_CREATED_YET.contains(sqlState(e))) {
        log.debug("pair of conversation {} unknown: {}", conversation, e.getMessage());
      } else {
        log.warn(
            "pair of conversation {} unreadable, its messages notify: {}",
            conversation,
            e.toString());
      }
      return null;
    }
  }

  /** The SQL state of {@code e} or of the first cause carrying one (Hikari wraps the driver's). */
  private static @Nullable String sqlState(@Nullable Throwable e) {
    for (var cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
