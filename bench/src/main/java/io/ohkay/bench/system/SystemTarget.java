package io.ohkay.bench.system;

import io.ohkay.bench.target.Target;
import io.ohkay.platform.PlatformApplication;
import io.ohkay.platform.infra.EmbeddedInfrastructure;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The Ohkay platform as a benchmark target: the real application context (decider, projector, edge)
 * started in-process on the bench's embedded Kafka and PostgreSQL, in a namespace of its own, with
 * one signed-up user who owns one server; messages go to its {@code general} channel.
 */
public final class SystemTarget implements Target {

  private final ConfigurableApplicationContext context;
  private final URI baseUrl;
  private final String bearerToken;
  private final String postPath;

  private SystemTarget(
      ConfigurableApplicationContext context, URI baseUrl, String bearerToken, String postPath) {
    this.context = context;
    this.baseUrl = baseUrl;
    this.bearerToken = bearerToken;
    this.postPath = postPath;
  }

  /** Starts the platform on {@code infrastructure} and prepares the user and server to measure. */
  public static SystemTarget start(EmbeddedInfrastructure infrastructure) {
    var context = startPlatform(infrastructure);
    var baseUrl =
        URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
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
    return new SystemTarget(context, baseUrl, token, postPath);
  }

  private static ConfigurableApplicationContext startPlatform(EmbeddedInfrastructure infra) {
    var namespace = SharedInfrastructure.uniqueName("bench");
    try {
      var dataDir = Files.createTempDirectory("ohkay-bench-system");
      var postgres = infra.postgres();
      return new SpringApplication(PlatformApplication.class)
          .run(
              "--server.port=0",
              "--ohkay.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
              "--ohkay.postgres.host=" + postgres.host(),
              "--ohkay.postgres.port=" + postgres.port(),
              "--ohkay.postgres.username=" + postgres.username(),
              "--ohkay.postgres.password=" + postgres.password(),
              "--ohkay.topic-prefix=" + namespace + ".",
              "--ohkay.database-prefix=" + namespace + "_",
              "--ohkay.data-dir=" + dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    return baseUrl;
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
    context.close();
  }
}
