package io.ohkay.platform.web;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.error.Problem;
import io.ohkay.schemas.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last resort: errors no route handled (no such route, wrong method, unreadable request) still
 * answer problem+json with a stable code, never a stack trace.
 */
@Order(-2)
final class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(error);
    }
    var code = classify(error);
    var body = Problem.of(code, code.title());
    response.setStatusCode(HttpStatus.valueOf(code.httpStatus()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    var buffer = response.bufferFactory().wrap(Json.write(body));
    return response.writeWith(Mono.just(buffer));
  }

  private static ErrorCode classify(Throwable error) {
    if (error instanceof ResponseStatusException status) {
      return switch (status.getStatusCode().value()) {
        case 404 -> ErrorCode.NOT_FOUND;
        case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
        case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
        case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
        case 503 -> ErrorCode.UNAVAILABLE;
        default ->
            status.getStatusCode().is4xxClientError()
                ? ErrorCode.VALIDATION_FAILED
                : ErrorCode.INTERNAL_ERROR;
      };
    }
    log.error("unhandled failure", error);
    return ErrorCode.INTERNAL_ERROR;
  }
}
