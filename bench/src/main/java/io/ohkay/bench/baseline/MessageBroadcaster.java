package io.ohkay.bench.baseline;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans each stored message out to every connected subscriber, as seed 004's sockets do: nothing is
 * kept, a subscriber only sees what is published while it is connected. Each subscriber has its own
 * bounded buffer so a slow one cannot hold the others back; when it overflows, its stream ends.
 */
final class MessageBroadcaster {

  /** Messages a subscriber may fall behind by before its stream is ended. */
  private static final int SUBSCRIBER_BUFFER = 65_536;

  private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();

  /** Publishes one message's JSON; posts publish concurrently, the sink needs them serialized. */
  synchronized void publish(String json) {
    sink.tryEmitNext(json);
  }

  /** Every message published from now on. */
  Flux<String> subscribe() {
    return sink.asFlux().onBackpressureBuffer(SUBSCRIBER_BUFFER);
  }

  /** Ends every subscriber's stream. */
  synchronized void close() {
    sink.tryEmitComplete();
  }
}
