package io.ohkay.command;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The decider is up while its Kafka Streams client runs; while it (re)balances partitions it
 * decides nothing, so it is out of service.
 */
final class DeciderHealth implements HealthIndicator {

  private final DeciderStreams streams;

  DeciderHealth(DeciderStreams streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    var state = streams.state();
    var builder =
        switch (state) {
          case RUNNING -> Health.up();
          case CREATED, REBALANCING -> Health.outOfService();
          default -> Health.down();
        };
    return builder.withDetail("state", state.name()).build();
  }
}
