package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;

class StreamHandlerTest {

  private final NettyDataBufferFactory factory =
      new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

  @Test
  void shouldWriteFromDirectMemoryWhenTheBatchIsSharedAndFromTheHeapWhenItIsNot() {
    var posted = new StreamEvent("2.c.s0", "message.posted.v1", "{\"a\":1}");
    var edited = new StreamEvent("2.c.s1", "message.edited.v1", "{\"a\":2}");
    var shared = new StreamBatch(List.of(posted, edited));
    shared.share();
    var own = new StreamBatch(List.of(posted, edited));

    var written =
        StreamHandler.buffers(Flux.just(shared, own), Duration.ofHours(1), factory)
            .map(buffer -> ((NettyDataBuffer) buffer).getNativeBuffer())
            .collectList()
            .block(Duration.ofSeconds(5));

    assertThat(written).hasSize(2);
    assertThat(written.getFirst().isDirect()).isTrue();
    assertThat(written.getLast().isDirect()).isFalse();
    assertThat(ByteBufUtil.getBytes(written.getFirst())).isEqualTo(shared.sse());
    assertThat(ByteBufUtil.getBytes(written.getLast())).isEqualTo(own.sse());
  }
}
