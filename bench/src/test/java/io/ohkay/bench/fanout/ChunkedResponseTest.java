package io.ohkay.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.bench.sse.SseListener;
import io.ohkay.bench.sse.SseScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ChunkedResponseTest {

  private final List<String> seen = new ArrayList<>();
  private final ChunkedResponse response =
      new ChunkedResponse(
          new SseScanner(
              new SseListener() {
                @Override
                public void tagged(int step, int seq, long arrivalNanos) {
                  seen.add(step + ":" + seq);
                }

                @Override
                public void event(String name, @Nullable String id, long arrivalNanos) {
                  seen.add(name);
                }
              }));

  @Test
  void shouldHandTheDecodedBodyToTheScannerWhenChunksSplitEvents() {
    feed(
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
    feed(chunk("event:ready\nid:1\ndata:{}\n\n"));
    feed(chunk("event:message.posted.v1\ndata:{\"content\":\"ohkay-") + chunk("bench:2:3\"}\n\n"));

    assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(seen).containsExactly("ready", "2:3");
    assertThat(response.done()).isFalse();
  }

  @Test
  void shouldEndWhenTheLastChunkComesEvenFedOneByteAtATime() {
    String wire = "HTTP/1.1 200 OK\r\n\r\n" + chunk("event:overflow\ndata:{}\n\n") + "0\r\n\r\n";
    for (byte b : wire.getBytes(StandardCharsets.UTF_8)) {
      response.feed(new byte[] {b}, 0, 1, 1);
    }

    assertThat(seen).containsExactly("overflow");
    assertThat(response.done()).isTrue();
  }

  @Test
  void shouldKeepTheStatusLineWhenTheAnswerIsAnError() {
    feed("HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n");

    assertThat(response.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
    assertThat(seen).isEmpty();
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + data
        + "\r\n";
  }

  private void feed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    response.feed(bytes, 0, bytes.length, 1);
  }
}
