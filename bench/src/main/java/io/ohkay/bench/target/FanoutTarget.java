package io.ohkay.bench.target;

import io.ohkay.bench.load.MessagePoster;
import io.ohkay.bench.load.Poster;
import java.net.URI;
import java.util.List;
import reactor.netty.resources.LoopResources;

/**
 * A running chat backend whose live-stream fan-out is measured: one {@link #sender()} posting into
 * one busy channel, and {@link #subscriberTokens()} members of its server, each of whom may open
 * their own stream ({@link #streamPath()}, {@code text/event-stream}) on which every message of the
 * channel arrives, {@code ready} first. A stream that falls too far behind may be ended by the
 * target with {@code event: overflow}. Opening a target starts it; closing it stops everything it
 * started.
 */
public interface FanoutTarget extends AutoCloseable {

  /** Short name used in reports ({@code system}, {@code baseline}). */
  String name();

  /** Scheme, host and port of the HTTP API, e.g. {@code http://127.0.0.1:8080}. */
  URI baseUrl();

  /** Who posts, and where ({@code POST {"content": "..."}}). */
  Sender sender();

  /**
   * How a scenario posts this target's messages, its HTTP I/O on {@code loops}: by default as
   * {@link #sender()}, a post answered by the target's HTTP status.
   */
  default Poster poster(LoopResources loops) {
    var sender = sender();
    return new MessagePoster(baseUrl(), sender.path(), sender.bearerToken(), loops);
  }

  /** Path of the stream, e.g. {@code /api/stream}. */
  String streamPath();

  /**
   * Access tokens of members who may open the stream, as many as the target was opened for
   * (possibly the same token repeated, when the target has no accounts).
   */
  List<String> subscriberTokens();

  @Override
  void close();
}
