package io.ohkay.command.user;

import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.command.token.RefreshTokens;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The token part of sign-up, sign-in and refresh answers: an access and a refresh token. */
public final class SessionTokens {

  private final AccessTokenIssuer access;
  private final RefreshTokens refresh;

  public SessionTokens(AccessTokenIssuer access, RefreshTokens refresh) {
    this.access = access;
    this.refresh = refresh;
  }

  /** {@code accessToken}, {@code tokenType}, {@code expiresIn}, {@code refreshToken}. */
  Map<String, Object> of(UserId user, SessionId session, int generation) {
    var token = access.issue(user, session);
    var body = new LinkedHashMap<String, Object>();
    body.put("accessToken", token.token());
    body.put("tokenType", "Bearer");
    body.put("expiresIn", token.expiresIn().toSeconds());
    body.put("refreshToken", refresh.issue(user, session, generation));
    body.put("sessionId", session);
    return body;
  }
}
