package io.ohkay.platform;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/** Open {@code GET /api/stream} connections of a test, closed together at its end. */
final class LiveStreams implements AutoCloseable {

  private final int port;
  private final List<Disposable> open = new CopyOnWriteArrayList<>();

  LiveStreams(int port) {
    this.port = port;
  }

  /** The platform's HTTP API, for the same test. */
  static WebTestClient http(int port) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(20))
        .build();
  }

  /** One stream's events so far, and whether the server ended it. */
  record Stream(List<ServerSentEvent<String>> events, AtomicBoolean done) {

    boolean ended() {
      return done.get();
    }

    boolean contains(String text) {
      return events.stream().anyMatch(e -> e.data() != null && e.data().contains(text));
    }
  }

  /** Opens a stream with this {@code Authorization} value; returns once it said {@code ready}. */
  Stream open(String bearer) {
    var received = new CopyOnWriteArrayList<ServerSentEvent<String>>();
    var done = new AtomicBoolean();
    open.add(
        WebClient.create("http://127.0.0.1:" + port)
            .get()
            .uri("/api/stream")
            .header(HttpHeaders.AUTHORIZATION, bearer)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .retrieve()
            .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .doFinally(signal -> done.set(true))
            .subscribe(received::add, error -> {}));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> received.stream().anyMatch(e -> "ready".equals(e.event())));
    return new Stream(received, done);
  }

  @Override
  public void close() {
    open.forEach(Disposable::dispose);
  }
}
