package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import java.util.Objects;

/** {@code invite.accept.v1}: the actor joins the server through an invite code. */
public record AcceptInvite(ServerId serverId, String code) implements ServerCommand {

  public AcceptInvite {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(code, "code");
  }
}
