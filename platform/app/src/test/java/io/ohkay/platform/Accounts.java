package io.ohkay.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The account endpoints, for tests: each call returns the raw response to assert on. */
final class Accounts {

  private final WebTestClient http;

  Accounts(WebTestClient http) {
    this.http = http;
  }

  /** A session's tokens as the client holds them. */
  record Session(UUID userId, UUID sessionId, String accessToken, String refreshToken) {

    String bearer() {
      return "Bearer " + accessToken;
    }

    static Session of(JsonNode body, UUID userId) {
      return new Session(
          userId,
          UUID.fromString(body.get("sessionId").asString()),
          body.get("accessToken").asString(),
          body.get("refreshToken").asString());
    }
  }

  WebTestClient.ResponseSpec signup(String email, String password) {
    return post(
        "/api/auth/signup",
        null,
        Map.of("email", email, "password", password, "displayName", "Someone"));
  }

  Session signedUp(String email, String password) {
    var body = Api.json(signup(email, password).expectStatus().isCreated());
    return Session.of(body, UUID.fromString(body.get("user").get("id").asString()));
  }

  WebTestClient.ResponseSpec signin(String email, String password) {
    return post("/api/auth/signin", null, Map.of("email", email, "password", password));
  }

  Session signedIn(String email, String password) {
    var body = Api.json(signin(email, password).expectStatus().isOk());
    return Session.of(body, UUID.fromString(body.get("user").get("id").asString()));
  }

  WebTestClient.ResponseSpec refresh(String refreshToken) {
    return post("/api/auth/refresh", null, Map.of("refreshToken", refreshToken));
  }

  Session refreshed(Session session) {
    var body = Api.json(refresh(session.refreshToken()).expectStatus().isOk());
    return Session.of(body, session.userId());
  }

  WebTestClient.ResponseSpec signout(String bearer) {
    return post("/api/auth/signout", bearer, Map.of());
  }

  WebTestClient.ResponseSpec updateProfile(
      String bearer, String displayName, @Nullable String avatarUrl, @Nullable String bio) {
    var body = new LinkedHashMap<String, Object>();
    body.put("displayName", displayName);
    body.put("avatarUrl", avatarUrl);
    body.put("bio", bio);
    return http.put()
        .uri("/api/profiles/me")
        .header(HttpHeaders.AUTHORIZATION, bearer)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  WebTestClient.ResponseSpec deleteAccount(String bearer, String password) {
    return http.method(org.springframework.http.HttpMethod.DELETE)
        .uri("/api/profiles/me")
        .header(HttpHeaders.AUTHORIZATION, bearer)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("password", password))
        .exchange();
  }

  /** {@code GET path} with this bearer, optionally after a position. */
  WebTestClient.ResponseSpec get(String path, String bearer, @Nullable String minPosition) {
    var request = http.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer);
    if (minPosition != null) {
      request = request.header("X-Ohkay-Min-Position", minPosition);
    }
    return request.exchange();
  }

  private WebTestClient.ResponseSpec post(String path, @Nullable String bearer, Object body) {
    var request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (bearer != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, bearer);
    }
    return request.bodyValue(body).exchange();
  }
}
