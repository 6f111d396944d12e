package io.ohkay.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.command.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthRateLimitsTest {

  private final AuthRateLimits limits =
      new AuthRateLimits(
          new AuthRateLimits.Limit(2, Duration.ofHours(1)),
          new AuthRateLimits.Limit(3, Duration.ofMinutes(1)),
          new AuthRateLimits.Limit(2, Duration.ofMinutes(5)));

  @Test
  void shouldRefuseWithRetryAfterWhenAnAddressExceedsItsSignups() {
    limits.signup("198.51.100.1");
    limits.signup("198.51.100.1");

    assertThatThrownBy(() -> limits.signup("198.51.100.1"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30));
            });
    limits.signup("198.51.100.2");
  }

  @Test
  void shouldLimitEachAccountWhateverTheAddressAndEachAddressWhateverTheAccount() {
    limits.signin("198.51.100.1", "alice@example.com");
    limits.signin("198.51.100.2", "alice@example.com");
    assertThatThrownBy(() -> limits.signin("198.51.100.3", "alice@example.com"))
        .isInstanceOf(ProblemException.class);

    limits.signin("203.0.113.9", "a@example.com");
    limits.signin("203.0.113.9", "b@example.com");
    limits.signin("203.0.113.9", "c@example.com");
    assertThatThrownBy(() -> limits.signin("203.0.113.9", "d@example.com"))
        .isInstanceOf(ProblemException.class);
  }
}
