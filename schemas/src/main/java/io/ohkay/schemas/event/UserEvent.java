package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ohkay.schemas.id.UserId;
import java.util.UUID;

/** Facts about accounts, on {@code ohkay.auth.events} keyed by user id. */
public sealed interface UserEvent extends EventPayload
    permits UserRegistered,
        SessionStarted,
        SessionRefreshed,
        SessionRevoked,
        SigninFailed,
        ProfileUpdated,
        UserDeleted,
        NotificationsRead {

  /** The account the fact belongs to. */
  UserId userId();

  @Override
  @JsonIgnore
  default UUID aggregateId() {
    return userId().value();
  }
}
