package io.ohkay.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code GET /api/stream} connection on a plain socket, so a test decides the exact byte at
 * which it is cut. An event counts once its closing blank line has arrived, as in a browser's
 * {@code EventSource}; a cut in the middle of one loses it, and the client resumes from the id of
 * the last complete one.
 */
final class SseSocket implements AutoCloseable {

  /** A complete event; {@code name} is {@code message} when the server named none. */
  record Event(@Nullable String id, String name, String data) {}

  /** Why {@link #next} returned no event. */
  enum End {
    /** The server ended the response (or the connection broke). */
    CLOSED,
    /** The byte budget was spent. */
    BYTES,
    /** The deadline passed. */
    TIME
  }

  /** Where the chunked body is: a size line, its data, or the line end after the data. */
  private enum Chunk {
    SIZE,
    DATA,
    AFTER_DATA
  }

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final Socket socket;
  private final InputStream raw;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private long deadline;
  private final int status;
  private final Map<String, String> headers;
  private final boolean chunked;
  private int chunkLeft;
  private Chunk chunkState = Chunk.SIZE;
  private final StringBuilder chunkSize = new StringBuilder();
  private boolean bodyDone;
  private long bodyBytes;
  private @Nullable End end;
  // The event being read: a call that returns at its deadline keeps it for the next call.
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private @Nullable String id;
  private String name = "message";
  private final StringBuilder data = new StringBuilder();
  private boolean any;

  private SseSocket(Socket socket, long headDeadline) throws IOException {
    this.socket = socket;
    this.raw = socket.getInputStream();
    this.deadline = headDeadline;
    var statusLine = rawLine();
    this.status = Integer.parseInt(statusLine.split(" ")[1]);
    this.headers = new HashMap<>();
    for (var header = rawLine(); !header.isEmpty(); header = rawLine()) {
      var colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    this.chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
  }

  /**
   * Connects and sends the request, resuming from {@code lastEventId} when not null; returns once
   * the response head is read.
   */
  static SseSocket open(int port, String bearer, @Nullable String lastEventId) throws IOException {
    var socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
      var request =
          new StringBuilder("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:")
              .append(port)
              .append("\r\nAccept: text/event-stream\r\nAuthorization: ")
              .append(bearer)
              .append("\r\n");
      if (lastEventId != null) {
        request.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
      }
      request.append("\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new SseSocket(socket, System.nanoTime() + 20_000_000_000L);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  int status() {
    return status;
  }

  /** The rest of a response that is no stream (a problem), for a failure message. */
  String rest(long deadlineNanos) {
    var bytes = new ByteArrayOutputStream();
    deadline = deadlineNanos;
    try {
      for (int b = bodyByte(); b >= 0 && bytes.size() < 4096; b = bodyByte()) {
        bytes.write(b);
      }
    } catch (IOException e) {
      // what came is enough
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Why the last {@link #next} call returned null. */
  @Nullable End end() {
    return end;
  }

  /**
   * The next complete event; null when the stream ended, once {@code byteLimit} bytes of the body
   * have been read in all, or at {@code deadlineNanos} ({@link #end()} says which). After a
   * deadline, a later call goes on where this one stopped, in the middle of an event or not.
   */
  @Nullable Event next(long byteLimit, long deadlineNanos) throws IOException {
    deadline = deadlineNanos;
    while (true) {
      if (bodyBytes >= byteLimit) {
        end = End.BYTES;
        return null;
      }
      int b;
      try {
        b = bodyByte();
      } catch (SocketTimeoutException e) {
        end = End.TIME;
        return null;
      } catch (IOException e) {
        end = End.CLOSED;
        return null;
      }
      if (b < 0) {
        end = End.CLOSED;
        return null;
      }
      bodyBytes++;
      if (b != '\n') {
        line.write(b);
        continue;
      }
      var event = endOfLine();
      if (event != null) {
        return event;
      }
    }
  }

  /** Takes in the line just read; the event it completes, if any. */
  private @Nullable Event endOfLine() {
    var text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      if (!any) {
        return null;
      }
      var event = new Event(id, name, data.toString());
      id = null;
      name = "message";
      data.setLength(0);
      any = false;
      return event;
    }
    if (text.startsWith(":")) {
      return null;
    }
    var colon = text.indexOf(':');
    var field = colon < 0 ? text : text.substring(0, colon);
    var value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "id" -> id = value;
      case "event" -> name = value;
      case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
      default -> {}
    }
    any = true;
    return null;
  }

  /**
   * The next byte of the body, decoding chunks byte by byte so that a deadline anywhere leaves
   * nothing half-read.
   */
  private int bodyByte() throws IOException {
    if (!chunked) {
      return rawByte();
    }
    while (!bodyDone) {
      var b = rawByte();
      if (b < 0) {
        bodyDone = true;
        break;
      }
      switch (chunkState) {
        case SIZE -> {
          if (b != '\n') {
            chunkSize.append((char) b);
            continue;
          }
          var size = chunkSize.toString().trim();
          chunkSize.setLength(0);
          var semicolon = size.indexOf(';');
          chunkLeft = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
          if (chunkLeft == 0) {
            bodyDone = true;
          } else {
            chunkState = Chunk.DATA;
          }
        }
        case DATA -> {
          if (--chunkLeft == 0) {
            chunkState = Chunk.AFTER_DATA;
          }
          return b;
        }
        case AFTER_DATA -> {
          if (b == '\n') {
            chunkState = Chunk.SIZE;
          }
        }
      }
    }
    return -1;
  }

  private String rawLine() throws IOException {
    var bytes = new ByteArrayOutputStream(64);
    for (int b = rawByte(); b >= 0; b = rawByte()) {
      if (b == '\n') {
        var text = bytes.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      bytes.write(b);
    }
    throw new IOException("connection closed mid-line");
  }

  /** One byte off the socket, waiting at most until the deadline. */
  private int rawByte() throws IOException {
    if (position == limit) {
      var left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new SocketTimeoutException("deadline");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      var read = raw.read(buffer);
      if (read < 0) {
        return -1;
      }
      position = 0;
      limit = read;
    }
    return buffer[position++] & 0xff;
  }

  /** Cuts the connection wherever it is. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // cut anyway
    }
  }
}
