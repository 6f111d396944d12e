package io.ohkay.command.user;

import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.command.NewSession;
import io.ohkay.schemas.command.RegisterUser;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.event.UserRegistered;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/signup}: hashes the password (Argon2id, here and nowhere else), registers
 * the account keyed by its e-mail and answers with the account and its first session's tokens.
 */
final class SignupHandler {

  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final AuthContext auth;

  SignupHandler(AuthContext auth) {
    this.auth = auth;
  }

  Mono<ServerResponse> signup(ServerRequest request) {
    var client = ClientInfo.of(request);
    return JsonBodies.read(request, SignupRequest.class, MAX_BODY_BYTES)
        .map(SignupRequest::validated)
        .flatMap(
            valid -> {
              auth.limits().signup(client.ip());
              return signup(CommandIds.of(request, valid.email()), valid, client);
            });
  }

  /**
   * An Idempotency-Key is scoped by e-mail, and a repeated key only yields tokens to the caller who
   * knows the password: a key is not a secret.
   */
  private Mono<ServerResponse> signup(
      CommandId commandId, SignupRequest.Valid valid, ClientInfo client) {
    var user = new UserId(CommandIds.newId());
    var session =
        new NewSession(new SessionId(CommandIds.newId()), client.ip(), client.userAgent());
    return auth.hashing(() -> auth.hasher().hash(valid.password()))
        .map(hash -> new RegisterUser(user, valid.email(), hash, valid.displayName(), session))
        .flatMap(
            register ->
                auth.submit(commandId, null, valid.email(), register)
                    .flatMap(outcome -> provenBy(valid, register, outcome)))
        .flatMap(
            outcome ->
                CommandReplies.reply(commandId, outcome, HttpStatus.CREATED, this::signedUp));
  }

  /** Our own registration passes at once; a replayed one only with the same e-mail and password. */
  private Mono<Optional<CommandOutcome>> provenBy(
      SignupRequest.Valid valid, RegisterUser sent, Optional<CommandOutcome> outcome) {
    var registered = outcome.flatMap(o -> payload(o, UserRegistered.class));
    if (registered.isEmpty() || registered.get().passwordHash().equals(sent.passwordHash())) {
      return Mono.just(outcome);
    }
    return auth.hashing(
            () -> auth.hasher().matches(valid.password(), registered.get().passwordHash()))
        .flatMap(
            matches ->
                matches && registered.get().email().equals(valid.email())
                    ? Mono.just(outcome)
                    : Mono.error(
                        new ProblemException(
                            ErrorCode.EMAIL_TAKEN, ErrorCode.EMAIL_TAKEN.title())));
  }

  private Map<String, Object> signedUp(CommandOutcome outcome) {
    var registered = payload(outcome, UserRegistered.class).orElseThrow();
    var started = payload(outcome, SessionStarted.class).orElseThrow();
    var user = new LinkedHashMap<String, Object>();
    user.put("id", registered.userId());
    user.put("email", registered.email());
    user.put("displayName", registered.displayName());
    user.put("createdAt", outcome.events().getFirst().occurredAt());
    var body = new LinkedHashMap<String, Object>();
    body.put("user", user);
    body.putAll(auth.tokens().of(registered.userId(), started.sessionId(), 0));
    return body;
  }

  private static <T> Optional<T> payload(CommandOutcome outcome, Class<T> type) {
    return outcome.events().stream()
        .map(Event::payload)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst();
  }
}
