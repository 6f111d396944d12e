package io.ohkay.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

  @Test
  void shouldReturnShortLowerCaseNamesWhenAskedForUniqueNames() {
    String name = SharedInfrastructure.uniqueName("t");

    assertThat(name).matches("t[a-z0-9]{5,}_").hasSizeLessThanOrEqualTo(20);
    assertThat(SharedInfrastructure.uniqueName("longprefix")).hasSizeLessThanOrEqualTo(20);
  }

  @Test
  void shouldNeverRepeatWhenCalledManyTimes() {
    Set<String> names = new HashSet<>();
    IntStream.range(0, 50_000).forEach(i -> names.add(SharedInfrastructure.uniqueName("db")));

    assertThat(names).hasSize(50_000);
  }

  @Test
  void shouldRejectPrefixWhenNotLowerCaseOrTooLong() {
    assertThatThrownBy(() -> SharedInfrastructure.uniqueName("T"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SharedInfrastructure.uniqueName("a.b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SharedInfrastructure.uniqueName("elevenchars"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
