package io.ohkay.schemas.error;

import java.util.Locale;

/**
 * The RFC 9457 problem body every Ohkay service answers errors with, carrying the stable {@code
 * code} clients switch on. Served as {@code application/problem+json}.
 */
public record Problem(String type, String title, int status, String detail, String code) {

  private static final String TYPE_BASE = "https://ohkay.io/problems/";

  /** The problem of {@code code}, with a human-readable {@code detail}. */
  public static Problem of(ErrorCode code, String detail) {
    return new Problem(
        TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        code.title(),
        code.httpStatus(),
        detail,
        code.name());
  }
}
