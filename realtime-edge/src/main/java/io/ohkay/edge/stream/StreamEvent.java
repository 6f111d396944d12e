package io.ohkay.edge.stream;

import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;

/**
 * One event of the live stream as every connection given it receives it: its cursor ({@code id},
 * null for the ephemeral events that never move a cursor), its name and its data (JSON). Its
 * encodings are computed at most once, the first time a connection needs them, and shared by every
 * other connection: a message to a channel with 1,000 connections is encoded once per protocol, not
 * 1,000 times; each connection only wraps the shared bytes.
 *
 * <ul>
 *   <li>{@link #sse()}: the SSE bytes, {@code id:} (when it has one), {@code event:}, a {@code
 *       data:} line per line of data, then a blank line;
 *   <li>{@link #frame()}: the WebSocket text frame, {@code
 *       {"event":"<name>","cursor":"<id>","data":<data>}} with the data embedded as JSON and no
 *       {@code cursor} when it has no id.
 * </ul>
 */
final class StreamEvent {

  private static final Pattern LINES = Pattern.compile("\r\n|\r|\n");

  private final @Nullable String id;
  private final String name;
  private final String data;
  private final SingletonSupplier<byte[]> sse = SingletonSupplier.of(() -> utf8(encodeSse()));
  private final SingletonSupplier<byte[]> frame = SingletonSupplier.of(() -> utf8(encodeFrame()));

  /**
   * @param id the cursor just after the event; null for an ephemeral event
   * @param name the event's name ({@code message.posted.v1}, {@code ready}, {@code typing}…)
   * @param data its data, one JSON value
   */
  StreamEvent(@Nullable String id, String name, String data) {
    this.id = id;
    this.name = name;
    this.data = data;
  }

  /**
   * An event that moves no cursor ({@code presence}, {@code typing}, a WebSocket {@code error}).
   */
  static StreamEvent ephemeral(String name, String data) {
    return new StreamEvent(null, name, data);
  }

  /** The cursor just after the event; null for an ephemeral one. */
  @Nullable String id() {
    return id;
  }

  String name() {
    return name;
  }

  String data() {
    return data;
  }

  /** The SSE encoding, computed once; never modify the array. */
  byte[] sse() {
    return sse.obtain();
  }

  /** The WebSocket text frame's UTF-8 payload, computed once; never modify the array. */
  byte[] frame() {
    return frame.obtain();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String encodeSse() {
    var text = new StringBuilder(data.length() + 128);
    if (id != null) {
      // A cursor the client sent (echoed when nothing was given since) must not break the lines.
      text.append("id:").append(oneLine(id) ? id : LINES.matcher(id).replaceAll("")).append('\n');
    }
    text.append("event:").append(name).append('\n');
    if (oneLine(data)) {
      // JSON as Jackson writes it has no line breaks: the regex split was half a replay's CPU.
      text.append("data:").append(data).append('\n');
    } else {
      for (var line : LINES.split(data, -1)) {
        text.append("data:").append(line).append('\n');
      }
    }
    return text.append('\n').toString();
  }

  private static boolean oneLine(String text) {
    return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
  }

  private String encodeFrame() {
    var mapper = Json.mapper();
    var text = new StringBuilder(data.length() + 128);
    text.append("{\"event\":").append(mapper.writeValueAsString(name));
    if (id != null) {
      text.append(",\"cursor\":").append(mapper.writeValueAsString(id));
    }
    return text.append(",\"data\":").append(data).append('}').toString();
  }

  @Override
  public String toString() {
    return (id == null ? "" : id + " ") + name + " " + data;
  }
}
