package io.ohkay.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Posts messages {@code {"content": ...}} to one path with one bearer token, over a {@link
 * PooledHttp} pool of its own; each answer's body is read and dropped.
 */
public final class MessagePoster implements Poster {

  private final PooledHttp pool;
  private final HttpClient client;
  private final String path;

  /**
   * A poster to {@code path} of {@code baseUrl} as {@code bearerToken}, its I/O on {@code loops}.
   */
  public MessagePoster(URI baseUrl, String path, String bearerToken, LoopResources loops) {
    this.pool = new PooledHttp("bench-post", baseUrl, loops);
    this.path = path;
    this.client =
        pool.client()
            .headers(
                headers ->
                    headers
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + bearerToken)
                        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
  }

  /** Posts {@code content} (no characters that need escaping in JSON); emits the HTTP status. */
  public Mono<Integer> post(String content) {
    byte[] body = ("{\"content\":\"" + content + "\"}").getBytes(StandardCharsets.UTF_8);
    return client
        .post()
        .uri(path)
        .send(Mono.<ByteBuf>fromSupplier(() -> Unpooled.wrappedBuffer(body)))
        .responseSingle(
            (response, answer) ->
                answer.asString().defaultIfEmpty("").map(ignored -> response.status().code()));
  }

  /**
   * Fires one post of {@code content} without waiting; its answer is recorded in {@code answers}.
   */
  @Override
  public void post(String content, int seq, Answers answers) {
    post(content)
        .subscribe(status -> answers.answered(seq, status, System.nanoTime()), answers::failed);
  }

  @Override
  public void close() {
    pool.close();
  }
}
