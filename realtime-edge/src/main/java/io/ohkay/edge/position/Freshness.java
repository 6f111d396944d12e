package io.ohkay.edge.position;

import org.springframework.web.reactive.function.server.ServerResponse;

/** Whether a query saw the position its client asked for, or answered after the bounded wait. */
public enum Freshness {
  FRESH,
  STALE;

  /** The freshness of an answer built from both reads. */
  public Freshness and(Freshness other) {
    return this == STALE || other == STALE ? STALE : FRESH;
  }

  /** Adds {@code X-Ohkay-Stale: true} to a stale answer. */
  public ServerResponse.BodyBuilder mark(ServerResponse.BodyBuilder response) {
    return this == STALE ? response.header(ReadYourWrites.STALE_HEADER, "true") : response;
  }
}
