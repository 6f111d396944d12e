package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ohkay.schemas.id.ServerId;
import org.jspecify.annotations.Nullable;

/** {@code server.updated.v1}: the server's name and description are now these. */
public record ServerUpdated(
    ServerId serverId,
    String name,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String description)
    implements ServerEvent {}
