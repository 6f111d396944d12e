package io.ohkay.command.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.error.Problem;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The one place failures of write routes become RFC 9457 problem+json with a stable code. */
public final class Problems {

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Maps every error of the filtered routes to problem+json. */
  public static HandlerFilterFunction<ServerResponse, ServerResponse> filter() {
    return (request, next) ->
        Mono.defer(() -> next.handle(request)).onErrorResume(Problems::render);
  }

  public static Mono<ServerResponse> render(Throwable error) {
    return switch (error) {
      case ProblemException problem ->
          respond(problem.code(), problem.getMessage(), problem.retryAfter());
      case DataBufferLimitException tooLarge ->
          respond(ErrorCode.PAYLOAD_TOO_LARGE, "The body is too large.");
      default -> {
        log.error("unexpected failure on a write route", error);
        yield respond(ErrorCode.INTERNAL_ERROR, "Unexpected error.");
      }
    };
  }

  public static Mono<ServerResponse> respond(ErrorCode code, String detail) {
    return respond(code, detail, null);
  }

  /** The problem response; {@code retryAfter} becomes a {@code Retry-After} in whole seconds. */
  static Mono<ServerResponse> respond(
      ErrorCode code, String detail, @Nullable Duration retryAfter) {
    var body = Problem.of(code, detail);
    var response =
        ServerResponse.status(HttpStatus.valueOf(code.httpStatus()))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (code == ErrorCode.UNAUTHENTICATED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    if (retryAfter != null) {
      var seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
    return response.bodyValue(body);
  }
}
