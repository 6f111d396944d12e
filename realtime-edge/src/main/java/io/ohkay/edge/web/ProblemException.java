package io.ohkay.edge.web;

import io.ohkay.schemas.error.ErrorCode;

/**
 * A request the edge refuses with a stable {@link ErrorCode}; rendered as problem+json by {@link
 * Problems#filter()}. Carries no stack trace: it is an answer, not a failure.
 */
public final class ProblemException extends RuntimeException {

  private final ErrorCode code;

  public ProblemException(ErrorCode code, String detail) {
    super(detail, null, false, false);
    this.code = code;
  }

  /** The error code the client sees. */
  public ErrorCode code() {
    return code;
  }

  /** The human-readable detail the client sees. */
  public String detail() {
    var message = getMessage();
    return message == null ? code.title() : message;
  }
}
