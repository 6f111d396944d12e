package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;
import org.jspecify.annotations.Nullable;

/** Validation of request fields: each failure names the field and the rule. */
public final class Fields {

  private Fields() {}

  /** The trimmed text, required, between {@code min} and {@code max} code points. */
  public static String text(@Nullable String value, String field, int min, int max) {
    if (value == null) {
      throw invalid(field + " is required.");
    }
    var trimmed = value.strip();
    var length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      throw invalid(field + " must be " + min + " to " + max + " characters.");
    }
    return trimmed;
  }

  public static ProblemException invalid(String detail) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, detail);
  }
}
