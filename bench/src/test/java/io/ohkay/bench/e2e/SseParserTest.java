package io.ohkay.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private final SseParser parser = new SseParser();

  @Test
  void shouldReturnDataWhenAnEventEndsWithABlankLine() {
    assertThat(feed("id:7\nevent:message\ndata:{\"content\":\"hi\"}\n\n"))
        .containsExactly("{\"content\":\"hi\"}");
  }

  @Test
  void shouldJoinTheEventWhenChunksCutLinesAnywhere() {
    assertThat(feed("da")).isEmpty();
    assertThat(feed("ta: {\"a\":")).isEmpty();
    assertThat(feed("1}\n")).isEmpty();
    assertThat(feed("\ndata:x\n\ndata:")).containsExactly("{\"a\":1}", "x");
    assertThat(feed("y\n\n")).containsExactly("y");
  }

  @Test
  void shouldJoinDataLinesWithNewlineWhenAnEventHasSeveral() {
    assertThat(feed("data:one\ndata: two\n\n")).containsExactly("one\ntwo");
  }

  @Test
  void shouldAcceptCarriageReturnsWhenLinesEndWithCrlf() {
    assertThat(feed("data:a\r\n")).isEmpty();
    assertThat(feed("\r\ndata:b\r\r")).containsExactly("a", "b");
  }

  @Test
  void shouldIgnoreCommentsAndDataLessEventsWhenTheServerSendsHeartbeats() {
    assertThat(feed(":heartbeat\n\nevent:ping\n\ndatabase:x\n\n")).isEmpty();
  }

  @Test
  void shouldDecodeUtf8WhenAMultiByteCharacterIsSplitAcrossChunks() {
    byte[] bytes = "data:é\n\n".getBytes(StandardCharsets.UTF_8);
    byte[] first = Arrays.copyOfRange(bytes, 0, 6);
    byte[] rest = Arrays.copyOfRange(bytes, 6, bytes.length);

    assertThat(parser.feed(first)).isEmpty();
    assertThat(parser.feed(rest)).containsExactly("é");
  }

  private List<String> feed(String chunk) {
    return parser.feed(chunk.getBytes(StandardCharsets.UTF_8));
  }
}
