package io.ohkay.platform.infra;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The embedded Kafka broker and PostgreSQL server under one data directory ({@code kafka/} and
 * {@code postgres/}), started in parallel and stopped together.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

  private final Path dataDir;
  private final EmbeddedKafka kafka;
  private final EmbeddedPostgresServer postgres;
  private final boolean shared;

  private EmbeddedInfrastructure(
      Path dataDir, EmbeddedKafka kafka, EmbeddedPostgresServer postgres, boolean shared) {
    this.dataDir = dataDir;
    this.kafka = kafka;
    this.postgres = postgres;
    this.shared = shared;
  }

  /**
   * Starts both servers in parallel and returns once both serve.
   *
   * @param dataDir the directory of both, kept between runs
   * @param kafkaPort the Kafka client port on 127.0.0.1, 0 for a free one
   * @param postgresPort the PostgreSQL port on 127.0.0.1, 0 for a free one
   * @return the running infrastructure; close it to stop both
   * @throws IllegalStateException if either did not start (the other one is stopped again)
   */
  public static EmbeddedInfrastructure start(Path dataDir, int kafkaPort, int postgresPort) {
    return start(dataDir, kafkaPort, postgresPort, PostgresSettings.DURABLE, false);
  }

  static EmbeddedInfrastructure start(
      Path dataDir, int kafkaPort, int postgresPort, PostgresSettings settings, boolean shared) {
    Path dir = dataDir.toAbsolutePath();
    try (ExecutorService starter =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("ohkay-infra-start-", 0).factory())) {
      CompletableFuture<EmbeddedKafka> kafka =
          CompletableFuture.supplyAsync(() -> startKafka(dir, kafkaPort), starter);
      CompletableFuture<EmbeddedPostgresServer> postgres =
          CompletableFuture.supplyAsync(
              () -> EmbeddedPostgresServer.start(dir.resolve("postgres"), postgresPort, settings),
              starter);
      @Nullable RuntimeException failure = failure(null, kafka);
      failure = failure(failure, postgres);
      if (failure != null) {
        kafka.thenAccept(EmbeddedKafka::close);
        postgres.thenAccept(EmbeddedPostgresServer::close);
        throw failure;
      }
      return new EmbeddedInfrastructure(dir, kafka.join(), postgres.join(), shared);
    }
  }

  private static EmbeddedKafka startKafka(Path dir, int port) {
    EmbeddedKafka kafka = EmbeddedKafka.create(dir.resolve("kafka"), port);
    try {
      kafka.start();
      return kafka;
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  /** Waits for the start and adds its failure, if any, to the ones seen so far. */
  private static @Nullable RuntimeException failure(
      @Nullable RuntimeException seen, CompletableFuture<?> start) {
    try {
      start.join();
      return seen;
    } catch (CompletionException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
      if (seen == null) {
        return cause;
      }
      seen.addSuppressed(cause);
      return seen;
    }
  }

  /** The Kafka broker. */
  public EmbeddedKafka kafka() {
    return kafka;
  }

  /** The PostgreSQL server. */
  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  /** The directory holding both. */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops both, in parallel; the data stays. Does nothing on the {@link SharedInfrastructure}. */
  @Override
  public void close() {
    if (!shared) {
      stop();
    }
  }

  void stop() {
    CompletableFuture<Void> kafkaStopped =
        CompletableFuture.runAsync(
            kafka::close, task -> Thread.ofPlatform().name("ohkay-kafka-stop").start(task));
    postgres.close();
    kafkaStopped.join();
  }
}
