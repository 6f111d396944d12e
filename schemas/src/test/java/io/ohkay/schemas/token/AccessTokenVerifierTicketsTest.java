package io.ohkay.schemas.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Stream tickets: accepted as tickets only, never as access tokens, and the reverse. */
class AccessTokenVerifierTicketsTest {

  private static final ECKey KEY = generate();
  private static final UserId USER = new UserId(UUID.randomUUID());
  private static final SessionId SESSION = new SessionId(UUID.randomUUID());
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final Clock clock = new MovableClock(now);
  private final SessionRevocations revocations = new SessionRevocations(clock);
  private final AccessTokenVerifier verifier =
      new AccessTokenVerifier(KEY.toPublicJWK(), revocations, clock);

  @Test
  void shouldReturnTheClaimsWhenTheTicketIsValid() throws JOSEException {
    var claims = verifier.verifyTicket(sign(KEY, ticket().build()));

    assertThat(claims)
        .contains(new AccessTokenClaims(USER, SESSION, NOW, NOW.plus(Duration.ofSeconds(60))));
  }

  @Test
  void shouldRefuseATicketWhenPresentedAsAnAccessToken() throws JOSEException {
    var ticket = sign(KEY, ticket().build());

    assertThat(verifier.verify(ticket)).isEmpty();
    assertThat(verifier.verifyTicket(ticket)).as("still a valid ticket").isPresent();
    assertThat(verifier.verify(ticket)).as("after its use as a ticket").isEmpty();
  }

  @Test
  void shouldRefuseAnAccessTokenWhenPresentedAsATicket() throws JOSEException {
    var token = sign(KEY, accessToken().build());

    assertThat(verifier.verifyTicket(token)).isEmpty();
    assertThat(verifier.verify(token)).as("still a valid access token").isPresent();
    assertThat(verifier.verifyTicket(token)).as("once remembered as an access token").isEmpty();
  }

  @Test
  void shouldRefuseATokenOfBothAudiencesWhenPresentedAsEither() throws JOSEException {
    var both =
        sign(
            KEY, ticket().audience(List.of(StreamTickets.AUDIENCE, AccessTokens.AUDIENCE)).build());

    assertThat(verifier.verifyTicket(both)).isEmpty();
    assertThat(verifier.verify(both)).isEmpty();
  }

  @Test
  void shouldRefuseTheTicketWhenItHasExpired() throws JOSEException {
    var ticket = sign(KEY, ticket().build());
    assertThat(verifier.verifyTicket(ticket)).isPresent();

    now.set(NOW.plus(Duration.ofSeconds(60)).plus(AccessTokenVerifier.CLOCK_SKEW).plusSeconds(1));

    assertThat(verifier.verifyTicket(ticket)).isEmpty();
  }

  @Test
  void shouldRefuseTheTicketWhenItLivesLongerThanTicketsMay() throws JOSEException {
    var tooLong =
        ticket()
            .expirationTime(Date.from(NOW.plus(StreamTickets.MAX_LIFETIME).plusSeconds(1)))
            .build();
    var longest = ticket().expirationTime(Date.from(NOW.plus(StreamTickets.MAX_LIFETIME))).build();

    assertThat(verifier.verifyTicket(sign(KEY, tooLong))).isEmpty();
    assertThat(verifier.verifyTicket(sign(KEY, longest))).isPresent();
  }

  @Test
  void shouldRefuseTheTicketWhenItsSessionOrAccountIsRevoked() throws JOSEException {
    var ticket = sign(KEY, ticket().build());
    var otherUser = new UserId(UUID.randomUUID());
    var otherTicket = sign(KEY, ticket().subject(otherUser.toString()).build());
    assertThat(verifier.verifyTicket(ticket)).isPresent();
    assertThat(verifier.verifyTicket(otherTicket)).isPresent();

    revocations.revoke(SESSION, NOW);
    revocations.revoke(otherUser, NOW);

    assertThat(verifier.verifyTicket(ticket)).isEmpty();
    assertThat(verifier.verifyTicket(otherTicket)).isEmpty();
  }

  @Test
  void shouldRefuseTheTicketWhenSignedWithAnotherKey() throws JOSEException {
    assertThat(verifier.verifyTicket(sign(generate(), ticket().build()))).isEmpty();
    assertThat(verifier.verifyTicket("not.a.jwt")).isEmpty();
  }

  private static JWTClaimsSet.Builder ticket() {
    return accessToken()
        .audience(StreamTickets.AUDIENCE)
        .expirationTime(Date.from(NOW.plus(Duration.ofSeconds(60))));
  }

  private static JWTClaimsSet.Builder accessToken() {
    return new JWTClaimsSet.Builder()
        .issuer(AccessTokens.ISSUER)
        .audience(AccessTokens.AUDIENCE)
        .subject(USER.toString())
        .claim(AccessTokens.SESSION_CLAIM, SESSION.toString())
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(15))))
        .jwtID(UUID.randomUUID().toString());
  }

  private static String sign(ECKey key, JWTClaimsSet claims) throws JOSEException {
    var header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .type(AccessTokens.TYPE)
            .keyID(key.getKeyID())
            .build();
    var jwt = new SignedJWT(header, claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(UUID.randomUUID().toString())
          .algorithm(AccessTokens.ALGORITHM)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    MovableClock(AtomicReference<Instant> now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
