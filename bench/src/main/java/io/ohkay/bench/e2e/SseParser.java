package io.ohkay.bench.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental parser of a {@code text/event-stream} body: fed the bytes as they arrive, in chunks
 * cut anywhere, it returns the {@code data} of every event completed so far (multi-line data joined
 * with {@code \n}; comments and other fields ignored). Not thread-safe: one per connection.
 */
final class SseParser {

  private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private boolean afterCarriageReturn;

  /** Consumes a chunk and returns the data of the events it completes, in order. */
  List<String> feed(byte[] chunk) {
    List<String> events = new ArrayList<>(2);
    for (byte b : chunk) {
      if (b == '\n') {
        if (!afterCarriageReturn) {
          endLine(events);
        }
        afterCarriageReturn = false;
      } else if (b == '\r') {
        endLine(events);
        afterCarriageReturn = true;
      } else {
        line.write(b);
        afterCarriageReturn = false;
      }
    }
    return events;
  }

  private void endLine(List<String> events) {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.isEmpty()) {
      dispatch(events);
    } else if (text.startsWith("data")) {
      field(text);
    }
  }

  private void field(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    if (!name.equals("data")) {
      return;
    }
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (hasData) {
      data.append('\n');
    }
    data.append(value.startsWith(" ") ? value.substring(1) : value);
    hasData = true;
  }

  private void dispatch(List<String> events) {
    if (hasData) {
      events.add(data.toString());
    }
    data.setLength(0);
    hasData = false;
  }
}
