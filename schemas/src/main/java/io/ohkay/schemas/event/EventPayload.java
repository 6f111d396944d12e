package io.ohkay.schemas.event;

/** The fact itself, without its envelope; its type string is {@link EventTypes#typeOf}. */
public sealed interface EventPayload permits UserEvent, ServerEvent {}
