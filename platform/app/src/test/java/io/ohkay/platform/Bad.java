package io.ohkay.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** One bad request and the problem it must get. */
record Bad(
    String method,
    String path,
    @Nullable String bearer,
    @Nullable String body,
    int status,
    String code) {

  WebTestClient.ResponseSpec send(WebTestClient http) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    if (bearer != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, bearer);
    }
    return body == null
        ? request.exchange()
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  /** Sends it and asserts the problem it must get; returns the problem. */
  JsonNode assertRefused(WebTestClient http) {
    return Api.assertProblem(send(http), HttpStatus.valueOf(status), code);
  }

  @Override
  public String toString() {
    return method
        + " "
        + path
        + " "
        + (body == null ? "" : body.substring(0, Math.min(40, body.length())));
  }
}
