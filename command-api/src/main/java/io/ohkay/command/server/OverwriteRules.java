package io.ohkay.command.server;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.RemoveChannelOverwrite;
import io.ohkay.schemas.command.SetChannelOverwrite;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelOverwriteRemoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;

/**
 * Channel overwrites: set (replacing the target's previous one) and remove. Both need
 * MANAGE_CHANNELS in the channel; a non-administrator may only allow or deny permissions they hold
 * there, so an overwrite never raises anyone above its author.
 */
final class OverwriteRules {

  private OverwriteRules() {}

  static Decision set(SetChannelOverwrite command, UserId actor, ServerState state) {
    var channel = command.channelId();
    var refusal = Guards.holdsIn(actor, channel, Permission.MANAGE_CHANNELS, state);
    if (refusal != null) {
      return refusal;
    }
    var target = command.targetId();
    if (command.targetType() == OverwriteTarget.ROLE && state.rolePermissions(target) == null) {
      return Decision.reject(ErrorCode.ROLE_NOT_FOUND, "No such role.");
    }
    if (command.targetType() == OverwriteTarget.MEMBER && !state.isMember(new UserId(target))) {
      return Decision.reject(ErrorCode.MEMBER_NOT_FOUND, "No such member.");
    }
    var touched = PermissionSet.of(command.allow()).with(PermissionSet.of(command.deny()));
    refusal = Guards.grantable(touched, state.permissionsIn(actor, channel));
    if (refusal != null) {
      return refusal;
    }
    return Decision.accept(
        new ChannelOverwriteSet(
            command.serverId(),
            channel,
            command.targetType(),
            target,
            PermissionSet.of(command.allow()).toList(),
            PermissionSet.of(command.deny()).toList()));
  }

  static Decision remove(RemoveChannelOverwrite command, UserId actor, ServerState state) {
    var channel = command.channelId();
    var refusal = Guards.holdsIn(actor, channel, Permission.MANAGE_CHANNELS, state);
    if (refusal != null) {
      return refusal;
    }
    if (!state.hasOverwrite(channel, command.targetId())) {
      return Decision.reject(ErrorCode.NOT_FOUND, "This channel has no overwrite for the target.");
    }
    return Decision.accept(
        new ChannelOverwriteRemoved(command.serverId(), channel, command.targetId()));
  }
}
