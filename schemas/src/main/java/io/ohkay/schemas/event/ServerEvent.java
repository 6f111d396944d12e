package io.ohkay.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ohkay.schemas.id.ServerId;
import java.util.UUID;

/** Facts about one server, on {@code ohkay.server.events} keyed by server id. */
public sealed interface ServerEvent extends EventPayload
    permits ServerCreated,
        ChannelCreated,
        MemberJoined,
        MessagePosted,
        InviteCreated,
        InviteAccepted,
        MemberLeft,
        MemberBanned,
        MemberUnbanned,
        ChannelRenamed,
        ChannelMoved,
        ChannelDeleted,
        RoleCreated,
        RoleUpdated,
        RoleDeleted,
        MemberRoleAdded,
        MemberRoleRemoved,
        ChannelOverwriteSet,
        ChannelOverwriteRemoved,
        ServerUpdated,
        ServerDeleted,
        MessageEdited,
        MessageDeleted,
        MembersMentioned,
        MemberKicked,
        ChannelRead,
        InviteSent {

  /** The server the fact belongs to; equal to the envelope's aggregate id. */
  ServerId serverId();

  @Override
  @JsonIgnore
  default UUID aggregateId() {
    return serverId().value();
  }
}
