package io.ohkay.bench.sse;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * One SSE connection of its own (no pool: each stream holds its connection for as long as it is
 * open), scanned by a {@link SseScanner}; each chunk is stamped on arrival, before scanning. Its
 * bytes are counted into a shared counter, so a scenario can tell how large an event is on the
 * wire.
 */
public final class SseStream implements AutoCloseable {

  private final Disposable subscription;
  private volatile @Nullable String ended;

  private SseStream(
      HttpClient client,
      String path,
      String bearerToken,
      @Nullable String lastEventId,
      SseListener listener,
      LongAdder bytes) {
    var scanner = new SseScanner(listener);
    this.subscription =
        client
            .headers(
                headers -> {
                  headers
                      .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearerToken)
                      .set(HttpHeaderNames.ACCEPT, "text/event-stream");
                  if (lastEventId != null) {
                    headers.set("Last-Event-ID", lastEventId);
                  }
                })
            .get()
            .uri(path)
            .response(
                (response, body) ->
                    response.status().code() == 200
                        ? body.doOnNext(chunk -> onChunk(scanner, bytes, chunk)).then()
                        : Mono.<Void>error(
                            new IllegalStateException(
                                "the stream answered HTTP " + response.status().code())))
            .subscribe(
                ignored -> {},
                error -> ended = "failed: " + error,
                () -> ended = "closed by the server");
  }

  /**
   * A client for streams of {@code baseUrl}, each on a new connection, its I/O on {@code loops}.
   */
  public static HttpClient client(URI baseUrl, LoopResources loops) {
    return HttpClient.newConnection().runOn(loops).baseUrl(baseUrl.toString());
  }

  /**
   * Opens {@code path} with {@code bearerToken}, resuming from {@code lastEventId} when not null;
   * events flow to {@code listener} on the connection's thread from now on.
   */
  public static SseStream open(
      HttpClient client,
      String path,
      String bearerToken,
      @Nullable String lastEventId,
      SseListener listener,
      LongAdder bytes) {
    return new SseStream(client, path, bearerToken, lastEventId, listener, bytes);
  }

  private static void onChunk(SseScanner scanner, LongAdder bytes, ByteBuf chunk) {
    long arrivalNanos = System.nanoTime();
    bytes.add(chunk.readableBytes());
    scanner.feed(chunk, arrivalNanos);
  }

  /** How the stream ended (failed, or closed by the server); null while it is open. */
  public @Nullable String ended() {
    return ended;
  }

  @Override
  public void close() {
    subscription.dispose();
  }
}
