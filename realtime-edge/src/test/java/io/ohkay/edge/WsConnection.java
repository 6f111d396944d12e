package io.ohkay.edge;

import io.ohkay.schemas.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A WebSocket client of {@code GET /api/ws} (the JDK's): collects every text frame as JSON, counts
 * the server's pings (answered with pongs by the JDK) and records the close code.
 */
public final class WsConnection implements AutoCloseable {

  /** One received frame: {@code {"event","cursor"?,"data"}}. */
  public record WsFrame(String event, @Nullable String cursor, JsonNode data, String text) {}

  private static final Set<String> EPHEMERAL = Set.of("presence", "typing");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final List<WsFrame> frames = new CopyOnWriteArrayList<>();
  private final AtomicInteger pings = new AtomicInteger();
  private final StringBuilder partial = new StringBuilder();
  private volatile int closeCode = -1;
  private volatile boolean stalled;
  private volatile @Nullable WebSocket socket;

  private WsConnection() {}

  /** Opens {@code /api/ws} + {@code query} with a Bearer {@code token} (none when null). */
  public static WsConnection open(int port, @Nullable String token, String query) {
    var connection = new WsConnection();
    var builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    try {
      connection.socket =
          builder
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + port + "/api/ws" + query),
                  connection.new Listener())
              .get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("handshake failed", e);
    }
    return connection;
  }

  /**
   * Stops reading after the next frame: the server's writes back up, as with a client that does not
   * keep up.
   */
  public void stall() {
    stalled = true;
  }

  /** Reads again after {@link #stall()}. */
  public void resume() {
    stalled = false;
    requireSocket().request(1);
  }

  /** Sends one text frame. */
  public void send(String text) {
    requireSocket().sendText(text, true).join();
  }

  /** The frames received so far but the ephemeral ones ({@code presence}, {@code typing}). */
  public List<WsFrame> frames() {
    return frames.stream().filter(frame -> !EPHEMERAL.contains(frame.event())).toList();
  }

  /** The frames named {@code event}. */
  public List<WsFrame> frames(String event) {
    return frames.stream().filter(frame -> frame.event().equals(event)).toList();
  }

  /** Every frame received, ephemeral ones too. */
  public List<WsFrame> allFrames() {
    return List.copyOf(frames);
  }

  public int pings() {
    return pings.get();
  }

  /** The code the server closed with; -1 while open. */
  public int closeCode() {
    return closeCode;
  }

  @Override
  public void close() {
    var current = socket;
    if (current != null) {
      current.abort();
    }
  }

  private WebSocket requireSocket() {
    var current = socket;
    if (current == null) {
      throw new IllegalStateException("not open");
    }
    return current;
  }

  private final class Listener implements WebSocket.Listener {

    @Override
    public @Nullable CompletionStage<?> onText(
        WebSocket webSocket, CharSequence data, boolean last) {
      synchronized (partial) {
        partial.append(data);
        if (last) {
          var text = partial.toString();
          partial.setLength(0);
          var json = Json.mapper().readTree(text);
          var cursor = json.get("cursor");
          frames.add(
              new WsFrame(
                  json.get("event").stringValue(),
                  cursor == null ? null : cursor.stringValue(),
                  json.get("data"),
                  text));
        }
      }
      if (!stalled) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      pings.incrementAndGet();
      if (!stalled) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(
        WebSocket webSocket, int statusCode, String reason) {
      closeCode = statusCode;
      return null;
    }
  }
}
