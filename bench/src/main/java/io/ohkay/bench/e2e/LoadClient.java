package io.ohkay.bench.e2e;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.ohkay.bench.target.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Posts messages to a target over a shared keep-alive connection pool large enough for thousands of
 * posts in flight; a post waiting for a connection waits in the pool's queue, and that wait counts
 * in its latency.
 */
final class LoadClient implements AutoCloseable {

  /** Connections to the target at most: at 1,000 msg/s, 1,000 in flight means 1 s responses. */
  private static final int MAX_CONNECTIONS = 1_000;

  /** A post still unanswered after this counts as an error. */
  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  private final ConnectionProvider pool;
  private final HttpClient http;
  private final String postPath;

  LoadClient(Target target, LoopResources loops) {
    this.pool =
        ConnectionProvider.builder("bench-post")
            .maxConnections(MAX_CONNECTIONS)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(RESPONSE_TIMEOUT)
            .build();
    this.http =
        HttpClient.create(pool)
            .runOn(loops)
            .baseUrl(target.baseUrl().toString())
            .responseTimeout(RESPONSE_TIMEOUT)
            .headers(
                headers ->
                    headers
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.bearerToken())
                        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
    this.postPath = target.postPath();
  }

  /** Fires one post without waiting; its answer or failure is recorded in {@code run}. */
  void post(StepRun run, int seq) {
    byte[] body =
        ("{\"content\":\"" + run.tag(seq).content() + "\"}").getBytes(StandardCharsets.UTF_8);
    http.post()
        .uri(postPath)
        .send(Mono.<ByteBuf>fromSupplier(() -> Unpooled.wrappedBuffer(body)))
        .responseSingle(
            (response, content) ->
                content.asString().defaultIfEmpty("").map(ignored -> response.status().code()))
        .subscribe(status -> run.answered(seq, status, System.nanoTime()), run::failed);
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(10));
  }
}
