package io.ohkay.command.user;

import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.command.NewSession;
import io.ohkay.schemas.command.RecordSigninFailure;
import io.ohkay.schemas.command.StartSession;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.SessionStarted;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/signin}: checks the password against the account's Argon2id hash and opens
 * a session. A wrong password and an unknown e-mail get the same answer after the same work (an
 * unknown e-mail is checked against a decoy hash); a wrong password on an existing account is
 * recorded in its login history.
 */
final class SigninHandler {

  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final AuthContext auth;
  private final String decoyHash;

  SigninHandler(AuthContext auth) {
    this.auth = auth;
    this.decoyHash = auth.hasher().hash(UUID.randomUUID().toString());
  }

  Mono<ServerResponse> signin(ServerRequest request) {
    var client = ClientInfo.of(request);
    return JsonBodies.read(request, AuthRequests.Signin.class, MAX_BODY_BYTES)
        .flatMap(
            body -> {
              var email = body.normalizedEmail();
              auth.limits().signin(client.ip(), email);
              return auth.caughtUp(request)
                  .then(auth.hashing(() -> check(email, body.password(), client)))
                  .flatMap(account -> open(account, email, client));
            });
  }

  /** The account whose password this is; INVALID_CREDENTIALS otherwise. */
  private Credentials.Credential check(String email, String password, ClientInfo client) {
    var account = auth.credentials().byEmail(email);
    var hash = account.map(Credentials.Credential::passwordHash).orElse(decoyHash);
    if (auth.hasher().matches(password, hash) && account.isPresent()) {
      return account.get();
    }
    // Recorded without waiting: the answer must take no longer for an existing account.
    account.ifPresent(
        known ->
            auth.record(
                    null,
                    known.userId().toString(),
                    new RecordSigninFailure(known.userId(), client.ip(), client.userAgent()))
                .subscribe());
    throw invalid();
  }

  private Mono<ServerResponse> open(
      Credentials.Credential account, String email, ClientInfo client) {
    var session =
        new NewSession(new SessionId(CommandIds.newId()), client.ip(), client.userAgent());
    var id = new CommandId(CommandIds.newId());
    return auth.submit(
            id,
            account.userId(),
            account.userId().toString(),
            new StartSession(account.userId(), session))
        .flatMap(
            outcome ->
                CommandReplies.reply(id, outcome, HttpStatus.OK, o -> body(account, email, o)));
  }

  private Map<String, Object> body(
      Credentials.Credential account, String email, CommandOutcome outcome) {
    var started = (SessionStarted) outcome.events().getFirst().payload();
    var user = new LinkedHashMap<String, Object>();
    user.put("id", account.userId());
    user.put("email", email);
    user.put("displayName", account.displayName());
    var body = new LinkedHashMap<String, Object>();
    body.put("user", user);
    body.putAll(auth.tokens().of(account.userId(), started.sessionId(), 0));
    return body;
  }

  private static ProblemException invalid() {
    return new ProblemException(ErrorCode.INVALID_CREDENTIALS, "The e-mail or password is wrong.");
  }
}
