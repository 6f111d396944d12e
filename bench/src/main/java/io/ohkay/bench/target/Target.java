package io.ohkay.bench.target;

import java.net.URI;

/**
 * A running chat backend ready to be measured: one user (the bearer token) allowed to post into one
 * channel ({@link #postPath()}) and to follow the live stream ({@link #streamPath()}) where those
 * messages appear. Opening a target starts it; closing it stops everything it started.
 */
public interface Target extends AutoCloseable {

  /** Short name used in reports ({@code system}, {@code baseline}). */
  String name();

  /** Scheme, host and port of the HTTP API, e.g. {@code http://127.0.0.1:8080}. */
  URI baseUrl();

  /** Access token sent as {@code Authorization: Bearer <token>} on every request. */
  String bearerToken();

  /**
   * Path accepting {@code POST {"content": "..."}}, e.g. {@code
   * /api/servers/{sid}/channels/{cid}/messages}.
   */
  String postPath();

  /**
   * Path of the SSE stream on which posted messages arrive; each event's {@code data} is JSON
   * carrying the message's {@code content} at the top level or under {@code payload}.
   */
  String streamPath();

  @Override
  void close();
}
