package io.ohkay.edge.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.error.Problem;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Classifies the failures of the edge's routes once, as problem+json: a {@link ProblemException} is
 * answered with its code; a database that cannot be reached with {@code UNAVAILABLE}; anything else
 * is logged and answered {@code INTERNAL_ERROR} without details. Applied per route (never as a
 * global handler) so other modules' routes in the same application keep their own handling.
 */
public final class Problems {

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The filter every edge route is wrapped in. */
  public static HandlerFilterFunction<ServerResponse, ServerResponse> filter() {
    return Problems::handle;
  }

  /** The response for {@code code}, with {@code WWW-Authenticate} on 401. */
  public static Mono<ServerResponse> respond(ErrorCode code, String detail) {
    var builder =
        ServerResponse.status(code.httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (code == ErrorCode.UNAUTHENTICATED) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ohkay\"");
    }
    return builder.bodyValue(Problem.of(code, detail));
  }

  private static Mono<ServerResponse> handle(
      ServerRequest request, HandlerFunction<ServerResponse> next) {
    return Mono.defer(() -> next.handle(request)).onErrorResume(error -> respond(request, error));
  }

  private static Mono<ServerResponse> respond(ServerRequest request, Throwable error) {
    var answer = classify(error, request.method() + " " + request.path());
    return respond(answer.code(), answer.detail());
  }

  /**
   * The answer to {@code error}, met while serving {@code what} (named in the log): a refusal as it
   * is, an unreachable database {@code UNAVAILABLE}, anything else logged and {@code
   * INTERNAL_ERROR} without details. For answers that are no HTTP response (a WebSocket frame).
   */
  public static ProblemException classify(Throwable error, String what) {
    if (error instanceof ProblemException problem) {
      return problem;
    }
    if (isUnavailable(error)) {
      log.warn("{}: database unavailable: {}", what, error.toString());
      return new ProblemException(
          ErrorCode.UNAVAILABLE, "A database is not reachable; retry later.");
    }
    log.error("{} failed", what, error);
    return new ProblemException(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.title());
  }

  private static boolean isUnavailable(Throwable error) {
    return error instanceof DataAccessResourceFailureException
        || error instanceof TransientDataAccessException
        || error instanceof TimeoutException;
  }
}
