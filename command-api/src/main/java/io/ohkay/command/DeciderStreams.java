package io.ohkay.command;

import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The running decider. On close it leaves its consumer group, so the next instance takes its
 * partitions at once instead of waiting out the session timeout.
 */
final class DeciderStreams implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

  private final KafkaStreams streams;

  DeciderStreams(KafkaStreams streams) {
    this.streams = streams;
  }

  KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
  }
}
