package io.ohkay.schemas.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A value of {@code ohkay.ephemeral}: a short-lived fact only live readers care about. The {@code
 * type} field names it ({@code presence.v1}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = Presence.class, name = "presence.v1"))
public sealed interface Signal permits Presence {}
