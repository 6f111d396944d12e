package io.ohkay.bench.target;

import java.net.URI;
import java.util.List;

/**
 * A running chat backend ready to be measured: one user (the bearer token) following the live
 * stream ({@link #streamPath()}) where the messages of its {@link #senders()} appear. Opening a
 * target starts it; closing it stops everything it started.
 */
public interface Target extends AutoCloseable {

  /** Short name used in reports ({@code system}, {@code baseline}). */
  String name();

  /** Scheme, host and port of the HTTP API, e.g. {@code http://127.0.0.1:8080}. */
  URI baseUrl();

  /** Access token sent as {@code Authorization: Bearer <token>} on every request. */
  String bearerToken();

  /**
   * Who posts: message {@code i} of a step is posted by {@code senders().get(i % size)}, each to a
   * path accepting {@code POST {"content": "..."}}, e.g. {@code
   * /api/servers/{sid}/channels/{cid}/messages}. A channel target has one sender, a direct-message
   * target one per conversation.
   */
  List<Sender> senders();

  /**
   * Path of the SSE stream on which posted messages arrive; each event's {@code data} is JSON
   * carrying the message's {@code content} at the top level or under {@code payload}.
   */
  String streamPath();

  @Override
  void close();
}
