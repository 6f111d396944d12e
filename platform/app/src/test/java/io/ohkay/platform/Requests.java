package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Any request as any user, answered as status, problem code and body. Reads carry the position of
 * the last write, so every read sees every write before it.
 */
final class Requests {

  private final WebTestClient http;
  private final Accounts accounts;
  private volatile @Nullable String lastPosition;

  Requests(WebTestClient http) {
    this.http = http;
    this.accounts = new Accounts(http);
  }

  /** What came back: status, the problem code when there is one, the body, the write position. */
  record Answer(int status, @Nullable String code, @Nullable JsonNode body) {

    @Override
    public String toString() {
      return status + (code == null ? "" : " " + code);
    }
  }

  Api.User signedUp(String email) {
    var session = accounts.signedUp(email, "a long enough password");
    return new Api.User(session.userId(), session.accessToken());
  }

  /** A new user whose address starts with {@code name}. */
  Api.User user(String name) {
    return signedUp(name + "-" + UUID.randomUUID() + "@example.com");
  }

  /** The notifications {@code user} lists (first page, newest first). */
  List<JsonNode> notificationsOf(Api.User user) {
    var found = new ArrayList<JsonNode>();
    read(user, "/api/notifications").body().get("notifications").forEach(found::add);
    return found;
  }

  /** A write (or any request) as {@code user}; its position becomes the one reads wait for. */
  Answer send(Api.User user, String method, String path, @Nullable Object body) {
    var request =
        http.method(HttpMethod.valueOf(method))
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, user.bearer());
    var exchange =
        body == null
            ? request.exchange()
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    var result = exchange.expectBody().returnResult();
    var position = result.getResponseHeaders().getFirst("X-Ohkay-Position");
    if (position != null && result.getStatus().is2xxSuccessful()) {
      lastPosition = position;
    }
    return answer(result.getStatus().value(), result.getResponseBodyContent());
  }

  /** A read as {@code user}, once the projections have applied the last write. */
  Answer read(Api.User user, String path) {
    var request = http.get().uri(path).header(HttpHeaders.AUTHORIZATION, user.bearer());
    var position = lastPosition;
    if (position != null) {
      request = request.header("X-Ohkay-Min-Position", position);
    }
    var result = request.exchange().expectBody().returnResult();
    assertThat(result.getResponseHeaders().getFirst("X-Ohkay-Stale")).as("stale read").isNull();
    return answer(result.getStatus().value(), result.getResponseBodyContent());
  }

  /** {@link #send} that must answer {@code status}. */
  Answer ok(Api.User user, String method, String path, @Nullable Object body, int status) {
    var answer = send(user, method, path, body);
    assertThat(answer.status()).as("%s %s answered %s", method, path, answer).isEqualTo(status);
    return answer;
  }

  private static Answer answer(int status, byte @Nullable [] bytes) {
    if (bytes == null || bytes.length == 0) {
      return new Answer(status, null, null);
    }
    var body = Json.mapper().readTree(bytes);
    var code = body.isObject() && body.has("code") ? body.get("code").asString() : null;
    return new Answer(status, code, body);
  }
}
