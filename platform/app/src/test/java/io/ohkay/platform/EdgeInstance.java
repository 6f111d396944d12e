package io.ohkay.platform;

import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Another realtime edge instance of a platform under test: a Spring context of its own holding the
 * edge alone (no command API, decider or projector), on its own random port, serving the same
 * namespace: the same topics, databases and key files (the platform's data directory), so the
 * platform's tokens verify here and its cursors resume here. Its memory starts empty.
 */
final class EdgeInstance implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(60);

  /** The edge as a service of its own, with the platform's auto-configuration exclusions. */
  @SpringBootConfiguration
  @EnableAutoConfiguration(
      excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
      })
  @Import(EdgeConfiguration.class)
  static class EdgeOnly {}

  private final ConfigurableApplicationContext context;
  private final int port;

  private EdgeInstance(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /**
   * Starts an edge on namespace {@code namespace} whose key files are in {@code dataDir}, keeping
   * {@code resumeMemoryRecords} events in memory; returns once its health is up.
   */
  static EdgeInstance start(String namespace, String dataDir, int resumeMemoryRecords) {
    var settings = PlatformTestSupport.settings(namespace, dataDir);
    settings.put("ohkay.edge.resume-memory-records", resumeMemoryRecords);
    var args = new ArrayList<String>();
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    var edge =
        new EdgeInstance(
            new SpringApplicationBuilder(EdgeOnly.class).run(args.toArray(String[]::new)));
    try {
      edge.awaitHealthy();
    } catch (RuntimeException | Error e) {
      edge.close();
      throw e;
    }
    return edge;
  }

  int port() {
    return port;
  }

  /** Waits until the edge's health (its feed reads partitions, revocations loaded) is up. */
  void awaitHealthy() {
    awaitUp(port, "/actuator/health");
  }

  /** Waits until {@code GET path} on {@code port} answers 200. */
  static void awaitUp(int port, String path) {
    var http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    await()
        .atMost(START)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  @Override
  public void close() {
    context.close();
  }
}
