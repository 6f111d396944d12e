package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;

/** A refusal with a stable code, rendered once as problem+json by {@link Problems}. */
public final class ProblemException extends RuntimeException {

  private final ErrorCode code;

  public ProblemException(ErrorCode code, String detail) {
    super(detail, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
