package io.ohkay.command.user;

import io.ohkay.command.kafka.CommandBus;
import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.ProblemException;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.RegisterUser;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/auth/signup}: registers an account and returns it with an access token. */
public final class AuthRoutes {

  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final CommandBus bus;
  private final String commandsTopic;
  private final PasswordHasher hasher;
  private final AccessTokenIssuer tokens;
  private final Duration outcomeTimeout;
  private final Clock clock;

  public AuthRoutes(
      CommandBus bus,
      String commandsTopic,
      PasswordHasher hasher,
      AccessTokenIssuer tokens,
      Duration outcomeTimeout,
      Clock clock) {
    this.bus = bus;
    this.commandsTopic = commandsTopic;
    this.hasher = hasher;
    this.tokens = tokens;
    this.outcomeTimeout = outcomeTimeout;
    this.clock = clock;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/auth/signup", this::signup)
        .filter(Problems.filter())
        .build();
  }

  private Mono<ServerResponse> signup(ServerRequest request) {
    return JsonBodies.read(request, SignupRequest.class, MAX_BODY_BYTES)
        .map(SignupRequest::validated)
        .flatMap(valid -> signup(CommandIds.of(request, valid.email()), valid));
  }

  /**
   * An Idempotency-Key is scoped by e-mail, and a repeated key only yields a token to the caller
   * who knows the password: a key is not a secret.
   */
  private Mono<ServerResponse> signup(CommandId commandId, SignupRequest.Valid valid) {
    return Mono.fromCallable(() -> hasher.hash(valid.password()))
        .subscribeOn(Schedulers.boundedElastic())
        .map(hash -> register(commandId, valid, hash))
        .flatMap(
            command ->
                bus.submit(commandsTopic, valid.email(), command, outcomeTimeout)
                    .flatMap(outcome -> provenBy(valid, (RegisterUser) command.payload(), outcome)))
        .flatMap(
            outcome ->
                CommandReplies.reply(commandId, outcome, HttpStatus.CREATED, this::signedUp));
  }

  /** Our own registration passes at once; a replayed one only with the same e-mail and password. */
  private Mono<Optional<CommandOutcome>> provenBy(
      SignupRequest.Valid valid, RegisterUser sent, Optional<CommandOutcome> outcome) {
    var registered =
        outcome.stream()
            .flatMap(o -> o.events().stream())
            .map(Event::payload)
            .flatMap(p -> p instanceof UserRegistered r ? Stream.of(r) : Stream.empty())
            .findFirst();
    if (registered.isEmpty() || registered.get().passwordHash().equals(sent.passwordHash())) {
      return Mono.just(outcome);
    }
    return Mono.fromCallable(
            () -> hasher.matches(valid.password(), registered.get().passwordHash()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            matches ->
                matches && registered.get().email().equals(valid.email())
                    ? Mono.just(outcome)
                    : Mono.error(
                        new ProblemException(
                            ErrorCode.EMAIL_TAKEN, ErrorCode.EMAIL_TAKEN.title())));
  }

  private Command register(CommandId commandId, SignupRequest.Valid valid, String hash) {
    var user = new UserId(CommandIds.newId());
    return new Command(
        commandId,
        null,
        clock.instant(),
        new RegisterUser(user, valid.email(), hash, valid.displayName()));
  }

  private Map<String, Object> signedUp(CommandOutcome outcome) {
    var event = outcome.events().getFirst();
    var registered = (UserRegistered) event.payload();
    var token = tokens.issue(registered.userId(), new SessionId(CommandIds.newId()));
    var user = new LinkedHashMap<String, Object>();
    user.put("id", registered.userId());
    user.put("email", registered.email());
    user.put("displayName", registered.displayName());
    user.put("createdAt", event.occurredAt());
    var body = new LinkedHashMap<String, Object>();
    body.put("user", user);
    body.put("accessToken", token.token());
    body.put("tokenType", "Bearer");
    body.put("expiresIn", token.expiresIn().toSeconds());
    return body;
  }
}
