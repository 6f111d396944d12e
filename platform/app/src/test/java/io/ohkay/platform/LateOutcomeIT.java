package io.ohkay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.command.token.AccessTokenIssuer;
import io.ohkay.platform.infra.SharedInfrastructure;
import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A write whose outcome is late answers 202 with the command's URL, which later has it. */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ohkay.command-api.outcome-timeout=1ms")
class LateOutcomeIT {

  static final String NAMESPACE = SharedInfrastructure.uniqueName("late");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PlatformTestSupport.register(registry, NAMESPACE);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired AccessTokenIssuer tokens;

  @Test
  void shouldAnswerAcceptedWithTheCommandUrlAndLaterTheOutcomeWhenTheOutcomeIsLate() {
    var http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
    var owner = bearer(new UserId(UUID.randomUUID()));
    var stranger = bearer(new UserId(UUID.randomUUID()));

    var accepted =
        http.post()
            .uri("/api/servers")
            .header(HttpHeaders.AUTHORIZATION, owner)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Late"))
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult();
    var location = accepted.getResponseHeaders().getLocation();
    assertThat(location).isNotNull();
    assertThat(location.getPath()).startsWith("/api/commands/");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var outcome =
                  Api.json(
                      http.get()
                          .uri(location.getPath())
                          .header(HttpHeaders.AUTHORIZATION, owner)
                          .exchange()
                          .expectStatus()
                          .isOk());
              assertThat(outcome.get("status").asString()).isEqualTo("ACCEPTED");
              assertThat(outcome.get("events").get(0).get("type").asString())
                  .isEqualTo("server.created.v1");
            });
    Api.assertProblem(
        http.get().uri(location.getPath()).header(HttpHeaders.AUTHORIZATION, stranger).exchange(),
        HttpStatus.NOT_FOUND,
        "NOT_FOUND");
    Api.assertProblem(
        http.get()
            .uri("/api/commands/" + UUID.randomUUID())
            .header(HttpHeaders.AUTHORIZATION, owner)
            .exchange(),
        HttpStatus.NOT_FOUND,
        "NOT_FOUND");
  }

  private String bearer(UserId user) {
    return "Bearer " + tokens.issue(user, new SessionId(UUID.randomUUID())).token();
  }
}
