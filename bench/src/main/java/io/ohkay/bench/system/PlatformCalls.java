package io.ohkay.bench.system;

import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The few blocking platform calls a target makes while it prepares, before any measurement. */
final class PlatformCalls {

  private static final int BUSY = 503;
  private static final Duration BUSY_PAUSE = Duration.ofMillis(50);

  /** How long a sign-up may be refused as busy before the bench gives up. */
  private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(60);

  private PlatformCalls() {}

  /** A signed-up user: its id and access token. */
  record Account(UUID id, String token) {}

  /**
   * Signs a new user up, waiting out the password hashers' 503s (their queue is bounded) for at
   * most {@link #BUSY_TIMEOUT}.
   */
  static Account signup(HttpClient http, URI baseUrl, String displayName) {
    var body =
        Map.of(
            "email",
            "bench-" + UUID.randomUUID() + "@example.com",
            "password",
            "benchmark password",
            "displayName",
            displayName);
    var uri = baseUrl.resolve("/api/auth/signup");
    long deadline = System.nanoTime() + BUSY_TIMEOUT.toNanos();
    var response = post(http, uri, null, body);
    while (response.statusCode() == BUSY) {
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "signing %s up: %s still answered %d (busy) after %s: %s"
                .formatted(displayName, uri, BUSY, BUSY_TIMEOUT, new String(response.body())));
      }
      pause();
      response = post(http, uri, null, body);
    }
    var signup = read(expect(response, 201));
    return new Account(
        UUID.fromString(signup.get("user").get("id").asString()),
        signup.get("accessToken").asString());
  }

  /** A POST that must answer 201. */
  static HttpResponse<byte[]> call(
      HttpClient http, URI uri, @Nullable String token, Map<String, String> body) {
    return expect(post(http, uri, token, body), 201);
  }

  static HttpResponse<byte[]> post(
      HttpClient http, URI uri, @Nullable String token, Map<String, String> body) {
    var request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(http, request.build());
  }

  static HttpResponse<byte[]> expect(HttpResponse<byte[]> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body()));
    }
    return response;
  }

  static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(HttpResponse<byte[]> response) {
    return Json.mapper().readTree(response.body());
  }

  private static void pause() {
    try {
      Thread.sleep(BUSY_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
