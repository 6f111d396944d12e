package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.util.List;

/**
 * {@code members.mentioned.v1}: the message just posted mentions these members ({@code <@userId>}
 * in its content), each able to view the channel and none of them its author. Each becomes a
 * notification.
 */
public record MembersMentioned(
    ServerId serverId, ChannelId channelId, MessageId messageId, List<UserId> userIds)
    implements ServerEvent {

  public MembersMentioned {
    userIds = List.copyOf(userIds);
  }
}
