package io.ohkay.bench.fanout;

import io.ohkay.bench.sse.SseListener;
import io.ohkay.bench.sse.SseScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A client that opens the stream on a raw socket with a tiny receive buffer, reads the response up
 * to its {@code ready} event, and then reads nothing until {@link #drain} — so the target's writes
 * to it stall as soon as the kernel's buffers are full.
 */
final class SlowReader implements AutoCloseable {

  /**
   * What a drained slow reader had been sent.
   *
   * @param overflow whether its stream ended with {@code event: overflow}
   * @param ended whether its stream ended (overflow, the last chunk, or the connection closed)
   * @param messages tagged messages received after {@code ready}
   */
  record Drained(boolean overflow, boolean ended, long messages) {}

  /** Asked of the kernel; Linux doubles it and never goes below about 2 KiB. */
  private static final int RECEIVE_BUFFER = 1_024;

  /** Read in small pieces before {@code ready}, so little past it is read. */
  private static final int READ_SIZE = 256;

  private final Socket socket;
  private final InputStream in;
  private final ChunkedResponse response;
  private final Events events;

  private SlowReader(Socket socket, InputStream in, Events events) {
    this.socket = socket;
    this.in = in;
    this.events = events;
    this.response = new ChunkedResponse(new SseScanner(events));
  }

  /** Opens {@code path} of {@code baseUrl} with {@code token}; returns once {@code ready} came. */
  static SlowReader open(URI baseUrl, String path, String token, Duration timeout)
      throws IOException {
    var socket = new Socket();
    try {
      socket.setReceiveBufferSize(RECEIVE_BUFFER);
      socket.setSoTimeout((int) timeout.toMillis());
      socket.connect(
          new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort()), (int) timeout.toMillis());
      var request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: "
              + baseUrl.getHost()
              + ":"
              + baseUrl.getPort()
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nAccept: text/event-stream\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      var events = new Events();
      var reader = new SlowReader(socket, socket.getInputStream(), events);
      reader.readUntilReady();
      return reader;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private void readUntilReady() throws IOException {
    byte[] buffer = new byte[READ_SIZE];
    while (!events.ready) {
      int read = in.read(buffer);
      if (read < 0 || response.done()) {
        throw new IOException("the stream ended before ready: " + response.statusLine());
      }
      response.feed(buffer, 0, read, System.nanoTime());
      var status = response.statusLine();
      if (!status.isEmpty() && !status.startsWith("HTTP/1.1 200")) {
        throw new IOException("the stream answered " + status);
      }
    }
    events.messages = 0;
  }

  /**
   * Reads everything the target sent since {@code ready}, until the stream ends ({@code overflow}
   * or the connection closes) or nothing comes for {@code idle}.
   */
  Drained drain(Duration idle) throws IOException {
    socket.setSoTimeout((int) idle.toMillis());
    byte[] buffer = new byte[64 * 1024];
    boolean closed = false;
    try {
      int read = 0;
      while (!events.overflow && !response.done() && (read = in.read(buffer)) >= 0) {
        response.feed(buffer, 0, read, System.nanoTime());
      }
      closed = read < 0;
    } catch (SocketTimeoutException idleNow) {
      // Nothing more is coming: the stream is still open, or ended without a word.
    }
    return new Drained(
        events.overflow, events.overflow || closed || response.done(), events.messages);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** What the reader was sent: {@code ready}, messages, {@code overflow}. */
  private static final class Events implements SseListener {
    private boolean ready;
    private boolean overflow;
    private long messages;

    @Override
    public void tagged(int step, int seq, long arrivalNanos) {
      messages++;
    }

    @Override
    public void event(String name, @Nullable String id, long arrivalNanos) {
      ready |= name.equals("ready");
      overflow |= name.equals("overflow");
    }
  }
}
