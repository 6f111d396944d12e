package io.ohkay.command.token;

import com.nimbusds.jose.jwk.ECKey;
import io.ohkay.command.token.AccessTokenIssuer.IssuedToken;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.token.StreamTickets;
import java.time.Clock;
import java.time.Duration;

/**
 * Signs stream tickets: what a browser puts in the URL of the live stream instead of its access
 * token. A ticket names the same user and session as the access token it was asked with, so signing
 * out or deleting the account refuses it too.
 */
public final class StreamTicketIssuer {

  private final AccessTokenIssuer tickets;

  /**
   * @param key the access-token key pair
   * @param ttl lifetime of a ticket, at most {@link StreamTickets#MAX_LIFETIME} (checked once, by
   *     {@code CommandApiProperties} at start-up; verifiers refuse longer-lived tickets anyway)
   */
  public StreamTicketIssuer(ECKey key, Duration ttl, Clock clock) {
    this.tickets = new AccessTokenIssuer(key, StreamTickets.AUDIENCE, ttl, clock);
  }

  /** A signed ticket for {@code user}'s {@code session}. */
  public IssuedToken issue(UserId user, SessionId session) {
    return tickets.issue(user, session);
  }
}
