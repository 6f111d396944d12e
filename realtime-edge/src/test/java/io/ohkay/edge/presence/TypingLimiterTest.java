package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypingLimiterTest {

  private static final UserId ADA = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final UUID GENERAL = UUID.randomUUID();
  private static final UUID RANDOM = UUID.randomUUID();

  private long nanos = 1_000;
  private final TypingLimiter limiter = new TypingLimiter(Duration.ofSeconds(3), () -> nanos);

  @Test
  void shouldLetOneSignalPerUserAndPlaceThroughWhenCalledWithinTheWindow() {
    assertThat(limiter.tryAcquire(ADA, GENERAL)).isTrue();
    assertThat(limiter.tryAcquire(ADA, GENERAL)).isFalse();
    assertThat(limiter.tryAcquire(ADA, RANDOM)).isTrue();
    assertThat(limiter.tryAcquire(BOB, GENERAL)).isTrue();

    nanos += Duration.ofMillis(2_999).toNanos();
    assertThat(limiter.tryAcquire(ADA, GENERAL)).isFalse();
    nanos += Duration.ofMillis(1).toNanos();
    assertThat(limiter.tryAcquire(ADA, GENERAL)).isTrue();
    assertThat(limiter.tryAcquire(ADA, GENERAL)).isFalse();
  }
}
