package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;

/** Commands decided by one server's aggregate, on {@code ohkay.server.commands} keyed by it. */
public sealed interface ServerCommand extends CommandPayload
    permits CreateServer,
        PostMessage,
        CreateInvite,
        AcceptInvite,
        LeaveServer,
        KickMember,
        BanMember,
        UnbanMember,
        RemoveMember,
        CreateChannel,
        RenameChannel,
        MoveChannel,
        DeleteChannel,
        CreateRole,
        UpdateRole,
        DeleteRole,
        AssignRole,
        UnassignRole,
        SetChannelOverwrite,
        RemoveChannelOverwrite,
        UpdateServer,
        DeleteServer,
        EditMessage,
        DeleteMessage,
        MarkChannelRead {

  /** The server that decides the command; the record key. */
  ServerId serverId();
}
