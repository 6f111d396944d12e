package io.ohkay.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker from the {@code kafka_2.13} artifact, KRaft combined mode (one node, broker
 * and controller), in a child JVM on 127.0.0.1. Everything lives under its data directory: {@code
 * data/} (the log directory, formatted once: a restart keeps every topic), {@code logs/} (the
 * broker's own logs, never our standard output) and {@code config/}.
 *
 * <p>The child never outlives this JVM: a shutdown hook stops it (after Spring's own hooks closed
 * the application's clients, see {@link ShutdownHooks}), and the child exits by itself when this
 * JVM dies without running hooks (see {@link ChildMain}).
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final List<String> BROKER_JVM =
      List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
  private static final List<String> TOOL_JVM =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final KafkaLayout layout;
  private final int port;
  private final ChildClasspath classpath;
  private final AtomicReference<@Nullable ChildJvm> broker = new AtomicReference<>();
  private final Object stopping = new Object();
  private final Thread shutdownHook;
  private volatile boolean closed;

  EmbeddedKafka(Path dataDir, int port, ChildClasspath classpath) {
    this.layout = new KafkaLayout(dataDir.toAbsolutePath());
    this.port = FreePort.orFree(port);
    this.classpath = classpath;
    this.shutdownHook = ShutdownHooks.addLast("ohkay-kafka-shutdown", this::stop);
  }

  /**
   * A broker kept under {@code dataDir}, not started yet.
   *
   * @param dataDir its directory, created if absent, kept as it is if present
   * @param port the client port on 127.0.0.1, 0 for a free one (then kept across restarts)
   * @return the broker; {@link #start()} it
   */
  public static EmbeddedKafka create(Path dataDir, int port) {
    return new EmbeddedKafka(dataDir, port, ChildClasspath.ofThisJvm());
  }

  /** {@code 127.0.0.1:<port>}, the same across restarts. */
  public String bootstrapServers() {
    return KafkaServerConfig.HOST + ":" + port;
  }

  /** The client port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The directory holding the broker's data, logs and configuration. */
  public Path dataDir() {
    return layout.root();
  }

  /** Whether the broker process is running. */
  public boolean isRunning() {
    ChildJvm child = broker.get();
    return child != null && child.isAlive();
  }

  /**
   * Starts the broker (formatting its log directory the first time) and returns once it serves
   * clients; does nothing if it is running. A stopped broker restarts on the same data directory.
   *
   * @throws IllegalStateException if it did not start; the message ends with its last log lines
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("This embedded Kafka broker was closed");
    }
    if (isRunning()) {
      return;
    }
    try {
      List<String> jvmLogging = layout.logging().writeAndGetJvmOptions();
      Path config = layout.writeServerProperties(port, FreePort.next());
      KafkaLogDirLock.awaitFree(layout.data(), Duration.ofSeconds(30));
      formatOnce(config, jvmLogging);
      launchBroker(config, jvmLogging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the Kafka directory " + dataDir(), e);
    } catch (InterruptedException e) {
      stop();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting Kafka", e);
    }
  }

  private void formatOnce(Path config, List<String> jvmLogging)
      throws IOException, InterruptedException {
    if (layout.isFormatted()) {
      return;
    }
    LogTail out = LogTail.mark(layout.stdout());
    List<String> args =
        List.of("format", "-t", layout.clusterId(), "-c", config.toString(), "--ignore-formatted");
    ChildJvm tool =
        ChildJvm.start(
            layout.child(
                "kafka-format", with(TOOL_JVM, jvmLogging), "kafka.tools.StorageTool", args),
            classpath);
    var exit = tool.awaitExit(FORMAT_TIMEOUT);
    if (exit.isEmpty() || exit.getAsInt() != 0) {
      tool.stop(Duration.ofSeconds(5));
      throw new IllegalStateException(
          "Formatting " + layout.data() + " failed (exit " + exit + ")" + out.describe(10, 30));
    }
  }

  private void launchBroker(Path config, List<String> jvmLogging) throws InterruptedException {
    long started = System.nanoTime();
    LogTail log = LogTail.mark(layout.logging().logFile());
    LogTail out = LogTail.mark(layout.stdout());
    List<String> args = List.of(config.toString());
    ChildJvm child =
        ChildJvm.start(
            layout.child("kafka", with(BROKER_JVM, jvmLogging), "kafka.Kafka", args), classpath);
    broker.set(child);
    try {
      KafkaReadiness.await(child, KafkaServerConfig.HOST, port, START_TIMEOUT);
    } catch (IllegalStateException e) {
      stop();
      String logs = log.describe(10, 30) + out.describe(10, 20);
      throw new IllegalStateException(
          "Kafka broker in " + dataDir() + " did not start: " + e.getMessage() + logs, e);
    }
    LOG.info(
        "Kafka broker (pid {}) serves {} after {} ms, data in {}",
        child.pid(),
        bootstrapServers(),
        (System.nanoTime() - started) / 1_000_000,
        dataDir());
  }

  private static List<String> with(List<String> jvm, List<String> more) {
    List<String> options = new ArrayList<>(jvm);
    options.addAll(more);
    return options;
  }

  /**
   * Stops the broker (it shuts down cleanly; killed after 30 s) and returns once it is gone; does
   * nothing if it is stopped.
   */
  public void stop() {
    synchronized (stopping) { // a second caller returns once the first one's stop completed
      ChildJvm child = broker.getAndSet(null);
      if (child != null && child.isAlive()) {
        long started = System.nanoTime();
        child.stop(STOP_GRACE);
        LOG.info(
            "Kafka broker (pid {}) stopped in {} ms",
            child.pid(),
            (System.nanoTime() - started) / 1_000_000);
      }
    }
  }

  /** Stops the broker for good; its data directory stays. */
  @Override
  public void close() {
    closed = true;
    stop();
    ShutdownHooks.remove(shutdownHook);
  }
}
