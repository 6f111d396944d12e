package io.ohkay.edge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.QueryParams;
import io.ohkay.schemas.error.ErrorCode;
import java.util.Collections;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class PresenceHandlerTest {

  @Test
  void shouldReadIdleOrOnlineWhenTheBodySaysSo() {
    assertThat(PresenceHandler.isIdle("{\"status\":\"idle\"}")).isTrue();
    assertThat(PresenceHandler.isIdle("{\"status\":\"online\"}")).isFalse();
  }

  @Test
  void shouldRefuseWhenTheBodyIsNotJsonOrTheStatusAnythingElse() {
    assertRefused(() -> PresenceHandler.isIdle("{\"status\":"), ErrorCode.MALFORMED_JSON);
    for (var body :
        new String[] {
          "{\"status\":\"offline\"}", "{\"status\":\"IDLE\"}", "{\"status\":true}", "{}", "[]"
        }) {
      assertRefused(() -> PresenceHandler.isIdle(body), ErrorCode.VALIDATION_FAILED);
    }
  }

  @Test
  void shouldReadTheDistinctIdsInOrderWhenAtMostAHundred() {
    var a = UUID.randomUUID();
    var b = UUID.randomUUID();

    assertThat(PresenceHandler.userIds(params(a + ", " + b + "," + a))).containsExactly(a, b);
    var hundred = IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID().toString()).toList();
    assertThat(PresenceHandler.userIds(params(String.join(",", hundred)))).hasSize(100);
  }

  @Test
  void shouldRefuseWhenIdsAreMissingTooManyOrNotUuids() {
    var many =
        IntStream.range(0, 101)
            .mapToObj(i -> UUID.randomUUID().toString())
            .collect(Collectors.joining(","));

    assertRefused(() -> PresenceHandler.userIds(params(many)), ErrorCode.VALIDATION_FAILED);
    assertRefused(() -> PresenceHandler.userIds(params("")), ErrorCode.VALIDATION_FAILED);
    assertRefused(
        () ->
            PresenceHandler.userIds(
                new QueryParams(new LinkedMultiValueMap<>(), ErrorCode.VALIDATION_FAILED)),
        ErrorCode.VALIDATION_FAILED);
    assertRefused(
        () -> PresenceHandler.userIds(params(UUID.randomUUID() + ",x")), ErrorCode.INVALID_ID);
  }

  private static QueryParams params(String userIds) {
    var map = new LinkedMultiValueMap<String, String>();
    map.put("userIds", Collections.singletonList(userIds));
    return new QueryParams(map, ErrorCode.VALIDATION_FAILED);
  }

  private static void assertRefused(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(code));
  }
}
