package io.ohkay.command;

import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.command.web.CommandIds;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Calls write routes as signed-in users do (a fresh access token each), and checks problems. */
public final class RouteClient {

  private final WebTestClient client;
  private final AccessTokenIssuer issuer;

  public RouteClient(RouterFunction<ServerResponse> routes, AccessTokenIssuer issuer) {
    this.client =
        WebTestClient.bindToRouterFunction(routes)
            .configureClient()
            .responseTimeout(Duration.ofSeconds(40))
            .build();
    this.issuer = issuer;
  }

  /** {@code method path} by {@code caller}, with {@code json} as the body unless null. */
  public WebTestClient.ResponseSpec call(
      UserId caller, String method, String path, @Nullable String json) {
    return call(caller, method, path, json, null);
  }

  /** As {@link #call(UserId, String, String, String)}, with an {@code Idempotency-Key} if any. */
  public WebTestClient.ResponseSpec call(
      UserId caller,
      String method,
      String path,
      @Nullable String json,
      @Nullable String idempotencyKey) {
    var token = issuer.issue(caller, new SessionId(UUID.randomUUID())).token();
    var request =
        client
            .method(HttpMethod.valueOf(method))
            .uri(path)
            .header("Authorization", "Bearer " + token);
    if (idempotencyKey != null) {
      request = request.header(CommandIds.IDEMPOTENCY_KEY, idempotencyKey);
    }
    if (json == null) {
      return request.exchange();
    }
    return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  /** {@code method path} with no access token at all. */
  public WebTestClient.ResponseSpec anonymous(String method, String path) {
    return client.method(HttpMethod.valueOf(method)).uri(path).exchange();
  }

  /** Expects a problem+json of {@code status} with the stable {@code code}. */
  public static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(code);
  }
}
