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
 * What recently decided commands yielded, so a retried command (same id, e.g. from an {@code
 * Idempotency-Key}) yields it again: its first outcome, or the follow-up commands it was forwarded
 * as. Entries older than {@link #RETENTION} are purged. Values are the decision time (8 bytes,
 * epoch millis) followed by the JSON.
 */
final class ProcessedCommands {

  static final Duration RETENTION = Duration.ofHours(24);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
  private static final String FORWARDED = "forwarded:";

  private final KeyValueStore<String, byte[]> store;

  ProcessedCommands(ProcessorContext<?, ?> context, String storeName) {
    this.store = context.getStateStore(storeName);
    context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::purgeOlderThan);
  }

  byte @Nullable [] outcomeOf(CommandId commandId) {
    return read(commandId.toString());
  }

  /** The follow-up records (JSON) a forwarded command was sent on as, or null. */
  byte @Nullable [] forwardsOf(CommandId commandId) {
    return read(FORWARDED + commandId);
  }

  void remember(CommandId commandId, byte[] outcome, long decidedAtMillis) {
    write(commandId.toString(), outcome, decidedAtMillis);
  }

  void rememberForwards(CommandId commandId, byte[] followUps, long decidedAtMillis) {
    write(FORWARDED + commandId, followUps, decidedAtMillis);
  }

  private byte @Nullable [] read(String key) {
    var value = store.get(key);
    return value == null ? null : Arrays.copyOfRange(value, Long.BYTES, value.length);
  }

  private void write(String key, byte[] json, long decidedAtMillis) {
    var value = ByteBuffer.allocate(Long.BYTES + json.length);
    value.putLong(decidedAtMillis).put(json);
    store.put(key, value.array());
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
