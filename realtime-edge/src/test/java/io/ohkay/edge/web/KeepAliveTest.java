package io.ohkay.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Pins the reactor-netty fix the edge depends on (reactor/reactor-netty#4361, in 1.3.8): a
 * keep-alive request that arrived while the previous one was still being answered, and was then
 * answered at once (a refusal decided before any I/O, like {@code GET /api/dms?before=nope}), left
 * the connection no longer reading, so the client's next request on it went unanswered. With 1.3.7,
 * about half of the whole builds had one such request hang for 20 s in the edge's integration
 * tests.
 */
class KeepAliveTest {

  private DisposableServer server;

  @BeforeEach
  void start() {
    server =
        KeepAliveReads.on(HttpServer.create())
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    response.sendString(
                        request.uri().equals("/slow")
                            ? Mono.delay(Duration.ofMillis(50)).thenReturn("ok")
                            : Mono.just("ok")))
            .bindNow(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.disposeNow();
  }

  @Test
  void shouldAnswerTheNextRequestWhenAQueuedOneWasAnsweredAtOnce() throws IOException {
    try (var socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(2_000);
      var out = socket.getOutputStream();
      var in = socket.getInputStream();
      // The second request arrives while the first is still being answered: it is queued.
      out.write((request("/slow") + request("/fast")).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      readResponse(in);
      readResponse(in);

      out.write(request("/next").getBytes(StandardCharsets.US_ASCII));
      out.flush();

      assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
    }
  }

  private static String request(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  /** One response with a {@code content-length} body, as text; a read timeout if none comes. */
  private static String readResponse(InputStream in) throws IOException {
    var head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      var b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after: " + head);
      }
      head.append((char) b);
    }
    var length = 0;
    for (var line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return head + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
  }
}
