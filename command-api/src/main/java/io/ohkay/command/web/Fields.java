package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;
import org.jspecify.annotations.Nullable;

/** Validation of request fields: each failure names the field and the rule. */
public final class Fields {

  private Fields() {}

  /**
   * The trimmed text, required, between {@code min} and {@code max} code points, without control
   * characters (U+0000 to U+001F) other than tab, line feed and carriage return: PostgreSQL cannot
   * store U+0000, and a fact it cannot store would stop every projection that reads it.
   */
  public static String text(@Nullable String value, String field, int min, int max) {
    if (value == null) {
      throw invalid(field + " is required.");
    }
    refuseControlCharacters(value, field);
    var trimmed = value.strip();
    var length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      throw invalid(field + " must be " + min + " to " + max + " characters.");
    }
    return trimmed;
  }

  private static void refuseControlCharacters(String value, String field) {
    for (var i = 0; i < value.length(); i++) {
      var c = value.charAt(i);
      if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
        throw invalid(
            "%s must not contain control characters (U+%04X at index %d); only tab, line feed and carriage return are allowed."
                .formatted(field, (int) c, i));
      }
    }
  }

  public static ProblemException invalid(String detail) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, detail);
  }
}
