package io.ohkay.bench.load;

/**
 * Where a scenario's messages go: one post each, fired without waiting, answered in {@link Answers}
 * once the target has taken it (an HTTP 201, a committed Kafka transaction).
 */
public interface Poster extends AutoCloseable {

  /** Fires one post of {@code content}, number {@code seq} of its step, without waiting. */
  void post(String content, int seq, Answers answers);

  @Override
  void close();
}
