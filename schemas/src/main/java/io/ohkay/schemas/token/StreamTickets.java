package io.ohkay.schemas.token;

import java.time.Duration;

/**
 * The fixed parts of a stream ticket: a short-lived JWT a browser puts in the URL of {@code
 * /api/stream} or {@code /api/ws} (where {@code EventSource} and {@code WebSocket} cannot set
 * headers), so a long-lived access token never appears in a URL or a log. Signed with the access
 * token key, with the same {@code typ}, issuer, subject and session claims, it differs by its
 * audience alone: a ticket never passes for an access token, nor the reverse.
 */
public final class StreamTickets {

  /** The {@code aud} claim of a ticket: the live stream only. */
  public static final String AUDIENCE = "ohkay-stream";

  /** The longest lifetime a ticket may have ({@code exp - iat}); longer ones are refused. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

  private StreamTickets() {}
}
