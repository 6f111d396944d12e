package io.ohkay.schemas.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;

/** The fixed parts of an Ohkay access token (RFC 9068 style JWT). */
public final class AccessTokens {

  /** The one accepted signature algorithm; anything else, {@code none} included, is refused. */
  public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

  /** The {@code typ} header of an access token, so an ID or refresh token never passes for one. */
  public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

  /** The {@code iss} claim. */
  public static final String ISSUER = "ohkay";

  /** The {@code aud} claim: every Ohkay API. */
  public static final String AUDIENCE = "ohkay-api";

  /** The private claim naming the session (refresh-token family) the token belongs to. */
  public static final String SESSION_CLAIM = "sid";

  /**
   * The longest lifetime an access token may have ({@code exp - iat}); longer ones are refused, so
   * a revocation needs to be remembered only this long.
   */
  public static final java.time.Duration MAX_LIFETIME = java.time.Duration.ofHours(1);

  private AccessTokens() {}
}
