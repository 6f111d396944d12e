package io.ohkay.command.decider;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The states a decider shell last read or wrote, decoded, for the aggregates it decided lately: a
 * busy aggregate (a channel being posted to, in a server of a thousand members) is decoded once,
 * not once per command. An entry serves only while the store still holds the very bytes it was made
 * from, so a store restored from its changelog, or rolled back with an aborted transaction, is
 * decoded again. States are immutable records, so sharing them between commands is safe.
 */
final class DecodedStates<S> {

  /** Aggregates kept, the most recently used: a server's state is tens of kilobytes at most. */
  private static final int CAPACITY = 256;

  private record Decoded<S>(byte[] bytes, Stored<S> stored) {}

  private final Map<String, Decoded<S>> entries =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decoded<S>> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The state decoded from {@code bytes}, if these are the bytes last seen under {@code key}. */
  @Nullable Stored<S> of(String key, byte[] bytes) {
    var entry = entries.get(key);
    return entry != null && Arrays.equals(entry.bytes(), bytes) ? entry.stored() : null;
  }

  /** Remembers that {@code bytes}, stored under {@code key}, decode to {@code stored}. */
  void remember(String key, byte[] bytes, Stored<S> stored) {
    entries.put(key, new Decoded<>(bytes, stored));
  }
}
