package io.ohkay.edge.web;

import io.ohkay.schemas.error.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Query parameters read strictly: a parameter sent twice is refused rather than one of its values
 * picked, a limit is digits only. A bad {@code limit} is always {@code INVALID_CURSOR} (the code of
 * "the cursor or limit is not valid"); the other parameters are refused with {@code code}.
 *
 * @param params the request's query parameters
 * @param code what a bad parameter other than {@code limit} is answered with (INVALID_CURSOR for
 *     the cursors of pages, VALIDATION_FAILED for anything else)
 */
public record QueryParams(MultiValueMap<String, String> params, ErrorCode code) {

  /** The one value of {@code name}, null when absent. */
  public @Nullable String single(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw refusal("Send " + name + " once.");
    }
    return values.getFirst();
  }

  /** The one value of {@code name} as a UUID ({@code INVALID_ID} otherwise), null when absent. */
  public @Nullable UUID id(String name) {
    var text = single(name);
    return text == null ? null : RequestIds.parse(text, name);
  }

  /** {@code limit}: {@code fallback} when absent, else a number from 1 to {@code max}. */
  public int limit(int fallback, int max) {
    var text = new QueryParams(params, ErrorCode.INVALID_CURSOR).single("limit");
    if (text == null) {
      return fallback;
    }
    var digits = !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(Character::isDigit);
    var limit = digits ? Integer.parseInt(text) : 0;
    if (limit < 1 || limit > max) {
      throw new ProblemException(
          ErrorCode.INVALID_CURSOR, "limit must be a number from 1 to " + max + ".");
    }
    return limit;
  }

  /** A refusal of this request's parameters. */
  public ProblemException refusal(String detail) {
    return new ProblemException(code, detail);
  }
}
