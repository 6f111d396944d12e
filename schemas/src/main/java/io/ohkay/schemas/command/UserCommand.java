package io.ohkay.schemas.command;

/** Account commands, on {@code ohkay.auth.commands}: registration keyed by normalized e-mail. */
public sealed interface UserCommand extends CommandPayload permits RegisterUser {}
