package io.ohkay.bench.e2e;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.ohkay.bench.target.Target;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * One SSE client following a target's stream on its own connection; each chunk is stamped on
 * arrival, before parsing, and its events are handed to a {@link DeliveryRouter}.
 */
final class StreamClient implements AutoCloseable {

  private final SseParser parser = new SseParser();
  private final DeliveryRouter router;
  private volatile @Nullable String failure;
  private final Disposable subscription;

  private StreamClient(Target target, LoopResources loops, DeliveryRouter router) {
    this.router = router;
    this.subscription =
        HttpClient.newConnection()
            .runOn(loops)
            .baseUrl(target.baseUrl().toString())
            .headers(
                headers ->
                    headers
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.bearerToken())
                        .set(HttpHeaderNames.ACCEPT, "text/event-stream"))
            .get()
            .uri(target.streamPath())
            .response(
                (response, body) ->
                    response.status().code() == 200
                        ? body.doOnNext(this::onChunk).then()
                        : Mono.<Void>error(
                            new IllegalStateException(
                                "the stream answered HTTP " + response.status().code())))
            .subscribe(
                ignored -> {},
                error -> failure = "the stream failed: " + error,
                () -> failure = "the stream was closed by the target");
  }

  /** Opens the stream; events start flowing to {@code router} once the target sends them. */
  static StreamClient connect(Target target, LoopResources loops, DeliveryRouter router) {
    return new StreamClient(target, loops, router);
  }

  /** Why the stream is no longer open; null while it is. */
  @Nullable String failure() {
    return failure;
  }

  private void onChunk(ByteBuf chunk) {
    long arrivalNanos = System.nanoTime();
    for (String data : parser.feed(ByteBufUtil.getBytes(chunk))) {
      router.accept(data, arrivalNanos);
    }
  }

  @Override
  public void close() {
    subscription.dispose();
  }
}
