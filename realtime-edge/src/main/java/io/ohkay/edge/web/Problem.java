package io.ohkay.edge.web;

import io.ohkay.schemas.error.ErrorCode;
import java.util.Locale;

/** An RFC 9457 problem body, with the stable {@code code} every Ohkay client switches on. */
record Problem(String type, String title, int status, String detail, String code) {

  private static final String TYPE_BASE = "https://ohkay.io/problems/";

  static Problem of(ErrorCode code, String detail) {
    return new Problem(
        TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        code.title(),
        code.httpStatus(),
        detail,
        code.name());
  }
}
