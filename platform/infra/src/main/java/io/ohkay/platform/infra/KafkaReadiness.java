package io.ohkay.platform.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;

/**
 * Waits until the broker serves clients: its port accepts connections, {@code describeCluster}
 * names a node, and a topic could be created (validate-only: the broker is unfenced).
 */
final class KafkaReadiness {

  private static final Duration PACE = Duration.ofMillis(200);
  private static final int CALL_TIMEOUT_MS = 5_000;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private final ChildJvm broker;
  private final String host;
  private final int port;
  private final long deadline;
  private String lastFailure = "no answer yet";

  private KafkaReadiness(ChildJvm broker, String host, int port, Duration timeout) {
    this.broker = broker;
    this.host = host;
    this.port = port;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  /**
   * Returns once ready; throws {@link IllegalStateException} if the broker died or took too long.
   */
  static void await(ChildJvm broker, String host, int port, Duration timeout)
      throws InterruptedException {
    KafkaReadiness readiness = new KafkaReadiness(broker, host, port, timeout);
    readiness.awaitPort();
    readiness.awaitServing();
  }

  private void awaitPort() throws InterruptedException {
    while (!accepts()) {
      pace("its port " + port + " never accepted connections");
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitServing() throws InterruptedException {
    Admin admin = Admin.create(adminConfig());
    try {
      while (!serving(admin)) {
        pace("it never answered an admin client: " + lastFailure);
      }
    } finally {
      // Bounded: a close without timeout waits for calls to a broker that may be gone.
      admin.close(CLOSE_TIMEOUT);
    }
  }

  private boolean serving(Admin admin) throws InterruptedException {
    try {
      Collection<Node> nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(CALL_TIMEOUT_MS))
              .nodes()
              .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        lastFailure = "describeCluster named no node";
        return false;
      }
      admin
          .createTopics(
              List.of(new NewTopic("ohkay-readiness-probe", 1, (short) 1)),
              new CreateTopicsOptions().validateOnly(true).timeoutMs(CALL_TIMEOUT_MS))
          .all()
          .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      lastFailure = e.toString();
      return false;
    }
  }

  private Map<String, Object> adminConfig() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        host + ":" + port,
        AdminClientConfig.CLIENT_ID_CONFIG,
        "ohkay-embedded-kafka-readiness",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        CALL_TIMEOUT_MS,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        CALL_TIMEOUT_MS);
  }

  /** Waits a little, failing if the broker exited or the deadline passed. */
  private void pace(String failure) throws InterruptedException {
    var exit = broker.awaitExit(PACE);
    if (exit.isPresent()) {
      throw new IllegalStateException("The broker exited with status " + exit.getAsInt());
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("The broker did not become ready in time: " + failure);
    }
  }
}
