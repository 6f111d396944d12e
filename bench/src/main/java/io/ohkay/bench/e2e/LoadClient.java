package io.ohkay.bench.e2e;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.ohkay.bench.load.PooledHttp;
import io.ohkay.bench.target.Sender;
import io.ohkay.bench.target.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Posts messages to a target over one {@link PooledHttp} pool, message {@code i} as the target's
 * sender {@code i % senders}.
 */
final class LoadClient implements AutoCloseable {

  private final PooledHttp pool;
  private final List<Sender> senders;
  private final List<HttpClient> clients;

  LoadClient(Target target, LoopResources loops) {
    this.pool = new PooledHttp("bench-post", target.baseUrl(), loops);
    this.senders = List.copyOf(target.senders());
    this.clients =
        senders.stream()
            .map(
                sender ->
                    pool.client()
                        .headers(
                            headers ->
                                headers
                                    .set(
                                        HttpHeaderNames.AUTHORIZATION,
                                        "Bearer " + sender.bearerToken())
                                    .set(
                                        HttpHeaderNames.CONTENT_TYPE,
                                        HttpHeaderValues.APPLICATION_JSON)))
            .toList();
  }

  /** Fires one post without waiting; its answer or failure is recorded in {@code run}. */
  void post(StepRun run, int seq) {
    byte[] body =
        ("{\"content\":\"" + run.tag(seq).content() + "\"}").getBytes(StandardCharsets.UTF_8);
    int sender = seq % senders.size();
    clients
        .get(sender)
        .post()
        .uri(senders.get(sender).path())
        .send(Mono.<ByteBuf>fromSupplier(() -> Unpooled.wrappedBuffer(body)))
        .responseSingle(
            (response, content) ->
                content.asString().defaultIfEmpty("").map(ignored -> response.status().code()))
        .subscribe(status -> run.answered(seq, status, System.nanoTime()), run::failed);
  }

  @Override
  public void close() {
    pool.close();
  }
}
