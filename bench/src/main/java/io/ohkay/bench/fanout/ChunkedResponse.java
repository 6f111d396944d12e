package io.ohkay.bench.fanout;

import io.ohkay.bench.sse.SseScanner;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 response read from a raw socket, fed as it arrives: keeps the status line, skips the
 * headers, and hands the body, decoded from chunked transfer coding, to a {@link SseScanner}. Not
 * thread-safe.
 */
final class ChunkedResponse {

  private enum State {
    STATUS,
    HEADERS,
    SIZE,
    EXTENSION,
    DATA,
    DATA_END,
    DONE
  }

  private final SseScanner scanner;
  private final StringBuilder statusLine = new StringBuilder();
  private State state = State.STATUS;
  private int headerLineLength;
  private long chunkLeft;

  ChunkedResponse(SseScanner scanner) {
    this.scanner = scanner;
  }

  /** The status line, once it came; empty before. */
  String statusLine() {
    return state == State.STATUS ? "" : statusLine.toString();
  }

  /** Whether the last chunk came: the response is over. */
  boolean done() {
    return state == State.DONE;
  }

  void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (state == State.DATA) {
        int take = (int) Math.min(chunkLeft, end - i);
        scanner.feed(bytes, i, take, arrivalNanos);
        i += take;
        chunkLeft -= take;
        if (chunkLeft == 0) {
          state = State.DATA_END;
        }
      } else {
        accept(bytes[i++]);
      }
    }
  }

  private void accept(byte b) {
    switch (state) {
      case STATUS -> status(b);
      case HEADERS -> header(b);
      case SIZE -> size(b);
      case EXTENSION -> {
        if (b == '\n') {
          endSize();
        }
      }
      case DATA_END -> {
        if (b == '\n') {
          state = State.SIZE;
        }
      }
      case DATA, DONE -> {}
    }
  }

  private void status(byte b) {
    if (b == '\n') {
      state = State.HEADERS;
      headerLineLength = 0;
    } else if (b != '\r') {
      statusLine.append(new String(new byte[] {b}, StandardCharsets.ISO_8859_1));
    }
  }

  private void header(byte b) {
    if (b == '\n') {
      if (headerLineLength == 0) {
        state = State.SIZE;
        chunkLeft = 0;
      }
      headerLineLength = 0;
    } else if (b != '\r') {
      headerLineLength++;
    }
  }

  private void size(byte b) {
    int digit = Character.digit(b, 16);
    if (digit >= 0) {
      chunkLeft = chunkLeft * 16 + digit;
    } else if (b == '\n') {
      endSize();
    } else if (b != '\r') {
      state = State.EXTENSION;
    }
  }

  private void endSize() {
    state = chunkLeft == 0 ? State.DONE : State.DATA;
  }
}
