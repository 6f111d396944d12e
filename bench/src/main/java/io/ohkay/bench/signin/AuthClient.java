package io.ohkay.bench.signin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.ohkay.bench.load.Answers;
import io.ohkay.bench.load.PooledHttp;
import io.ohkay.schemas.json.Json;
import java.net.URI;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/** Signs the bench's accounts up and in over a {@link PooledHttp} pool. */
final class AuthClient implements AutoCloseable {

  /** Every bench account's password (each hash still has its own salt). */
  static final String PASSWORD = "bench password 0123";

  /** An HTTP answer: its status and body. */
  record Reply(int status, String body) {}

  private final PooledHttp pool;
  private final HttpClient http;

  AuthClient(URI baseUrl, LoopResources loops) {
    this.pool = new PooledHttp("bench-auth", baseUrl, loops);
    this.http =
        pool.client()
            .headers(
                headers ->
                    headers
                        .set(HttpHeaderNames.USER_AGENT, "ohkay-bench")
                        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
  }

  Mono<Reply> signup(String email, String displayName) {
    return post(
        "/api/auth/signup",
        Map.of("email", email, "password", PASSWORD, "displayName", displayName));
  }

  Mono<Reply> signin(String email) {
    return post("/api/auth/signin", Map.of("email", email, "password", PASSWORD));
  }

  /** Fires one sign-in without waiting; its answer or failure is recorded in {@code answers}. */
  void signin(String email, Answers answers, int seq) {
    signin(email)
        .subscribe(
            reply -> answers.answered(seq, reply.status(), System.nanoTime()), answers::failed);
  }

  private Mono<Reply> post(String path, Map<String, String> body) {
    byte[] bytes = Json.write(body);
    return http.post()
        .uri(path)
        .send(Mono.<ByteBuf>fromSupplier(() -> Unpooled.wrappedBuffer(bytes)))
        .responseSingle(
            (response, content) ->
                content
                    .asString()
                    .defaultIfEmpty("")
                    .map(text -> new Reply(response.status().code(), text)));
  }

  @Override
  public void close() {
    pool.close();
  }
}
