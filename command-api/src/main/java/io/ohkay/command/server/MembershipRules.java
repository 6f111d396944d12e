package io.ohkay.command.server;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.BanMember;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.command.KickMember;
import io.ohkay.schemas.command.LeaveServer;
import io.ohkay.schemas.command.NoteMembership;
import io.ohkay.schemas.command.RemoveMember;
import io.ohkay.schemas.command.UnbanMember;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The membership decisions of a server: invites, joining, leaving, kicks and bans. Until roles
 * exist, any member may invite and only the owner may kick, ban and unban; the owner can be none of
 * left, kicked or banned. Every membership change tells the member's account (a follow-up), so a
 * deleted account's memberships end.
 */
final class MembershipRules {

  private MembershipRules() {}

  static Decision invite(CreateInvite command, UserId actor, ServerState state) {
    if (!state.isMember(actor)) {
      return notFound();
    }
    if (state.invites().containsKey(command.code())) {
      return Decision.reject(ErrorCode.VALIDATION_FAILED, "This invite code is taken.");
    }
    return Decision.accept(
        new InviteCreated(
            command.serverId(), command.code(), actor, command.expiresAt(), command.maxUses()));
  }

  static Decision accept(AcceptInvite command, UserId actor, Instant at, ServerState state) {
    var invite = state.exists() ? state.invites().get(command.code()) : null;
    if (invite == null || !invite.usableAt(at)) {
      return Decision.reject(ErrorCode.INVITE_NOT_FOUND, "No such invite, or it has expired.");
    }
    if (state.bans().contains(actor)) {
      return Decision.reject(ErrorCode.BANNED, "You are banned from this server.");
    }
    if (state.isMember(actor)) {
      return Decision.reject(ErrorCode.ALREADY_MEMBER, "You are already a member.");
    }
    return new Decision.Accept(
        List.of(
            new InviteAccepted(command.serverId(), command.code(), actor),
            new MemberJoined(command.serverId(), actor)),
        List.of(noted(actor, command.serverId(), true)));
  }

  static Decision leave(LeaveServer command, UserId actor, ServerState state) {
    if (!state.isMember(actor)) {
      return notFound();
    }
    if (state.isOwner(actor)) {
      return ownerStays();
    }
    return left(command.serverId(), actor, MemberLeft.Reason.LEFT);
  }

  static Decision kick(KickMember command, UserId actor, ServerState state) {
    var refusal = moderation(actor, command.userId(), state);
    if (refusal != null) {
      return refusal;
    }
    if (!state.isMember(command.userId())) {
      return Decision.reject(ErrorCode.MEMBER_NOT_FOUND, "No such member.");
    }
    return left(command.serverId(), command.userId(), MemberLeft.Reason.KICKED);
  }

  static Decision ban(BanMember command, UserId actor, ServerState state) {
    var refusal = moderation(actor, command.userId(), state);
    if (refusal != null) {
      return refusal;
    }
    var events = new ArrayList<EventPayload>();
    events.add(new MemberBanned(command.serverId(), command.userId(), command.reason()));
    if (!state.isMember(command.userId())) {
      return new Decision.Accept(events, List.of());
    }
    events.add(new MemberLeft(command.serverId(), command.userId(), MemberLeft.Reason.BANNED));
    return new Decision.Accept(events, List.of(noted(command.userId(), command.serverId(), false)));
  }

  static Decision unban(UnbanMember command, UserId actor, ServerState state) {
    var refusal = moderation(actor, command.userId(), state);
    if (refusal != null) {
      return refusal;
    }
    if (!state.bans().contains(command.userId())) {
      return Decision.reject(ErrorCode.MEMBER_NOT_FOUND, "This user is not banned.");
    }
    return Decision.accept(new MemberUnbanned(command.serverId(), command.userId()));
  }

  /** The account of a member was deleted. An owner's is refused before it gets here. */
  static Decision remove(RemoveMember command, ServerState state) {
    if (!state.isMember(command.userId()) || state.isOwner(command.userId())) {
      return Decision.reject(ErrorCode.MEMBER_NOT_FOUND, "Not a removable member.");
    }
    return Decision.accept(
        new MemberLeft(command.serverId(), command.userId(), MemberLeft.Reason.ACCOUNT_DELETED));
  }

  static ServerState evolve(ServerState state, EventPayload event) {
    return switch (event) {
      case MemberJoined joined -> state.withMember(joined.userId());
      case MemberLeft left -> state.withoutMember(left.userId());
      case MemberBanned banned -> state.withBan(banned.userId(), true);
      case MemberUnbanned unbanned -> state.withBan(unbanned.userId(), false);
      case InviteCreated created ->
          state.withInvite(
              created.code(), new ServerState.Invite(created.expiresAt(), created.maxUses(), 0));
      case InviteAccepted accepted -> state.withInviteUsed(accepted.code());
      default -> state;
    };
  }

  /** A moderation refusal, or null when {@code actor} may moderate {@code target}. */
  private static Decision moderation(UserId actor, UserId target, ServerState state) {
    if (!state.isMember(actor)) {
      return notFound();
    }
    if (!state.isOwner(actor)) {
      return Decision.reject(ErrorCode.MISSING_PERMISSION, "Only the owner may do this.");
    }
    if (state.isOwner(target)) {
      return ownerStays();
    }
    return null;
  }

  private static Decision left(ServerId server, UserId user, MemberLeft.Reason reason) {
    return new Decision.Accept(
        List.of(new MemberLeft(server, user, reason)), List.of(noted(user, server, false)));
  }

  static Decision.FollowUp noted(UserId user, ServerId server, boolean member) {
    return new Decision.FollowUp(user.toString(), new NoteMembership(user, server, member));
  }

  private static Decision notFound() {
    return Decision.reject(ErrorCode.SERVER_NOT_FOUND, "No such server.");
  }

  private static Decision ownerStays() {
    return Decision.reject(
        ErrorCode.OWNER_CANNOT_LEAVE, "The owner cannot leave, be kicked or be banned.");
  }
}
