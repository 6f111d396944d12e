package io.ohkay.bench.load;

import java.net.URI;
import java.time.Duration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A keep-alive connection pool to one target, large enough for thousands of requests in flight; a
 * request waiting for a connection waits in the pool's queue, and that wait counts in its latency.
 */
public final class PooledHttp implements AutoCloseable {

  /** Connections to the target at most: at 1,000 requests/s, 1,000 in flight means 1 s answers. */
  private static final int MAX_CONNECTIONS = 1_000;

  /** A request still unanswered after this counts as an error. */
  public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  private final ConnectionProvider pool;
  private final HttpClient http;

  /** A pool named {@code name} to {@code baseUrl}, its I/O on {@code loops}. */
  public PooledHttp(String name, URI baseUrl, LoopResources loops) {
    this.pool =
        ConnectionProvider.builder(name)
            .maxConnections(MAX_CONNECTIONS)
            .pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(RESPONSE_TIMEOUT)
            .build();
    this.http =
        HttpClient.create(pool)
            .runOn(loops)
            .baseUrl(baseUrl.toString())
            .responseTimeout(RESPONSE_TIMEOUT);
  }

  /** The client over the pool, to configure further (headers) per use. */
  public HttpClient client() {
    return http;
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(10));
  }
}
