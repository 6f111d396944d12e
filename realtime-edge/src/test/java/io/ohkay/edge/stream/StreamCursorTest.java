package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ohkay.edge.stream.StreamCursor.Partition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamCursorTest {

  private static final String CLUSTER = "Mk3OzN1x";

  @Test
  void shouldEncodeEveryPartitionInTopicAndPartitionOrderWhenEncoding() {
    var cursor =
        StreamCursor.of(
            CLUSTER,
            Map.of(
                new Partition('s', 1),
                100L,
                new Partition('a', 0),
                7L,
                new Partition('s', 0),
                0L,
                new Partition('a', 1),
                35L));

    assertThat(cursor.encode()).isEqualTo("2.Mk3OzN1x.a7,z.s0,2s");
  }

  @Test
  void shouldMarkThePartlyGivenRecordWhenWithin() {
    var cursor =
        StreamCursor.of(CLUSTER, Map.of(new Partition('s', 0), 5L, new Partition('s', 1), 9L))
            .within(new Partition('s', 1), 8, 1);

    assertThat(cursor.encode()).isEqualTo("2.Mk3OzN1x.s5,8~1");
    assertThat(cursor.skipAt(new Partition('s', 1))).isEqualTo(1);
    assertThat(cursor.skipAt(new Partition('s', 0))).isZero();
    assertThat(cursor.with(new Partition('s', 1), 9).encode()).isEqualTo("2.Mk3OzN1x.s5,9");
  }

  @Test
  void shouldKeepAnotherPartitionsMarkWhenMovedOrMarkedElsewhere() {
    var marked =
        StreamCursor.of(CLUSTER, Map.of(new Partition('d', 0), 7L, new Partition('s', 0), 2L))
            .within(new Partition('d', 0), 7, 1);

    var moved = marked.with(new Partition('s', 0), 3);
    var both = moved.within(new Partition('s', 0), 3, 1);

    assertThat(moved.encode()).isEqualTo("2.Mk3OzN1x.d7~1.s3");
    assertThat(both.encode()).isEqualTo("2.Mk3OzN1x.d7~1.s3~1");
    assertThat(StreamCursor.decode(both.encode())).isEqualTo(both);
    assertThat(both.with(new Partition('d', 0), 8).encode()).isEqualTo("2.Mk3OzN1x.d8.s3~1");
  }

  @Test
  void shouldReadBackWhatItWroteWhenDecoding() {
    var cursor =
        StreamCursor.of(
                CLUSTER,
                Map.of(
                    new Partition('s', 0),
                    Long.MAX_VALUE,
                    new Partition('s', 2),
                    3L,
                    new Partition('d', 5),
                    0L))
            .within(new Partition('s', 2), 3, 2);

    assertThat(StreamCursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(cursor.encode()).isEqualTo("2.Mk3OzN1x.d_,_,_,_,_,0.s1y2p0ij32e8e7,_,3~2");
    assertThat(StreamCursor.decode("2.x").positions()).isEmpty();
  }

  @Test
  void shouldRefuseTokensItNeverWroteWhenDecoding() {
    for (var token :
        List.of(
            "",
            "1.s0-1",
            "2",
            "2..s1",
            "2.x.S0",
            "2.x.s",
            "2.x.s-1",
            "2.x.s0.s1",
            "2.x.s0~0",
            "2.x.s0,zzzzzzzzzzzzzz",
            "2.toolongcluster.s0",
            "2.x.s0;drop")) {
      assertThatIllegalArgumentException().as(token).isThrownBy(() -> StreamCursor.decode(token));
    }
  }
}
