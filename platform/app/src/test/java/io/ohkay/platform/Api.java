package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A thin client of the platform's HTTP API for tests. */
final class Api {

  private final WebTestClient http;

  Api(WebTestClient http) {
    this.http = http;
  }

  WebTestClient http() {
    return http;
  }

  record User(UUID id, String token) {
    String bearer() {
      return "Bearer " + token;
    }
  }

  record Server(UUID id, UUID generalChannelId) {}

  User signup(String email) {
    var body =
        json(
            http.post()
                .uri("/api/auth/signup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    Map.of("email", email, "password", "correct horse", "displayName", "Ada"))
                .exchange()
                .expectStatus()
                .isCreated());
    return new User(
        UUID.fromString(body.get("user").get("id").asString()), body.get("accessToken").asString());
  }

  Server createServer(User owner, String name) {
    var body =
        json(
            http.post()
                .uri("/api/servers")
                .header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus()
                .isCreated());
    assertThat(body.get("channels").get(0).get("name").asString()).isEqualTo("general");
    return new Server(
        UUID.fromString(body.get("id").asString()),
        UUID.fromString(body.get("channels").get(0).get("id").asString()));
  }

  WebTestClient.ResponseSpec post(User author, Server server, String content) {
    return http.post()
        .uri(messagesPath(server.id(), server.generalChannelId()))
        .header(HttpHeaders.AUTHORIZATION, author.bearer())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("content", content))
        .exchange();
  }

  /** Reads the history once the projection has applied {@code position}; never stale. */
  JsonNode readAfter(User reader, Server server, String position) {
    return json(
        http.get()
            .uri(messagesPath(server.id(), server.generalChannelId()))
            .header(HttpHeaders.AUTHORIZATION, reader.bearer())
            .header("X-Ohkay-Min-Position", position)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist("X-Ohkay-Stale"));
  }

  static String messagesPath(UUID server, UUID channel) {
    return "/api/servers/" + server + "/channels/" + channel + "/messages";
  }

  static JsonNode json(WebTestClient.ResponseSpec response) {
    var bytes = response.expectBody().returnResult().getResponseBodyContent();
    return io.ohkay.schemas.json.Json.mapper().readTree(bytes);
  }

  /** Asserts a problem+json answer with this status and stable code; returns the problem. */
  static JsonNode assertProblem(
      WebTestClient.ResponseSpec response, HttpStatus status, String code) {
    var result = response.expectBody().returnResult();
    var request = result.getMethod() + " " + result.getUrl();
    assertThat(result.getStatus().value()).as("status of %s", request).isEqualTo(status.value());
    assertThat(result.getResponseHeaders().getContentType())
        .as("content type of %s", request)
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    var body = io.ohkay.schemas.json.Json.mapper().readTree(result.getResponseBodyContent());
    assertThat(body.get("code").asString()).as("code of %s", request).isEqualTo(code);
    assertThat(body.get("status").asInt())
        .as("status field of %s", request)
        .isEqualTo(status.value());
    return body;
  }
}
