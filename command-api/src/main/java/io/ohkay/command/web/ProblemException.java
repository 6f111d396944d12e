package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A refusal with a stable code, rendered once as problem+json by {@link Problems}. */
public final class ProblemException extends RuntimeException {

  private final ErrorCode code;
  private final @Nullable Duration retryAfter;

  public ProblemException(ErrorCode code, String detail) {
    this(code, detail, null);
  }

  /** A refusal the client may retry after {@code retryAfter} ({@code Retry-After} header). */
  public ProblemException(ErrorCode code, String detail, @Nullable Duration retryAfter) {
    super(detail, null, false, false);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public ErrorCode code() {
    return code;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
