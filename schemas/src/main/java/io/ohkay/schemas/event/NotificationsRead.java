package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code notifications.read.v1}: the user read the notification {@code notificationId}, or (null)
 * every notification of theirs that occurred up to this fact's occurredAt. Notifications are
 * projected from the server events, so this fact may be applied before the notification it names.
 */
public record NotificationsRead(
    UserId userId, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable UUID notificationId)
    implements UserEvent {}
