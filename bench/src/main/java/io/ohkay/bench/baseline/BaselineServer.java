package io.ohkay.bench.baseline;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * WebFlux functional routes served by reactor-netty on a free loopback port: the same HTTP stack as
 * the system, without a Spring Boot context (whose auto-configuration would pick up the platform on
 * the classpath).
 */
final class BaselineServer implements AutoCloseable {

  private final DisposableServer server;

  private BaselineServer(DisposableServer server) {
    this.server = server;
  }

  static BaselineServer start(RouterFunction<ServerResponse> routes) {
    var adapter = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes));
    return new BaselineServer(
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(adapter)
            .bindNow(Duration.ofSeconds(10)));
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(10));
  }
}
