package io.ohkay.schemas.event;

import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.UUID;

/**
 * {@code channel.overwrite.set.v1}: in the channel, the role or member {@code targetId} is denied
 * {@code deny} and allowed {@code allow} on top of their server-wide permissions (replacing any
 * previous overwrite of that target).
 */
public record ChannelOverwriteSet(
    ServerId serverId,
    ChannelId channelId,
    OverwriteTarget targetType,
    UUID targetId,
    List<Permission> allow,
    List<Permission> deny)
    implements ServerEvent {

  public ChannelOverwriteSet {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }
}
