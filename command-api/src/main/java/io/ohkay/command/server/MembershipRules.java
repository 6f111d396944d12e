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
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberKicked;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The membership decisions of a server: invites (CREATE_INVITES; one naming an invitee is also sent
 * to them), joining, leaving, kicks (KICK_MEMBERS) and bans (BAN_MEMBERS). The owner can be none of
 * left, kicked or banned, and only an administrator may kick or ban an administrator. Every
 * membership change tells the member's account (a follow-up), so a deleted account's memberships
 * end.
 */
final class MembershipRules {

  private MembershipRules() {}

  static Decision invite(CreateInvite command, UserId actor, ServerState state) {
    var refusal = Guards.holds(actor, Permission.CREATE_INVITES, state);
    if (refusal != null) {
      return refusal;
    }
    if (state.invites().containsKey(command.code())) {
      return Decision.reject(ErrorCode.VALIDATION_FAILED, "This invite code is taken.");
    }
    var events = new ArrayList<EventPayload>();
    events.add(
        new InviteCreated(
            command.serverId(), command.code(), actor, command.expiresAt(), command.maxUses()));
    if (command.inviteeId() != null) {
      events.add(new InviteSent(command.serverId(), command.code(), actor, command.inviteeId()));
    }
    return new Decision.Accept(events, List.of());
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
    var refusal = moderation(actor, Permission.KICK_MEMBERS, command.userId(), state);
    if (refusal != null) {
      return refusal;
    }
    if (!state.isMember(command.userId())) {
      return Decision.reject(ErrorCode.MEMBER_NOT_FOUND, "No such member.");
    }
    var server = command.serverId();
    return new Decision.Accept(
        List.of(
            new MemberKicked(server, command.userId(), command.reason()),
            new MemberLeft(server, command.userId(), MemberLeft.Reason.KICKED)),
        List.of(noted(command.userId(), server, false)));
  }

  static Decision ban(BanMember command, UserId actor, ServerState state) {
    var refusal = moderation(actor, Permission.BAN_MEMBERS, command.userId(), state);
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
    var refusal = moderation(actor, Permission.BAN_MEMBERS, command.userId(), state);
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
      case MemberJoined joined -> state.withMember(joined.userId(), true);
      case MemberLeft left -> state.withMember(left.userId(), false);
      case MemberBanned banned -> state.withBan(banned.userId(), true);
      case MemberUnbanned unbanned -> state.withBan(unbanned.userId(), false);
      case InviteCreated created ->
          state.withInvite(
              created.code(), new ServerState.Invite(created.expiresAt(), created.maxUses(), 0));
      case InviteAccepted accepted -> state.withInviteUsed(accepted.code());
      default -> state;
    };
  }

  /**
   * A moderation refusal, or null when {@code actor} holds {@code permission} and may moderate
   * {@code target}: never the owner, and an administrator only if an administrator too.
   */
  private static @Nullable Decision moderation(
      UserId actor, Permission permission, UserId target, ServerState state) {
    var refusal = Guards.holds(actor, permission, state);
    if (refusal != null) {
      return refusal;
    }
    if (state.isOwner(target)) {
      return ownerStays();
    }
    var admin = Permission.ADMINISTRATOR;
    if (state.isMember(target)
        && state.permissions(target).has(admin)
        && !state.permissions(actor).has(admin)) {
      return Decision.reject(
          ErrorCode.MISSING_PERMISSION, "Only an administrator may moderate an administrator.");
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
    return Guards.serverNotFound();
  }

  private static Decision ownerStays() {
    return Decision.reject(
        ErrorCode.OWNER_CANNOT_LEAVE, "The owner cannot leave, be kicked or be banned.");
  }
}
