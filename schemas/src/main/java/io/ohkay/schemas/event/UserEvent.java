package io.ohkay.schemas.event;

/** Facts about accounts, on {@code ohkay.auth.events} keyed by user id. */
public sealed interface UserEvent extends EventPayload permits UserRegistered {}
