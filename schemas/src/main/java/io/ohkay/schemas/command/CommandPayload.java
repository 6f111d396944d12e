package io.ohkay.schemas.command;

/** The intent itself, without its envelope; its type string is {@link CommandTypes#typeOf}. */
public sealed interface CommandPayload permits UserCommand, ServerCommand, DmCommand {}
