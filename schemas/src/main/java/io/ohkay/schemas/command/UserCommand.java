package io.ohkay.schemas.command;

/**
 * Account commands, on {@code ohkay.auth.commands}: those about an e-mail address are keyed by the
 * normalized address, the others by user id.
 */
public sealed interface UserCommand extends CommandPayload permits EmailCommand, AccountCommand {}
