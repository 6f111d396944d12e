package io.ohkay.edge;

import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  // HTTP/1.1 as the edge speaks it (the client's default, HTTP/2, sends an h2c upgrade it ignores).
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
