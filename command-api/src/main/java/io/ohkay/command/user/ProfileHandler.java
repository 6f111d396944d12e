package io.ohkay.command.user;

import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.command.DeleteAccount;
import io.ohkay.schemas.command.UpdateProfile;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ProfileUpdated;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.token.AccessTokenClaims;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /api/profiles/me} replaces the caller's public profile; {@code DELETE
 * /api/profiles/me} deletes the account once its password confirms it (an owner must first hand
 * over or delete their servers).
 */
final class ProfileHandler {

  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final AuthContext auth;
  private final BearerAuth bearer;

  ProfileHandler(AuthContext auth, BearerAuth bearer) {
    this.auth = auth;
    this.bearer = bearer;
  }

  Mono<ServerResponse> update(ServerRequest request) {
    return bearer
        .authenticate(request)
        .zipWith(JsonBodies.read(request, AuthRequests.Profile.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var user = both.getT1().userId();
              var profile = both.getT2().validated();
              var id = CommandIds.of(request, user);
              var command =
                  new UpdateProfile(
                      user, profile.displayName(), profile.avatarUrl(), profile.bio());
              return auth.submit(id, user, user.toString(), command)
                  .flatMap(
                      outcome ->
                          CommandReplies.reply(
                              id, outcome, HttpStatus.OK, ProfileHandler::profile));
            });
  }

  private static Map<String, Object> profile(CommandOutcome outcome) {
    var updated = (ProfileUpdated) outcome.events().getFirst().payload();
    var body = new LinkedHashMap<String, Object>();
    body.put("id", updated.userId());
    body.put("displayName", updated.displayName());
    body.put("avatarUrl", updated.avatarUrl());
    body.put("bio", updated.bio());
    return body;
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    var client = ClientInfo.of(request);
    return bearer
        .authenticate(request)
        .zipWith(JsonBodies.read(request, AuthRequests.DeleteAccount.class, MAX_BODY_BYTES))
        .flatMap(
            both -> {
              var claims = both.getT1();
              var password = both.getT2().confirmed();
              auth.limits().signin(client.ip(), "account:" + claims.userId());
              return auth.caughtUp(request)
                  .then(auth.hashing(() -> confirm(claims, password)))
                  .flatMap(user -> delete(user));
            });
  }

  private UserId confirm(AccessTokenClaims claims, String password) {
    var account =
        auth.credentials()
            .byId(claims.userId())
            .orElseThrow(() -> new ProblemException(ErrorCode.UNAUTHENTICATED, "No such account."));
    if (!auth.hasher().matches(password, account.passwordHash())) {
      throw new ProblemException(ErrorCode.PASSWORD_MISMATCH, "The password is wrong.");
    }
    if (auth.credentials().ownedServers(claims.userId()) > 0) {
      throw new ProblemException(
          ErrorCode.OWNS_SERVERS, "Transfer or delete the servers you own first.");
    }
    return claims.userId();
  }

  private Mono<ServerResponse> delete(UserId user) {
    var id = new CommandId(CommandIds.newId());
    return auth.submit(id, user, user.toString(), new DeleteAccount(user))
        .flatMap(outcome -> auth.revoked(id, outcome));
  }
}
