package io.ohkay.bench.target;

import java.net.URI;
import java.util.List;

/**
 * A running chat backend ready to be measured: one user (the bearer token) following the live
 * stream ({@link #streamPath()}) where the messages of its {@link #senders()} appear: by default
 * that user posting into one channel ({@link #postPath()}). Opening a target starts it; closing it
 * stops everything it started.
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
   * Who posts: message {@code i} of a step is posted by {@code senders().get(i % size)}. By default
   * the one user into {@link #postPath()}; a direct-message target has one sender per conversation.
   */
  default List<Sender> senders() {
    return List.of(new Sender(postPath(), bearerToken()));
  }

  /**
   * Path of the SSE stream on which posted messages arrive; each event's {@code data} is JSON
   * carrying the message's {@code content} at the top level or under {@code payload}.
   */
  String streamPath();

  @Override
  void close();
}
