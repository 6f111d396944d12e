package io.ohkay.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.error.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void shouldKeepTheTrimmedTextWhenItHasTabsAndLineBreaks() {
    assertThat(Fields.text("  one\ttwo\r\nthree\n ", "content", 1, 100))
        .isEqualTo("one\ttwo\r\nthree");
  }

  @Test
  void shouldRefuseTheTextWhenItHoldsNul() {
    assertRefused("\u0000", "U+0000");
    assertRefused("hello\u0000world", "U+0000");
  }

  @Test
  void shouldRefuseTheTextWhenItHoldsAnotherC0ControlCharacterAnywhere() {
    assertRefused("bell\u0007", "U+0007");
    assertRefused("\u001bescape", "U+001B");
    assertRefused("unit\u001fseparator", "U+001F");
    assertRefused("\u000b", "U+000B");
    assertRefused("\u001c trailing and stripped", "U+001C");
  }

  @Test
  void shouldRefuseTheTextWhenItIsMissingOrOutOfBounds() {
    assertRefused(null, "required");
    assertRefused("   ", "1 to 10 characters");
    assertRefused("x".repeat(11), "1 to 10 characters");
  }

  private static void assertRefused(@Nullable String value, String detail) {
    assertThatThrownBy(() -> Fields.text(value, "content", 1, 10))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.getMessage()).startsWith("content ").contains(detail);
            });
  }
}
