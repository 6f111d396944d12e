package io.ohkay.schemas.signal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A value of {@code ohkay.ephemeral}: a short-lived fact only live readers care about. The {@code
 * type} field names it ({@code presence.v1}, {@code typing.v1}). Readers skip a type they do not
 * know.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Presence.class, name = "presence.v1"),
  @JsonSubTypes.Type(value = Typing.class, name = "typing.v1")
})
public sealed interface Signal permits Presence, Typing {

  /** The record key on {@code ohkay.ephemeral}: the user, server or conversation it is about. */
  @JsonIgnore
  String key();
}
