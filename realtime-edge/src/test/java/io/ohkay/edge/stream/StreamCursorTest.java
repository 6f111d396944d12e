package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ohkay.edge.stream.StreamCursor.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCursorTest {

  @Test
  void shouldEncodeOnePositionWhenOneEvent() {
    assertThat(StreamCursor.of(new Position('s', 3, 120)).encode()).isEqualTo("1.s3-120");
  }

  @Test
  void shouldEncodeAVectorInTopicAndPartitionOrderWhenManyPositions() {
    var cursor =
        new StreamCursor(
            List.of(
                new Position('s', 10, 5),
                new Position('a', 1, 7),
                new Position('s', 2, 0),
                new Position('a', 0, 9)));

    assertThat(cursor.encode()).isEqualTo("1.a0-9.a1-7.s2-0.s10-5");
  }

  @Test
  void shouldReadBackWhatItWroteWhenDecoding() {
    var cursor =
        new StreamCursor(List.of(new Position('s', 0, Long.MAX_VALUE), new Position('a', 5, 0)));

    assertThat(StreamCursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(StreamCursor.decode("1").positions()).isEmpty();
  }

  @Test
  void shouldRefuseTokensItNeverWroteWhenDecoding() {
    for (var token :
        List.of(
            "",
            "2.s0-1",
            "1.",
            "1.s0",
            "1.S0-1",
            "1.s-1-2",
            "1.s0-1.",
            "1.s0-x",
            "p0-12",
            "1.s0-1;drop")) {
      assertThatIllegalArgumentException().as(token).isThrownBy(() -> StreamCursor.decode(token));
    }
  }
}
