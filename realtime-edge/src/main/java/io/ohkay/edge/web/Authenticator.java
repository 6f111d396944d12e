package io.ohkay.edge.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.AccessTokenVerifier;
import io.ohkay.schemas.token.SessionRevocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Authenticates edge requests by their {@code Authorization: Bearer} access token, verified with
 * the public key alone (no database, no call to the command API); the live stream also takes a
 * short-lived stream ticket in its URL instead, since a browser's {@code EventSource} and {@code
 * WebSocket} cannot set headers. The key file is read at start when it exists; in the all-in-one
 * platform the command API may generate it a moment later, so a missing file is read again on first
 * use (requests meanwhile get {@code UNAVAILABLE}). Tokens of a revoked session or a deleted
 * account are refused; until the revocations of the last hour are loaded, every request gets {@code
 * UNAVAILABLE} rather than a check against a partial set.
 */
public final class Authenticator {

  private static final String SCHEME = "bearer ";
  private static final int MAX_TOKEN_LENGTH = 4096;
  private static final String INVALID = "The access token is invalid, expired or revoked.";
  private static final String INVALID_TICKET =
      "The stream ticket is invalid, expired or revoked; get a new one from"
          + " POST /api/auth/stream-ticket.";
  private static final String TICKET_PARAM = "ticket";
  private static final List<String> TOKEN_PARAMS = List.of("access_token", "token");

  private final Path keyFile;
  private final SessionRevocations revocations;
  private final BooleanSupplier revocationsLoaded;
  private volatile @Nullable AccessTokenVerifier verifier;

  /**
   * @param keyFile the JWK file of the access-token key
   * @param revocations the revoked sessions and deleted accounts, fed from the auth events
   * @param revocationsLoaded whether {@code revocations} holds everything still relevant
   */
  public Authenticator(
      Path keyFile, SessionRevocations revocations, BooleanSupplier revocationsLoaded) {
    this.keyFile = keyFile;
    this.revocations = revocations;
    this.revocationsLoaded = revocationsLoaded;
    if (Files.exists(keyFile)) {
      this.verifier = new AccessTokenVerifier(AccessTokenKeys.load(keyFile), revocations);
    }
  }

  /** The claims of the request's valid token; {@code UNAUTHENTICATED} otherwise. */
  public AccessTokenClaims require(ServerRequest request) {
    var headers = request.headers().header(HttpHeaders.AUTHORIZATION);
    if (headers.isEmpty()) {
      throw unauthenticated("An Authorization: Bearer access token is required.");
    }
    if (headers.size() > 1 || !isBearer(headers.getFirst())) {
      throw unauthenticated("The Authorization header must hold one Bearer access token.");
    }
    var token = headers.getFirst().substring(SCHEME.length()).trim();
    return verified(token, AccessTokenVerifier::verify, INVALID);
  }

  /**
   * The claims of a stream request: its {@code Authorization: Bearer} access token or its {@code
   * ticket} query parameter (a ticket from {@code POST /api/auth/stream-ticket}), not both; an
   * access token in the URL is refused. A ticket is checked once, when the connection opens: what
   * happens to its session afterwards is the stream's concern.
   */
  public AccessTokenClaims requireStream(ServerRequest request) {
    var params = request.queryParams();
    if (params.keySet().stream()
        .anyMatch(name -> TOKEN_PARAMS.contains(name.toLowerCase(Locale.ROOT)))) {
      throw invalidRequest(
          "Access tokens never go in URLs (they end up in logs and histories): get a ticket from"
              + " POST /api/auth/stream-ticket and pass it as ?ticket=, or send an"
              + " Authorization: Bearer header.");
    }
    var ticket = new QueryParams(params, ErrorCode.VALIDATION_FAILED).single(TICKET_PARAM);
    if (ticket == null) {
      return require(request);
    }
    if (!request.headers().header(HttpHeaders.AUTHORIZATION).isEmpty()) {
      throw invalidRequest(
          "Send either an Authorization: Bearer access token or a ticket, not both.");
    }
    return verified(ticket, AccessTokenVerifier::verifyTicket, INVALID_TICKET);
  }

  private AccessTokenClaims verified(
      String token,
      BiFunction<AccessTokenVerifier, String, Optional<AccessTokenClaims>> check,
      String invalid) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw unauthenticated(invalid);
    }
    var checker = verifier();
    if (!revocationsLoaded.getAsBoolean()) {
      throw new ProblemException(
          ErrorCode.UNAVAILABLE, "Revoked sessions are still being loaded; retry later.");
    }
    return check.apply(checker, token).orElseThrow(() -> unauthenticated(invalid));
  }

  private AccessTokenVerifier verifier() {
    var current = verifier;
    if (current != null) {
      return current;
    }
    if (!Files.exists(keyFile)) {
      throw new ProblemException(
          ErrorCode.UNAVAILABLE, "Access tokens cannot be verified yet; retry later.");
    }
    current = new AccessTokenVerifier(AccessTokenKeys.load(keyFile), revocations);
    verifier = current;
    return current;
  }

  private static boolean isBearer(String header) {
    return header.length() > SCHEME.length()
        && header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME);
  }

  private static ProblemException invalidRequest(String detail) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, detail);
  }

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(ErrorCode.UNAUTHENTICATED, detail);
  }
}
