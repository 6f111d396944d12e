package io.ohkay.platform;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The browser's one origin in a test: serves a page at {@code /} and forwards {@code /api/**} to
 * the platform, streaming answers through as they come (an SSE stream flows event by event). It can
 * cut every open connection and keep the outage going until {@link #heal()}, and it records how
 * each {@code GET /api/stream} asked to resume.
 */
final class CuttingProxy implements AutoCloseable {

  /** Headers of one connection (and the target's name), never copied from one side to the other. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "keep-alive", "transfer-encoding", "upgrade", "host");

  /** What the proxy does to requests during an outage. */
  enum Outage {
    /** Closes each connection on its first request, without an answer: a network error. */
    DROP,
    /** Answers 502, like a reverse proxy whose upstream is down. */
    BAD_GATEWAY
  }

  /**
   * One {@code GET /api/stream} as the browser sent it.
   *
   * @param lastEventId its {@code Last-Event-ID} header
   * @param cursor its {@code cursor} query parameter
   * @param refusedBy the outage it met, null when it was forwarded
   */
  record StreamRequest(
      @Nullable String lastEventId, @Nullable String cursor, @Nullable Outage refusedBy) {}

  private final byte[] page;
  private final HttpClient platform;
  private final DisposableServer server;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final List<StreamRequest> streamRequests = new CopyOnWriteArrayList<>();
  private volatile @Nullable Outage outage;

  /** Starts on a free port of 127.0.0.1, in front of the platform on {@code platformPort}. */
  CuttingProxy(int platformPort, byte[] page) {
    this.page = page.clone();
    this.platform =
        HttpClient.create(ConnectionProvider.newConnection())
            .baseUrl("http://127.0.0.1:" + platformPort);
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .doOnConnection(this::track)
            .handle(this::handle)
            .bindNow();
  }

  /** The page's address. */
  String pageUrl() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** Starts an outage: every open connection is cut, later requests meet {@code kind}. */
  void cut(Outage kind) {
    outage = kind;
    open.forEach(Connection::dispose);
  }

  /** Ends the outage: requests are forwarded again. */
  void heal() {
    outage = null;
  }

  /** Every {@code GET /api/stream} so far, in arrival order. */
  List<StreamRequest> streamRequests() {
    return List.copyOf(streamRequests);
  }

  private void track(Connection connection) {
    open.add(connection);
    connection.onDispose(() -> open.remove(connection));
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    var path = new QueryStringDecoder(request.uri()).path();
    var now = outage;
    if (path.equals("/api/stream")) {
      streamRequests.add(streamRequest(request, now));
    }
    if (now == Outage.DROP) {
      response.withConnection(Connection::dispose);
      return Mono.empty();
    }
    if (now == Outage.BAD_GATEWAY) {
      return response.status(HttpResponseStatus.BAD_GATEWAY).sendString(Mono.just("upstream down"));
    }
    if (path.equals("/")) {
      return response
          .header(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
          .header(HttpHeaderNames.CACHE_CONTROL, "no-store")
          .sendByteArray(Mono.just(page));
    }
    if (path.startsWith("/api/")) {
      return forward(request, response);
    }
    return response.sendNotFound();
  }

  /** The request as it came, its answer as it comes: status, headers, then each chunk flushed. */
  private Publisher<Void> forward(HttpServerRequest request, HttpServerResponse response) {
    return platform
        .headers(
            headers ->
                request
                    .requestHeaders()
                    .forEach(h -> copy(h, (name, value) -> headers.add(name, value))))
        .request(request.method())
        .uri(request.uri())
        .send(request.receive().retain())
        .response(
            (answer, body) -> {
              response.status(answer.status());
              answer
                  .responseHeaders()
                  .forEach(h -> copy(h, (name, value) -> response.addHeader(name, value)));
              return response.send(body.retain(), chunk -> true);
            })
        .then();
  }

  private static void copy(Map.Entry<String, String> header, BiConsumer<String, String> to) {
    if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
      to.accept(header.getKey(), header.getValue());
    }
  }

  private static StreamRequest streamRequest(HttpServerRequest request, @Nullable Outage now) {
    var cursors = new QueryStringDecoder(request.uri()).parameters().get("cursor");
    return new StreamRequest(
        request.requestHeaders().get("Last-Event-ID"),
        cursors == null || cursors.isEmpty() ? null : cursors.getFirst(),
        now);
  }

  @Override
  public void close() {
    outage = Outage.DROP;
    open.forEach(Connection::dispose);
    server.disposeNow();
  }
}
