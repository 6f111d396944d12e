package io.ohkay.command.user;

import io.ohkay.command.token.StreamTicketIssuer;
import io.ohkay.command.web.BearerAuth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/stream-ticket}: a short-lived ticket of the caller's session for the URL of
 * the live stream, where a browser cannot send its access token as a header. Nothing is appended:
 * the ticket is as good as the access token it was asked with, for its configured lifetime ({@code
 * ohkay.command-api.stream-ticket-ttl}, 60 s by default, at most 5 min), during which it opens
 * stream connections for the caller's session until that session is revoked.
 */
final class StreamTicketHandler {

  private final BearerAuth bearer;
  private final StreamTicketIssuer tickets;

  StreamTicketHandler(BearerAuth bearer, StreamTicketIssuer tickets) {
    this.bearer = bearer;
    this.tickets = tickets;
  }

  Mono<ServerResponse> issue(ServerRequest request) {
    return bearer
        .authenticate(request)
        .flatMap(
            claims -> {
              var ticket = tickets.issue(claims.userId(), claims.sessionId());
              return ServerResponse.status(HttpStatus.CREATED)
                  .contentType(MediaType.APPLICATION_JSON)
                  .cacheControl(CacheControl.noStore())
                  .bodyValue(body(ticket.token(), ticket.expiresIn().toSeconds()));
            });
  }

  private static Map<String, Object> body(String ticket, long expiresIn) {
    var body = new LinkedHashMap<String, Object>();
    body.put("ticket", ticket);
    body.put("expiresIn", expiresIn);
    return body;
  }
}
