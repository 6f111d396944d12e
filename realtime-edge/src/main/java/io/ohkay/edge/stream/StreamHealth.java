package io.ohkay.edge.stream;

import io.ohkay.edge.kafka.EventFeed;
import io.ohkay.edge.kafka.RevocationFeed;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code edge} health: UP while the feed's consumer runs and reads partitions and the
 * revocations are loaded, OUT_OF_SERVICE while it waits for the topics to exist or the revocations
 * (requests are refused meanwhile), DOWN when a consumer stopped.
 */
final class StreamHealth implements HealthIndicator {

  private final EventFeed feed;
  private final StreamHub hub;
  private final RevocationFeed revocations;

  StreamHealth(EventFeed feed, StreamHub hub, RevocationFeed revocations) {
    this.feed = feed;
    this.hub = hub;
    this.revocations = revocations;
  }

  @Override
  public Health health() {
    var running = feed.isRunning() && revocations.isRunning();
    var partitions = feed.assignedPartitions();
    var loaded = revocations.loaded();
    var builder =
        !running ? Health.down() : partitions == 0 || !loaded ? Health.outOfService() : Health.up();
    return builder
        .withDetail("consumerRunning", running)
        .withDetail("assignedPartitions", partitions)
        .withDetail("revocationsLoaded", loaded)
        .withDetail("connections", hub.connections())
        .build();
  }
}
