package io.ohkay.edge;

import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A plain HTTP client of a running edge, answering parsed JSON. */
public final class EdgeHttp {

  /** One answer: status, headers and the body as JSON (a missing node when empty). */
  public record Reply(int status, java.net.http.HttpHeaders headers, JsonNode json) {

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }
  }

  // HTTP/1.1 as the edge speaks it: the client's default (HTTP/2) sends an h2c upgrade with every
  // request on a fresh connection, which the edge ignores; a DmRoutesIT call hung 20 s twice.
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final int port;

  public EdgeHttp(int port) {
    this.port = port;
  }

  /** {@code GET path} with a bearer token (none when null) and extra header pairs. */
  public Reply get(String path, @Nullable String token, String... headers) {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      var body = response.body();
      var json = body.isEmpty() ? Json.mapper().missingNode() : Json.mapper().readTree(body);
      return new Reply(response.statusCode(), response.headers(), json);
    } catch (HttpTimeoutException e) {
      // The edge runs in this JVM: what its threads were doing is the only trace of a hang.
      System.err.println("EdgeHttp: GET " + path + " timed out; threads:\n" + threadDump());
      throw new UncheckedIOException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String threadDump() {
    var dump = new StringBuilder();
    for (var entry : Thread.getAllStackTraces().entrySet()) {
      var thread = entry.getKey();
      dump.append('"')
          .append(thread.getName())
          .append("\" ")
          .append(thread.getState())
          .append('\n');
      for (var frame : entry.getValue()) {
        dump.append("    at ").append(frame).append('\n');
      }
    }
    return dump.toString();
  }
}
