package io.ohkay.platform.embedded;

import io.ohkay.platform.infra.EmbeddedKafka;
import io.ohkay.platform.infra.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Before the application context exists, starts an embedded Kafka broker unless {@code
 * ohkay.kafka.bootstrap-servers} is set, and an embedded PostgreSQL unless {@code
 * ohkay.postgres.host} is set, both in parallel, with data under {@code ohkay.data-dir}. Their
 * coordinates become {@code ohkay.kafka.*} / {@code ohkay.postgres.*} properties. The children stop
 * at JVM exit (their own shutdown hooks), and never outlive the JVM.
 */
public final class EmbeddedServicesStarter
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedServicesStarter.class);

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    var env = event.getEnvironment();
    var dataDir = Path.of(env.getProperty("ohkay.data-dir", "data")).toAbsolutePath();
    // Threads made here inherit this thread's context class loader (the fat jar's); the common
    // pool's would not, and Kafka's clients load classes by name through it.
    try (var starters =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("ohkay-embedded-", 0).factory())) {
      start(env, dataDir, starters);
    }
  }

  private static void start(ConfigurableEnvironment env, Path dataDir, Executor starters) {
    var kafka =
        configured(env, "ohkay.kafka.bootstrap-servers")
            ? CompletableFuture.<EmbeddedKafka>completedFuture(null)
            : CompletableFuture.supplyAsync(() -> startKafka(env, dataDir), starters);
    var postgres =
        configured(env, "ohkay.postgres.host")
            ? CompletableFuture.<EmbeddedPostgresServer>completedFuture(null)
            : CompletableFuture.supplyAsync(() -> startPostgres(env, dataDir), starters);
    var properties = new HashMap<String, Object>();
    describe(kafka.join(), postgres.join(), properties);
    if (!properties.isEmpty()) {
      env.getPropertySources().addFirst(new MapPropertySource("ohkay-embedded", properties));
    }
  }

  private static EmbeddedKafka startKafka(ConfigurableEnvironment env, Path dataDir) {
    var port = env.getProperty("ohkay.embedded.kafka-port", Integer.class, 9092);
    log.info("Starting the embedded Kafka broker on 127.0.0.1:{} (data in {})", port, dataDir);
    var kafka = EmbeddedKafka.create(dataDir.resolve("kafka"), port);
    kafka.start();
    return kafka;
  }

  private static EmbeddedPostgresServer startPostgres(ConfigurableEnvironment env, Path dataDir) {
    var port = env.getProperty("ohkay.embedded.postgres-port", Integer.class, 15432);
    log.info("Starting the embedded PostgreSQL on 127.0.0.1:{} (data in {})", port, dataDir);
    return EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port);
  }

  private static void describe(
      EmbeddedKafka kafka, EmbeddedPostgresServer postgres, Map<String, Object> properties) {
    if (kafka != null) {
      properties.put("ohkay.kafka.bootstrap-servers", kafka.bootstrapServers());
    }
    if (postgres != null) {
      properties.put("ohkay.postgres.host", postgres.host());
      properties.put("ohkay.postgres.port", postgres.port());
      properties.put("ohkay.postgres.username", postgres.username());
      properties.put("ohkay.postgres.password", postgres.password());
    }
  }

  private static boolean configured(ConfigurableEnvironment env, String property) {
    var value = env.getProperty(property);
    return value != null && !value.isBlank();
  }
}
