package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;

/**
 * {@code email.release.v1}, keyed by the normalized e-mail: the account {@code userId} was deleted,
 * so its address is free again. Sent by the account decider, never by a client.
 */
public record ReleaseEmail(String email, UserId userId) implements EmailCommand {}
