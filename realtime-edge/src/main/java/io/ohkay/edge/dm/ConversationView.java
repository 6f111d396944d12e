package io.ohkay.edge.dm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of the caller's conversations as their list shows it.
 *
 * @param recipient the other participant
 * @param lastMessage the newest message (a tombstone when deleted), null before the first
 * @param unreadCount the other participant's messages, not deleted, after the caller's last read
 * @param lastActivityAt the newest message's time, else the opening time: the list's order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ConversationView(
    UUID id,
    Recipient recipient,
    @Nullable DmMessageView lastMessage,
    long unreadCount,
    Instant lastActivityAt) {

  /** The display name of a recipient whose account was deleted (its profile is gone). */
  static final String DELETED_USER = "Deleted user";

  /** The other participant as their profile shows them. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Recipient(UUID id, String displayName, @Nullable String avatarUrl) {

    /** A recipient without a profile: a deleted account. */
    static Recipient deleted(UUID id) {
      return new Recipient(id, DELETED_USER, null);
    }
  }
}
