package io.ohkay.schemas.event;

import io.ohkay.schemas.id.UserId;

/**
 * {@code user.deleted.v1}: the account is gone. Every session of it is revoked, its profile and
 * e-mail are erased, and its messages stay with a deleted author. The last fact of the aggregate.
 */
public record UserDeleted(UserId userId) implements UserEvent {}
