package io.ohkay.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static final String OWASP_MINIMUM = "$argon2id$v=19$m=19456,t=2,p=1$";

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void shouldProduceAnArgon2idPhcStringWhenHashing() {
    var hash = hasher.hash("correct horse battery staple");

    assertThat(hash).startsWith(OWASP_MINIMUM);
    assertThat(hash.substring(OWASP_MINIMUM.length()).split("\\$"))
        .as("salt and hash, base64 without padding")
        .hasSize(2)
        .allSatisfy(part -> assertThat(part).matches("[A-Za-z0-9+/]+"));
    assertThat(hash).doesNotContain("correct horse");
  }

  @Test
  void shouldProduceDifferentHashesWhenTheSamePasswordIsHashedTwice() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void shouldMatchOnlyTheHashedPasswordWhenChecked() {
    var hash = hasher.hash("s3cret-passw0rd");

    assertThat(hasher.matches("s3cret-passw0rd", hash)).isTrue();
    assertThat(hasher.matches("s3cret-passw0rD", hash)).isFalse();
    assertThat(hasher.matches("", hash)).isFalse();
    assertThat(new PasswordHasher().matches("s3cret-passw0rd", hash)).isTrue();
  }
}
