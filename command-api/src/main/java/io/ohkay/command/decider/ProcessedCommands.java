package io.ohkay.command.decider;

import io.ohkay.schemas.id.CommandId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The outcomes of recently decided commands, so a retried command (same id, e.g. from an {@code
 * Idempotency-Key}) yields its first outcome. Entries older than {@link #RETENTION} are purged.
 * Values are the decision time (8 bytes, epoch millis) followed by the outcome JSON.
 */
final class ProcessedCommands {

  static final Duration RETENTION = Duration.ofHours(24);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final KeyValueStore<String, byte[]> store;

  ProcessedCommands(ProcessorContext<?, ?> context, String storeName) {
    this.store = context.getStateStore(storeName);
    context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::purgeOlderThan);
  }

  byte @Nullable [] outcomeOf(CommandId commandId) {
    var value = store.get(commandId.toString());
    return value == null ? null : Arrays.copyOfRange(value, Long.BYTES, value.length);
  }

  void remember(CommandId commandId, byte[] outcome, long decidedAtMillis) {
    var value = ByteBuffer.allocate(Long.BYTES + outcome.length);
    value.putLong(decidedAtMillis).put(outcome);
    store.put(commandId.toString(), value.array());
  }

  private void purgeOlderThan(long nowMillis) {
    var cutoff = nowMillis - RETENTION.toMillis();
    var expired = new ArrayList<String>();
    try (var all = store.all()) {
      all.forEachRemaining(
          entry -> {
            if (ByteBuffer.wrap(entry.value).getLong() < cutoff) {
              expired.add(entry.key);
            }
          });
    }
    expired.forEach(store::delete);
  }
}
