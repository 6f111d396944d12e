package io.ohkay.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.UserId;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.reactive.function.server.ServerRequest;

class CommandIdsTest {

  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final String BLOCK = "/api/blocks/" + BOB;

  @Test
  void shouldGiveTheSameIdWhenTheSameRequestIsRetriedWithItsKey() {
    assertThat(CommandIds.of(request(HttpMethod.PUT, BLOCK, "k1"), ALICE))
        .isEqualTo(CommandIds.of(request(HttpMethod.PUT, BLOCK, "k1"), ALICE));
  }

  @Test
  void shouldGiveAnotherIdWhenADeleteReusesThePutsKeyOnTheSamePath() {
    var put = CommandIds.of(request(HttpMethod.PUT, BLOCK, "k1"), ALICE);

    assertThat(CommandIds.of(request(HttpMethod.DELETE, BLOCK, "k1"), ALICE)).isNotEqualTo(put);
  }

  @Test
  void shouldGiveAnotherIdWhenThePathTheCallerOrTheKeyDiffers() {
    var put = CommandIds.of(request(HttpMethod.PUT, BLOCK, "k1"), ALICE);

    assertThat(CommandIds.of(request(HttpMethod.PUT, BLOCK + "x", "k1"), ALICE)).isNotEqualTo(put);
    assertThat(CommandIds.of(request(HttpMethod.PUT, BLOCK, "k1"), BOB)).isNotEqualTo(put);
    assertThat(CommandIds.of(request(HttpMethod.PUT, BLOCK, "k2"), ALICE)).isNotEqualTo(put);
  }

  @Test
  void shouldGiveAFreshIdEachTimeWhenNoKeyIsSent() {
    assertThat(CommandIds.of(request(HttpMethod.PUT, BLOCK, null), ALICE))
        .isNotEqualTo(CommandIds.of(request(HttpMethod.PUT, BLOCK, null), ALICE));
  }

  @Test
  void shouldRefuseTheKeyWhenItIsBlankOrTooLong() {
    for (var key : new String[] {" ", "k".repeat(201)}) {
      assertThatThrownBy(() -> CommandIds.of(request(HttpMethod.PUT, BLOCK, key), ALICE))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
  }

  private static ServerRequest request(HttpMethod method, String path, @Nullable String key) {
    var request = MockServerRequest.builder().method(method).uri(URI.create(path));
    if (key != null) {
      request.header(CommandIds.IDEMPOTENCY_KEY, key);
    }
    return request.build();
  }
}
