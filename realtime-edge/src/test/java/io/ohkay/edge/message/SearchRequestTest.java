package io.ohkay.edge.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchRequestTest {

  private static MultiValueMap<String, String> query(String... pairs) {
    var params = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.add(pairs[i], pairs[i + 1]);
    }
    return params;
  }

  private static void assertRefused(String... pairs) {
    assertRefused(ErrorCode.VALIDATION_FAILED, pairs);
  }

  private static void assertRefused(ErrorCode code, String... pairs) {
    assertThatThrownBy(() -> SearchRequest.from(query(pairs)))
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(code));
  }

  @Test
  void shouldReadQueryAndDefaultLimitWhenOnlyQIsGiven() {
    assertThat(SearchRequest.from(query("q", "hello world")))
        .isEqualTo(new SearchRequest("hello world", 25));
    assertThat(SearchRequest.from(query("q", "x".repeat(200), "limit", "100")))
        .isEqualTo(new SearchRequest("x".repeat(200), 100));
  }

  @Test
  void shouldRefuseWithValidationFailedWhenQIsMissingBlankOrTooLong() {
    assertRefused();
    assertRefused("q", "");
    assertRefused("q", "   ");
    assertRefused("q", "x".repeat(201));
    assertRefused("q", "a", "q", "b");
  }

  @Test
  void shouldRefuseWithInvalidCursorAsEveryPageDoesWhenLimitIsOutOfRange() {
    for (var limit : new String[] {"0", "101", "-1", "", "abc"}) {
      assertRefused(ErrorCode.INVALID_CURSOR, "q", "hello", "limit", limit);
    }
  }
}
