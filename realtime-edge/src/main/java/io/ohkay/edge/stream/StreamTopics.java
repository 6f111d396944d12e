package io.ohkay.edge.stream;

import io.ohkay.schemas.topic.Topics;
import java.util.List;

/**
 * The events topics a stream is made of, full names.
 *
 * @param servers server events: to the members allowed to see them
 * @param accounts account events: profile updates, revocations
 * @param dms direct-message events: to the users each event names
 */
record StreamTopics(String servers, String accounts, String dms) {

  /** The topics in the namespace {@code prefix}. */
  static StreamTopics in(String prefix) {
    return new StreamTopics(
        Topics.SERVER_EVENTS.in(prefix),
        Topics.AUTH_EVENTS.in(prefix),
        Topics.DM_EVENTS.in(prefix));
  }

  List<String> all() {
    return List.of(servers, accounts, dms);
  }
}
