package io.ohkay.edge.message;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * A message search as the query string asks for it: {@code q}, 1 to 200 characters with at least
 * one that is not blank (web search syntax: words, {@code "phrases"}, {@code or}, {@code -word}),
 * and {@code limit} from 1 to 100, 25 by default. Anything else is {@code VALIDATION_FAILED}.
 */
record SearchRequest(String query, int limit) {

  static final int MAX_QUERY_LENGTH = 200;
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;

  static SearchRequest from(MultiValueMap<String, String> params) {
    var query = single(params, "q");
    if (query == null || query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
      throw invalid("q must be 1 to " + MAX_QUERY_LENGTH + " characters.");
    }
    return new SearchRequest(query, limit(single(params, "limit")));
  }

  private static int limit(@Nullable String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      throw invalid("limit must be a number from 1 to " + MAX_LIMIT + ".");
    }
    var limit = Integer.parseInt(text);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalid("limit must be a number from 1 to " + MAX_LIMIT + ".");
    }
    return limit;
  }

  private static @Nullable String single(MultiValueMap<String, String> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw invalid("Send " + name + " once.");
    }
    return values.getFirst();
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, detail);
  }
}
