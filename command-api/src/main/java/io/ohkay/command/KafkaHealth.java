package io.ohkay.command;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Kafka is up when the cluster answers a describe within two seconds. */
final class KafkaHealth implements HealthIndicator {

  private final Admin admin;

  KafkaHealth(Admin admin) {
    this.admin = admin;
  }

  @Override
  public Health health() {
    try {
      var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
      var nodes = cluster.nodes().get(2, TimeUnit.SECONDS);
      return Health.up()
          .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS))
          .withDetail("brokers", nodes.size())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("error", "interrupted").build();
    } catch (Exception e) {
      return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
    }
  }
}
