package io.ohkay.schemas.command;

import io.ohkay.schemas.id.UserId;

/** {@code user.delete.v1}: delete the account, after the command API verified the password. */
public record DeleteAccount(UserId userId) implements AccountCommand {}
