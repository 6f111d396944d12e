package io.ohkay.bench.broadcast;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One multicast sink of encoded SSE events: each event's bytes are made once and every subscriber
 * writes those same bytes (wrapped, not copied). A subscriber's bounded buffer keeps a slow one
 * from holding the others back; when it fills, that subscriber gets {@code event: overflow} and its
 * stream ends.
 */
final class SharedEvents {

  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] READY = frame("ready", "0", EMPTY_OBJECT);
  private static final byte[] OVERFLOW = frame("overflow", "0", EMPTY_OBJECT);

  private final Sinks.Many<byte[]> sink = Sinks.many().multicast().directBestEffort();
  private final int bufferSize;

  /**
   * @param bufferSize events a subscriber may fall behind by before it is cut off
   */
  SharedEvents(int bufferSize) {
    this.bufferSize = bufferSize;
  }

  /** An SSE event's bytes: {@code id}, {@code event}, one {@code data} line, blank line. */
  static byte[] frame(String event, String id, byte[] data) {
    byte[] head = ("id:" + id + "\nevent:" + event + "\ndata:").getBytes(StandardCharsets.UTF_8);
    byte[] frame = Arrays.copyOf(head, head.length + data.length + 2);
    System.arraycopy(data, 0, frame, head.length, data.length);
    frame[frame.length - 2] = '\n';
    frame[frame.length - 1] = '\n';
    return frame;
  }

  /** Publishes one encoded event; posts publish concurrently, the sink needs them serialized. */
  synchronized void publish(byte[] event) {
    sink.tryEmitNext(event);
  }

  /** {@code ready}, then every event published from now on, until the subscriber overflows. */
  Flux<ByteBuf> subscribe() {
    return sink.asFlux()
        .onBackpressureBuffer(bufferSize, dropped -> {}, BufferOverflowStrategy.ERROR)
        .onErrorResume(Exceptions::isOverflow, overflow -> Mono.just(OVERFLOW))
        .startWith(READY)
        .map(Unpooled::wrappedBuffer);
  }

  /** Ends every subscriber's stream. */
  synchronized void close() {
    sink.tryEmitComplete();
  }
}
