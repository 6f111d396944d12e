package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;

/** {@code invite.accept.v1}: the actor joins the server through an invite code. */
public record AcceptInvite(ServerId serverId, String code) implements ServerCommand {}
