package io.ohkay.command.decider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The states a decider shell last read or wrote, decoded, for the aggregates it decided lately: a
 * busy aggregate (a channel being posted to, in a server of a thousand members) is decoded once,
 * not once per command. An entry serves only while the store still holds the very bytes it was made
 * from, so a store restored from its changelog, or rolled back with an aborted transaction, is
 * decoded again. States are immutable records, so sharing them between commands is safe.
 */
final class DecodedStates<S> {

  /**
   * The stored bytes kept, at most (the decoded objects take a few times as much): a server's state
   * is tens of kilobytes, so hundreds of busy aggregates fit.
   */
  private static final long MAX_BYTES = 16L * 1024 * 1024;

  private record Decoded<S>(byte[] bytes, Stored<S> stored) {}

  private final Cache<String, Decoded<S>> entries =
      Caffeine.newBuilder()
          .maximumWeight(MAX_BYTES)
          .weigher((String key, Decoded<S> decoded) -> decoded.bytes().length)
          .build();

  /** The state decoded from {@code bytes}, if these are the bytes last seen under {@code key}. */
  @Nullable Stored<S> of(String key, byte[] bytes) {
    var entry = entries.getIfPresent(key);
    return entry != null && Arrays.equals(entry.bytes(), bytes) ? entry.stored() : null;
  }

  /** Remembers that {@code bytes}, stored under {@code key}, decode to {@code stored}. */
  void remember(String key, byte[] bytes, Stored<S> stored) {
    entries.put(key, new Decoded<>(bytes, stored));
  }
}
