package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamEventTest {

  @Test
  void shouldWriteIdEventAndADataLinePerLineThenABlankLineWhenEncodedForSse() {
    var event = new StreamEvent("2.c.s0", "message.posted.v1", "{\"a\":1}");
    var multiline = new StreamEvent("2.c.s1", "x", "one\ntwo\r\nthree\rfour");

    assertThat(text(event.sse()))
        .isEqualTo("id:2.c.s0\nevent:message.posted.v1\ndata:{\"a\":1}\n\n");
    assertThat(text(multiline.sse()))
        .isEqualTo("id:2.c.s1\nevent:x\ndata:one\ndata:two\ndata:three\ndata:four\n\n");
  }

  @Test
  void shouldBreakTheDataLinesAndKeepEmptyOnesWhenTheDataHasALoneCarriageReturnOrLineFeed() {
    assertThat(text(StreamEvent.ephemeral("x", "one\rtwo").sse()))
        .isEqualTo("event:x\ndata:one\ndata:two\n\n");
    assertThat(text(StreamEvent.ephemeral("x", "one\n\ntwo\n").sse()))
        .isEqualTo("event:x\ndata:one\ndata:\ndata:two\ndata:\n\n");
    assertThat(text(StreamEvent.ephemeral("x", "\r").sse())).isEqualTo("event:x\ndata:\ndata:\n\n");
    assertThat(text(new StreamEvent("2.c\r.s0", "x", "{}").sse())).startsWith("id:2.c.s0\n");
  }

  @Test
  void shouldLeaveTheIdOutWhenEphemeral() {
    var typing = StreamEvent.ephemeral("typing", "{\"userId\":\"u\"}");

    assertThat(text(typing.sse())).isEqualTo("event:typing\ndata:{\"userId\":\"u\"}\n\n");
    assertThat(text(typing.frame()))
        .isEqualTo("{\"event\":\"typing\",\"data\":{\"userId\":\"u\"}}");
  }

  @Test
  void shouldKeepAClientCursorFromBreakingTheSseLinesWhenEchoed() {
    var overflow = StreamSession.cursorEvent("overflow", "evil\nevent:ready\r\n\"");

    assertThat(text(overflow.sse()))
        .startsWith("id:evilevent:ready\"\nevent:overflow\ndata:")
        .containsOnlyOnce("\n\n");
    assertThat(Json.mapper().readTree(overflow.data()).get("cursor").stringValue())
        .isEqualTo("evil\nevent:ready\r\n\"");
  }

  @Test
  void shouldEmbedTheDataAsJsonWithTheCursorWhenEncodedAsAWebSocketFrame() {
    var event = new StreamEvent("2.c.s0", "message.posted.v1", "{\"content\":\"hi \\\"you\\\"\"}");

    var frame = Json.mapper().readTree(event.frame());

    assertThat(frame.get("event").stringValue()).isEqualTo("message.posted.v1");
    assertThat(frame.get("cursor").stringValue()).isEqualTo("2.c.s0");
    assertThat(frame.get("data").isObject()).isTrue();
    assertThat(frame.get("data").get("content").stringValue()).isEqualTo("hi \"you\"");
  }

  @Test
  void shouldGiveTheSameBytesEveryTimeWhenAskedAgain() {
    var event = new StreamEvent("2.c.s0", "message.posted.v1", "{}");

    assertThat(event.sse()).isSameAs(event.sse());
    assertThat(event.frame()).isSameAs(event.frame());
  }

  @Test
  void shouldEncodeOnceForEveryThreadWhenConnectionsOnSeveralThreadsAskAtOnce() throws Exception {
    var event = new StreamEvent("2.c.s0", "message.posted.v1", "{}");
    var start = new CountDownLatch(1);
    var readers = Executors.newFixedThreadPool(8);
    try {
      var encodings = new ArrayList<Future<byte[]>>();
      for (int i = 0; i < 8; i++) {
        encodings.add(
            readers.submit(
                () -> {
                  start.await();
                  return event.sse();
                }));
      }
      start.countDown();
      for (var encoding : encodings) {
        assertThat(encoding.get(5, TimeUnit.SECONDS)).isSameAs(event.sse());
      }
    } finally {
      readers.shutdownNow();
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
