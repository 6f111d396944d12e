package io.ohkay.edge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class PageRequestTest {

  private static MultiValueMap<String, String> query(String... pairs) {
    var params = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.add(pairs[i], pairs[i + 1]);
    }
    return params;
  }

  private static void assertRefused(ErrorCode code, String... pairs) {
    assertThatThrownBy(() -> PageRequest.from(query(pairs)))
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(code));
  }

  @Test
  void shouldReadTheLatestFiftyWhenNothingIsAsked() {
    assertThat(PageRequest.from(query())).isEqualTo(new PageRequest(new PageCursor.Latest(), 50));
  }

  @Test
  void shouldReadTheCursorAndLimitWhenGiven() {
    var id = UUID.randomUUID();

    assertThat(PageRequest.from(query("before", id.toString(), "limit", "1")))
        .isEqualTo(new PageRequest(new PageCursor.Before(id), 1));
    assertThat(PageRequest.from(query("after", id.toString(), "limit", "100")))
        .isEqualTo(new PageRequest(new PageCursor.After(id), 100));
    assertThat(PageRequest.from(query("around", id.toString(), "limit", "7")))
        .isEqualTo(new PageRequest(new PageCursor.Around(id), 7));
  }

  @Test
  void shouldRefuseWithInvalidCursorWhenLimitIsOutOfRange() {
    for (var limit : new String[] {"0", "101", "-1", "1e2", "", "abc", "0050x", "9999"}) {
      assertRefused(ErrorCode.INVALID_CURSOR, "limit", limit);
    }
    assertRefused(ErrorCode.INVALID_CURSOR, "limit", "5", "limit", "6");
  }

  @Test
  void shouldRefuseWithInvalidCursorWhenMoreThanOneCursorIsAsked() {
    var id = UUID.randomUUID().toString();

    assertRefused(ErrorCode.INVALID_CURSOR, "before", id, "after", id);
    assertRefused(ErrorCode.INVALID_CURSOR, "around", id, "after", id);
    assertRefused(ErrorCode.INVALID_CURSOR, "before", id, "around", id);
  }

  @Test
  void shouldRefuseWithInvalidIdWhenTheCursorIsNotAUuid() {
    assertRefused(ErrorCode.INVALID_ID, "before", "1-1-1-1-1");
    assertRefused(ErrorCode.INVALID_ID, "after", "");
    assertRefused(ErrorCode.INVALID_ID, "around", "x");
  }
}
