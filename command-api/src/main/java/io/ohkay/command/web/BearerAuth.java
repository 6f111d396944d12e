package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.AccessTokenVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Authenticates write requests by their {@code Authorization: Bearer} access token. */
public final class BearerAuth {

  private static final String PREFIX = "Bearer ";

  private final AccessTokenVerifier verifier;

  public BearerAuth(AccessTokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** The caller's verified claims, or an UNAUTHENTICATED error. */
  public Mono<AccessTokenClaims> authenticate(ServerRequest request) {
    var header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Mono.error(new ProblemException(ErrorCode.UNAUTHENTICATED, "Missing bearer token."));
    }
    return verifier
        .verify(header.substring(PREFIX.length()).trim())
        .map(Mono::just)
        .orElseGet(
            () ->
                Mono.error(
                    new ProblemException(
                        ErrorCode.UNAUTHENTICATED, "Invalid or expired access token.")));
  }
}
