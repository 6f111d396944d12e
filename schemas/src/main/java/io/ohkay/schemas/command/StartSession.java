package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;

/**
 * {@code session.start.v1}: open a session after the command API verified the password; refused
 * when the account is gone.
 */
public record StartSession(UserId userId, NewSession session) implements AccountCommand {}
