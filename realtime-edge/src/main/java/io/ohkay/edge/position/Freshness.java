package io.ohkay.edge.position;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Whether a query saw the position its client asked for, or answered after the bounded wait. */
public enum Freshness {
  FRESH,
  STALE;

  /** The freshness of an answer built from both reads. */
  public Freshness and(Freshness other) {
    return this == STALE || other == STALE ? STALE : FRESH;
  }

  /** {@code 200} with {@code body} as JSON, marked stale if this read was. */
  public Mono<ServerResponse> ok(Object body) {
    return mark(ServerResponse.ok()).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  /** Adds {@code X-Ohkay-Stale: true} to a stale answer. */
  public ServerResponse.BodyBuilder mark(ServerResponse.BodyBuilder response) {
    return this == STALE ? response.header(ReadYourWrites.STALE_HEADER, "true") : response;
  }
}
