package io.ohkay.edge.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.token.AccessTokenClaims;
import io.ohkay.schemas.token.AccessTokenKeys;
import io.ohkay.schemas.token.AccessTokenVerifier;
import io.ohkay.schemas.token.SessionRevocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Authenticates edge requests by their {@code Authorization: Bearer} access token, verified with
 * the public key alone (no database, no call to the command API). The key file is read at start
 * when it exists; in the all-in-one platform the command API may generate it a moment later, so a
 * missing file is read again on first use (requests meanwhile get {@code UNAVAILABLE}). Tokens of a
 * revoked session or a deleted account are refused; until the revocations of the last hour are
 * loaded, every request gets {@code UNAVAILABLE} rather than a check against a partial set.
 */
public final class Authenticator {

  private static final String SCHEME = "bearer ";
  private static final int MAX_TOKEN_LENGTH = 4096;
  private static final String INVALID = "The access token is invalid, expired or revoked.";

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
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw unauthenticated(INVALID);
    }
    var checker = verifier();
    if (!revocationsLoaded.getAsBoolean()) {
      throw new ProblemException(
          ErrorCode.UNAVAILABLE, "Revoked sessions are still being loaded; retry later.");
    }
    return checker.verify(token).orElseThrow(() -> unauthenticated(INVALID));
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

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(ErrorCode.UNAUTHENTICATED, detail);
  }
}
