package io.ohkay.command.user;

import io.ohkay.command.kafka.CommandBus;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.UserCommand;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.outcome.Position;
import io.ohkay.schemas.token.SessionRevocations;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What the account handlers share: the bus, tokens, credentials, limits and revocations.
 *
 * @param commandsTopic the auth commands topic
 * @param revocations this instance's revoked sessions, updated at once by its own sign-outs
 * @param hashers the workers that run Argon2id: about one per core, with a bounded queue, so an
 *     overload queues (then is refused) instead of making every hash in flight slower
 * @param outcomeTimeout how long a write waits for its outcome
 * @param clock the clock of commands
 */
public record AuthContext(
    CommandBus bus,
    String commandsTopic,
    PasswordHasher hasher,
    SessionTokens tokens,
    Credentials credentials,
    AuthRateLimits limits,
    SessionRevocations revocations,
    Scheduler hashers,
    Duration outcomeTimeout,
    Clock clock) {

  private static final Logger log = LoggerFactory.getLogger(AuthContext.class);
  static final String MIN_POSITION_HEADER = "X-Ohkay-Min-Position";
  private static final Duration POSITION_POLL = Duration.ofMillis(10);

  /** Sends {@code payload} as a new command keyed by {@code key} and emits its outcome. */
  Mono<Optional<CommandOutcome>> submit(
      CommandId id, @Nullable UserId actor, String key, UserCommand payload) {
    var command = new Command(id, actor, clock.instant(), payload);
    return bus.submit(commandsTopic, key, command, outcomeTimeout);
  }

  /** Appends {@code payload} without waiting for its outcome; a failure is logged, not raised. */
  Mono<Void> record(@Nullable UserId actor, String key, UserCommand payload) {
    var command = new Command(new CommandId(CommandIds.newId()), actor, clock.instant(), payload);
    return bus.send(commandsTopic, key, command)
        .doOnError(e -> log.warn("could not record {}: {}", command.type(), e.toString()))
        .onErrorComplete();
  }

  /** The 204 answer of a command whose facts end sessions: they are refused here at once. */
  Mono<ServerResponse> revoked(CommandId id, Optional<CommandOutcome> outcome) {
    return CommandReplies.reply(
        id,
        outcome,
        HttpStatus.NO_CONTENT,
        accepted -> {
          accepted.events().forEach(revocations::apply);
          return Map.of();
        });
  }

  /** Runs blocking work (JDBC) off the event loop. */
  static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }

  /** Runs work that hashes a password on the hashing workers; UNAVAILABLE when they are full. */
  <T> Mono<T> hashing(Callable<T> work) {
    return Mono.fromCallable(work)
        .subscribeOn(hashers)
        .onErrorMap(
            RejectedExecutionException.class,
            e ->
                new ProblemException(
                    ErrorCode.UNAVAILABLE,
                    "Too many password checks in progress; retry shortly.",
                    Duration.ofSeconds(1)));
  }

  /**
   * Completes once {@code ohkay_auth} has applied the request's {@code X-Ohkay-Min-Position}
   * (read-your-writes), or after the outcome timeout, or at once without the header.
   */
  Mono<Void> caughtUp(ServerRequest request) {
    var position = request.headers().firstHeader(MIN_POSITION_HEADER);
    if (position == null) {
      return Mono.empty();
    }
    Position wanted;
    try {
      wanted = Position.parse(position);
    } catch (IllegalArgumentException e) {
      return Mono.empty();
    }
    return blocking(() -> credentials.applied(wanted.aggregateId(), wanted.seq()))
        .filter(applied -> applied)
        .repeatWhenEmpty(attempts -> attempts.delayElements(POSITION_POLL))
        .timeout(outcomeTimeout)
        .onErrorResume(TimeoutException.class, e -> Mono.empty())
        .then();
  }
}
