package io.ohkay.edge.position;

import io.ohkay.schemas.outcome.Position;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One request's wait for a position, with one deadline for all the databases it reads. Polls the
 * database's {@code aggregate_versions} with a short backoff: the position is already committed on
 * the log when a client holds it, so the wait is only the projector's lag.
 */
public final class PositionWait {

  private static final Duration FIRST_RETRY = Duration.ofMillis(10);
  private static final Duration MAX_RETRY = Duration.ofMillis(200);
  private static final PositionWait NONE = new PositionWait(null, 0);

  private final @Nullable Position position;
  private final long deadlineNanos;

  private PositionWait(@Nullable Position position, long deadlineNanos) {
    this.position = position;
    this.deadlineNanos = deadlineNanos;
  }

  /** No position asked: every read is fresh at once. */
  public static PositionWait none() {
    return NONE;
  }

  /** Waits for {@code position} until {@code maxWait} from now. */
  public static PositionWait until(Position position, Duration maxWait) {
    return new PositionWait(position, System.nanoTime() + maxWait.toNanos());
  }

  /** The position asked for, if any. */
  public Optional<Position> position() {
    return Optional.ofNullable(position);
  }

  /** FRESH once {@code database} has applied the position (at once without one), else STALE. */
  public Mono<Freshness> in(DatabaseClient database) {
    var wanted = position;
    if (wanted == null) {
      return Mono.just(Freshness.FRESH);
    }
    var remaining = Duration.ofNanos(deadlineNanos - System.nanoTime());
    var applied = applied(database, wanted);
    if (remaining.isNegative() || remaining.isZero()) {
      return applied.map(reached -> reached ? Freshness.FRESH : Freshness.STALE);
    }
    return applied
        .filter(reached -> reached)
        .repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(backoff(attempt))))
        .map(reached -> Freshness.FRESH)
        .timeout(remaining, Mono.just(Freshness.STALE));
  }

  static Duration backoff(long attempt) {
    var delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempt, 10));
    return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
  }

  private static Mono<Boolean> applied(DatabaseClient database, Position wanted) {
    return database
        .sql("select seq from aggregate_versions where aggregate_id = :id")
        .bind("id", wanted.aggregateId())
        .map(row -> row.get("seq", Long.class))
        .one()
        .map(seq -> seq >= wanted.seq())
        .defaultIfEmpty(false)
        // A database the projector has not migrated yet has no aggregate_versions: not applied.
        .onErrorResume(BadSqlGrammarException.class, e -> Mono.just(false));
  }
}
