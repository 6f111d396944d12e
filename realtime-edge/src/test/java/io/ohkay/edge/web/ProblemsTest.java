package io.ohkay.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.error.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.reactive.function.server.EntityResponse;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

class ProblemsTest {

  private static EntityResponse<?> answer(HandlerFunction<ServerResponse> handler) {
    var response =
        Problems.filter()
            .filter(MockServerRequest.builder().build(), handler)
            .block(Duration.ofSeconds(5));
    assertThat(response).isInstanceOf(EntityResponse.class);
    return (EntityResponse<?>) response;
  }

  @Test
  void shouldRenderTheCodeAsProblemJsonWhenAHandlerRefuses() {
    var response =
        answer(
            request -> {
              throw new ProblemException(ErrorCode.SERVER_NOT_FOUND, "No such server.");
            });

    assertThat(response.statusCode().value()).isEqualTo(404);
    assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.entity())
        .isEqualTo(
            new Problem(
                "https://ohkay.io/problems/server-not-found",
                ErrorCode.SERVER_NOT_FOUND.title(),
                404,
                "No such server.",
                "SERVER_NOT_FOUND"));
  }

  @Test
  void shouldAskForABearerTokenWhenUnauthenticated() {
    var response =
        answer(request -> Mono.error(new ProblemException(ErrorCode.UNAUTHENTICATED, "no")));

    assertThat(response.statusCode().value()).isEqualTo(401);
    assertThat(response.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
  }

  @Test
  void shouldAnswerUnavailableWhenTheDatabaseIsUnreachable() {
    var response =
        answer(request -> Mono.error(new DataAccessResourceFailureException("connection refused")));

    assertThat(response.statusCode().value()).isEqualTo(503);
    assertThat(((Problem) response.entity()).code()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void shouldHideTheCauseWhenSomethingUnexpectedFails() {
    var response =
        answer(
            request -> {
              throw new IllegalStateException("secret internals");
            });

    var problem = (Problem) response.entity();
    assertThat(response.statusCode().value()).isEqualTo(500);
    assertThat(problem.code()).isEqualTo("INTERNAL_ERROR");
    assertThat(problem.detail()).doesNotContain("secret");
  }
}
