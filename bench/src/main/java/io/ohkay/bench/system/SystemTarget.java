package io.ohkay.bench.system;

import io.ohkay.bench.target.Target;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The Ohkay platform as a benchmark target: the {@link SystemPlatform} with one signed-up user who
 * owns one server; messages go to its {@code general} channel.
 */
public final class SystemTarget implements Target {

  private final SystemPlatform platform;
  private final String bearerToken;
  private final String postPath;

  private SystemTarget(SystemPlatform platform, String bearerToken, String postPath) {
    this.platform = platform;
    this.bearerToken = bearerToken;
    this.postPath = postPath;
  }

  /** Starts the platform on {@code infrastructure} and prepares the user and server to measure. */
  public static SystemTarget start(EmbeddedInfrastructure infrastructure) {
    var platform = SystemPlatform.start(infrastructure);
    try {
      return prepare(platform);
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
  }

  private static SystemTarget prepare(SystemPlatform platform) {
    var baseUrl = platform.baseUrl();
    var http = HttpClient.newHttpClient();
    var signup =
        call(
            http,
            baseUrl.resolve("/api/auth/signup"),
            null,
            Map.of(
                "email", "bench-" + UUID.randomUUID() + "@example.com",
                "password", "benchmark password",
                "displayName", "Bench"));
    var token = signup.get("accessToken").asString();
    var server = call(http, baseUrl.resolve("/api/servers"), token, Map.of("name", "Bench"));
    var channel = server.get("channels").get(0).get("id").asString();
    var postPath =
        "/api/servers/%s/channels/%s/messages".formatted(server.get("id").asString(), channel);
    return new SystemTarget(platform, token, postPath);
  }

  private static JsonNode call(HttpClient http, URI uri, String token, Map<String, String> body) {
    var request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            uri + " answered " + response.statusCode() + ": " + new String(response.body()));
      }
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public URI baseUrl() {
    return platform.baseUrl();
  }

  @Override
  public String bearerToken() {
    return bearerToken;
  }

  @Override
  public String postPath() {
    return postPath;
  }

  @Override
  public String streamPath() {
    return "/api/stream";
  }

  @Override
  public void close() {
    platform.close();
  }
}
