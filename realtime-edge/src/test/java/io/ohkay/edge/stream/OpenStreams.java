package io.ohkay.edge.stream;

import static org.awaitility.Awaitility.await;

import io.ohkay.edge.SseConnection;
import io.ohkay.edge.SseConnection.SseEvent;
import io.ohkay.schemas.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SSE connections one test opens: each connected one is ready; registered as an extension of
 * the test class, it closes them all after each test.
 */
final class OpenStreams implements AfterEachCallback {

  /** How long a test waits for anything on a stream. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final List<SseConnection> connections = new ArrayList<>();

  /** Opens a reading connection and waits for its {@code ready} event. */
  SseConnection connect(int port, String token) {
    var stream = add(SseConnection.reading(port, token));
    await().atMost(WAIT).until(() -> !stream.events("ready").isEmpty());
    return stream;
  }

  /** Closes {@code stream} with the others after the test. */
  SseConnection add(SseConnection stream) {
    connections.add(stream);
    return stream;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    connections.forEach(SseConnection::close);
    connections.clear();
  }

  /** Waits until {@code stream} received {@code event} as a {@code message.posted.v1}. */
  static SseEvent awaitPosted(SseConnection stream, Event event) {
    return awaitEvent(stream, "message.posted.v1", event);
  }

  /** Waits until {@code stream} received {@code event} as an SSE event named {@code name}. */
  static SseEvent awaitEvent(SseConnection stream, String name, Event event) {
    var id = event.eventId().toString();
    await()
        .atMost(WAIT)
        .until(() -> stream.events(name).stream().anyMatch(e -> e.data().contains(id)));
    return stream.events(name).stream()
        .filter(e -> e.data().contains(id))
        .findFirst()
        .orElseThrow();
  }
}
