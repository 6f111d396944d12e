package io.ohkay.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SseScannerTest {

  private final List<String> seen = new ArrayList<>();
  private final SseScanner scanner =
      new SseScanner(
          new SseListener() {
            @Override
            public void tagged(int step, int seq, long arrivalNanos) {
              seen.add("tag " + step + ":" + seq + " @" + arrivalNanos);
            }

            @Override
            public void event(String name, @Nullable String id, long arrivalNanos) {
              seen.add("event " + name + " id " + id + " @" + arrivalNanos);
            }
          });

  @Test
  void shouldReportTheTagWhenAMessageEventCarriesIt() {
    feed(
        "id:2.abc\nevent:message.posted.v1\ndata:{\"payload\":{\"content\":\"ohkay-bench:12:345\"}}\n\n",
        7);

    assertThat(seen).containsExactly("tag 12:345 @7");
  }

  @Test
  void shouldReportNameAndIdWhenAnEventHasNoTag() {
    feed("id: 2.xyz\nevent: ready\ndata:{\"cursor\":\"2.xyz\"}\n\n", 1);
    feed("event:presence\ndata:{\"userId\":\"u\"}\n\n", 2);

    assertThat(seen).containsExactly("event ready id 2.xyz @1", "event presence id null @2");
  }

  @Test
  void shouldJoinAnEventWhenChunksCutItAnywhereAndStampTheCompletingChunk() {
    feed("id:1\nevent:message.posted.v1\ndata:{\"content\":\"ohkay-be", 1);
    feed("nch:3:", 2);
    feed("41\"}", 3);
    feed("\n", 4);
    assertThat(seen).isEmpty();

    feed("\ndata:{\"content\":\"ohkay-bench:3:42\"}\n\n", 5);

    assertThat(seen).containsExactly("tag 3:41 @5", "tag 3:42 @5");
  }

  @Test
  void shouldAcceptCarriageReturnsWhenLinesEndWithCrlfOrCr() {
    feed("event:ready\r\nid:9\r\n\r\ndata:ohkay-bench:1:2\r\r", 1);

    assertThat(seen).containsExactly("event ready id 9 @1", "tag 1:2 @1");
  }

  @Test
  void shouldIgnoreCommentsHeartbeatsAndUntaggedContentWhenTheyCome() {
    feed(":hb\n\ndata:{\"content\":\"hello ohkay-bench:x:1 ohkay-bench:4:\"}\n\n", 1);
    feed("retry:1000\n\nHTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n", 1);

    assertThat(seen).isEmpty();
  }

  @Test
  void shouldFindTheTagWhenAPartialPrefixComesFirst() {
    feed("data:ohkay-ohkay-bench:5:6\n\n", 1);

    assertThat(seen).containsExactly("tag 5:6 @1");
  }

  @Test
  void shouldNotCarryATagAcrossLinesWhenADataLineEndsMidTag() {
    feed("data:ohkay-bench:5\ndata::6\n\n", 1);

    assertThat(seen).isEmpty();
  }

  @Test
  void shouldReadTheTagWhenTheDataLineEndsRightAfterTheSeq() {
    feed("event:message.posted.v1\ndata:ohkay-bench:0:0\n\n", 1);

    assertThat(seen).containsExactly("tag 0:0 @1");
  }

  @Test
  void shouldScanByteBufsWithoutConsumingThemWhenFedByNetty() {
    var buffer = Unpooled.copiedBuffer("data:ohkay-bench:8:9\n\n", StandardCharsets.UTF_8);

    scanner.feed(buffer, 11);

    assertThat(seen).containsExactly("tag 8:9 @11");
    assertThat(buffer.readerIndex()).isZero();
  }

  @Test
  void shouldScanDirectBuffersFromTheirReaderIndexWhenLargerThanTheScratchArray() {
    var padding = "x".repeat(20_000);
    var text = "skipped:" + padding + "\n\ndata:ohkay-bench:6:7\n\ndata:" + padding + "\n\n";
    var bytes = text.getBytes(StandardCharsets.UTF_8);
    var alreadyRead = "data:ohkay-bench:1:1\n\n".getBytes(StandardCharsets.UTF_8);
    var buffer = Unpooled.directBuffer(alreadyRead.length + bytes.length);
    buffer.writeBytes(alreadyRead).writeBytes(bytes).readerIndex(alreadyRead.length);

    scanner.feed(buffer, 12);
    scanner.feed(
        Unpooled.directBuffer()
            .writeBytes("data:ohkay-bench:6:8\n\n".getBytes(StandardCharsets.UTF_8)),
        13);

    assertThat(seen).containsExactly("tag 6:7 @12", "tag 6:8 @13");
    assertThat(buffer.readerIndex()).isEqualTo(alreadyRead.length);
    buffer.release();
  }

  @Test
  void shouldMakeContentThatTheScannerReadsBackWhenTagged() {
    feed("data:{\"content\":\"" + BenchTag.content(70, 123456) + "\"}\n\n", 1);

    assertThat(seen).containsExactly("tag 70:123456 @1");
  }

  private void feed(String chunk, long nanos) {
    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
    scanner.feed(bytes, 0, bytes.length, nanos);
  }
}
