package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code notifications.mark-read.v1}: the user has read one of their notifications, or (null) all
 * of them up to now.
 */
public record MarkNotificationsRead(UserId userId, @Nullable UUID notificationId)
    implements AccountCommand {}
