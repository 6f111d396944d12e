package io.ohkay.edge;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A bare SSE client on a plain socket, so a test controls exactly when bytes are read: a reading
 * connection collects events on its own thread; a stalled one reads nothing until told to, and its
 * small receive buffer makes the server's writes back up quickly.
 */
public final class SseConnection implements AutoCloseable {

  /** One received event; {@code event} is "message" when the server named none. */
  public record SseEvent(@Nullable String id, String event, String data) {}

  private static final Set<String> EPHEMERAL = Set.of("presence", "typing");

  private final Socket socket;
  private final InputStream in;
  private final int status;
  private final Map<String, String> headers;
  private final List<SseEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private volatile boolean ended;
  private @Nullable Thread reader;
  private @Nullable InputStream body;

  private SseConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    var statusLine = readLine(in);
    this.status = Integer.parseInt(statusLine.split(" ")[1]);
    this.headers = readHeaders(in);
  }

  /** Connects and reads the response head; a {@code receiveBuffer} > 0 shrinks SO_RCVBUF. */
  public static SseConnection open(int port, String token, int receiveBuffer) {
    return open(port, token, receiveBuffer, "");
  }

  /** Opens a reading connection resuming from {@code lastEventId}, as a reconnecting browser. */
  public static SseConnection resuming(int port, String token, String lastEventId) {
    var connection = open(port, token, 0, "Last-Event-ID: " + lastEventId + "\r\n");
    connection.startReading();
    return connection;
  }

  private static SseConnection open(int port, String token, int receiveBuffer, String headers) {
    try {
      var socket = new Socket();
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      var request =
          "GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
              + token
              + "\r\n"
              + headers
              + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new SseConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a connection that reads continuously. */
  public static SseConnection reading(int port, String token) {
    var connection = open(port, token, 0);
    connection.startReading();
    return connection;
  }

  public int status() {
    return status;
  }

  /** A response header, by lower-case name. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** Starts collecting events on a reader thread. */
  public synchronized void startReading() {
    if (reader == null) {
      reader = new Thread(this::readEvents, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }
  }

  /**
   * The events received so far but the ephemeral ones ({@code presence}, {@code typing}: they come
   * whenever someone's status changes or they type, so they are read with {@link #events(String)}).
   */
  public List<SseEvent> events() {
    return events.stream().filter(e -> !EPHEMERAL.contains(e.event())).toList();
  }

  /** The events named {@code name}. */
  public List<SseEvent> events(String name) {
    return events.stream().filter(e -> e.event().equals(name)).toList();
  }

  public List<String> comments() {
    return List.copyOf(comments);
  }

  /** Whether the server ended the response. */
  public boolean ended() {
    return ended;
  }

  /**
   * Reads on the calling thread until an event named {@code name} arrives (collecting every event
   * on the way), then stops reading; {@link #startReading()} may go on from there.
   */
  public SseEvent readUntil(String name, Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      while (true) {
        var event = readNext();
        if (event == null) {
          throw new IllegalStateException("stream ended before " + name + ": " + events);
        }
        if (event.event().equals(name)) {
          return event;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        socket.setSoTimeout(0);
      } catch (IOException e) {
        // the socket is gone; the next read says so
      }
    }
  }

  private void readEvents() {
    try {
      while (readNext() != null) {
        // collected
      }
    } catch (IOException e) {
      // The socket was closed.
    } finally {
      ended = true;
    }
  }

  /** The next event (comments collected on the way); null at the end of the stream. */
  private @Nullable SseEvent readNext() throws IOException {
    var lines = new ArrayList<String>();
    String line;
    while ((line = readLineOrNull(body())) != null) {
      if (!line.isEmpty()) {
        lines.add(line);
        continue;
      }
      var event = dispatch(lines);
      lines.clear();
      if (event != null) {
        return event;
      }
    }
    return null;
  }

  private InputStream body() {
    if (body == null) {
      var chunked = "chunked".equalsIgnoreCase(header("transfer-encoding"));
      body = chunked ? new ChunkedInputStream(in) : in;
    }
    return body;
  }

  private @Nullable SseEvent dispatch(List<String> lines) {
    String id = null;
    String event = "message";
    var data = new StringBuilder();
    boolean any = false;
    for (var line : lines) {
      if (line.startsWith(":")) {
        comments.add(line.substring(1));
        continue;
      }
      var colon = line.indexOf(':');
      var field = colon < 0 ? line : line.substring(0, colon);
      var value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value;
        case "event" -> event = value;
        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
        default -> {}
      }
      any = true;
    }
    if (!any) {
      return null;
    }
    var received = new SseEvent(id, event, data.toString());
    events.add(received);
    return received;
  }

  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    var headers = new HashMap<String, String>();
    String line;
    while (!(line = readLine(in)).isEmpty()) {
      var colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return headers;
  }

  private static String readLine(InputStream in) throws IOException {
    var line = readLineOrNull(in);
    if (line == null) {
      throw new IOException("connection closed");
    }
    return line;
  }

  private static @Nullable String readLineOrNull(InputStream in) throws IOException {
    var bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        var text = bytes.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      bytes.write(b);
    }
    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** Decodes an HTTP/1.1 chunked body. */
  private static final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private int remaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (done) {
        return -1;
      }
      if (remaining == 0) {
        var size = readLine(in);
        var semicolon = size.indexOf(';');
        remaining =
            Integer.parseInt(semicolon < 0 ? size.trim() : size.substring(0, semicolon), 16);
        if (remaining == 0) {
          done = true;
          return -1;
        }
      }
      var b = in.read();
      if (b == -1) {
        done = true;
        return -1;
      }
      if (--remaining == 0) {
        readLine(in);
      }
      return b;
    }
  }
}
