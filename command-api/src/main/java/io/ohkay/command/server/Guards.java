package io.ohkay.command.server;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import org.jspecify.annotations.Nullable;

/**
 * The refusals every server rule shares, each null when the actor passes. Non-members learn nothing
 * (SERVER_NOT_FOUND), a channel one cannot view does not exist (CHANNEL_NOT_FOUND), and a member
 * lacking a permission is told so (MISSING_PERMISSION).
 */
final class Guards {

  private Guards() {}

  /** Refused unless {@code actor} is a member of the (live) server. */
  static @Nullable Decision member(UserId actor, ServerState state) {
    return state.isMember(actor) ? null : serverNotFound();
  }

  /** Refused unless {@code actor} is a member holding {@code permission} server-wide. */
  static @Nullable Decision holds(UserId actor, Permission permission, ServerState state) {
    var refusal = member(actor, state);
    if (refusal == null && !state.permissions(actor).has(permission)) {
      return missing(permission);
    }
    return refusal;
  }

  /**
   * Refused unless {@code actor} is a member who can view {@code channel} and holds {@code
   * permission} in it (null: viewing is enough).
   */
  static @Nullable Decision holdsIn(
      UserId actor, ChannelId channel, @Nullable Permission permission, ServerState state) {
    var refusal = member(actor, state);
    if (refusal != null) {
      return refusal;
    }
    if (!state.canView(actor, channel)) {
      return Decision.reject(ErrorCode.CHANNEL_NOT_FOUND, "No such channel.");
    }
    if (permission != null && !state.permissionsIn(actor, channel).has(permission)) {
      return missing(permission);
    }
    return null;
  }

  /** Refused unless {@code actor} holds every permission of {@code granted} ({@code held}). */
  static @Nullable Decision grantable(PermissionSet granted, PermissionSet held) {
    return held.containsAll(granted)
        ? null
        : Decision.reject(
            ErrorCode.MISSING_PERMISSION, "You may only grant permissions you hold yourself.");
  }

  static Decision serverNotFound() {
    return Decision.reject(ErrorCode.SERVER_NOT_FOUND, "No such server.");
  }

  static Decision missing(Permission permission) {
    return Decision.reject(ErrorCode.MISSING_PERMISSION, "This needs " + permission + ".");
  }
}
