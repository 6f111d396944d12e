package io.ohkay.schemas.command;

import java.util.Map;
import java.util.Optional;

/** The catalogue of command type strings. */
public final class CommandTypes {

  public static final String REGISTER_USER = "user.register.v1";
  public static final String RELEASE_EMAIL = "email.release.v1";
  public static final String OPEN_ACCOUNT = "user.open.v1";
  public static final String START_SESSION = "session.start.v1";
  public static final String REFRESH_SESSION = "session.refresh.v1";
  public static final String REVOKE_SESSION = "session.revoke.v1";
  public static final String RECORD_SIGNIN_FAILURE = "signin.record-failure.v1";
  public static final String UPDATE_PROFILE = "profile.update.v1";
  public static final String DELETE_ACCOUNT = "user.delete.v1";
  public static final String CREATE_INVITE = "invite.create.v1";
  public static final String ACCEPT_INVITE = "invite.accept.v1";
  public static final String LEAVE_SERVER = "member.leave.v1";
  public static final String KICK_MEMBER = "member.kick.v1";
  public static final String BAN_MEMBER = "member.ban.v1";
  public static final String UNBAN_MEMBER = "member.unban.v1";
  public static final String REMOVE_MEMBER = "member.remove.v1";
  public static final String NOTE_MEMBERSHIP = "account.note-membership.v1";
  public static final String MARK_NOTIFICATIONS_READ = "notifications.mark-read.v1";
  public static final String CREATE_CHANNEL = "channel.create.v1";
  public static final String RENAME_CHANNEL = "channel.rename.v1";
  public static final String MOVE_CHANNEL = "channel.move.v1";
  public static final String DELETE_CHANNEL = "channel.delete.v1";
  public static final String CREATE_SERVER = "server.create.v1";
  public static final String POST_MESSAGE = "message.post.v1";
  public static final String CREATE_ROLE = "role.create.v1";
  public static final String UPDATE_ROLE = "role.update.v1";
  public static final String DELETE_ROLE = "role.delete.v1";
  public static final String ASSIGN_ROLE = "member.role.assign.v1";
  public static final String UNASSIGN_ROLE = "member.role.unassign.v1";
  public static final String SET_CHANNEL_OVERWRITE = "channel.overwrite.set.v1";
  public static final String REMOVE_CHANNEL_OVERWRITE = "channel.overwrite.remove.v1";
  public static final String UPDATE_SERVER = "server.update.v1";
  public static final String DELETE_SERVER = "server.delete.v1";
  public static final String EDIT_MESSAGE = "message.edit.v1";
  public static final String DELETE_MESSAGE = "message.delete.v1";
  public static final String MARK_CHANNEL_READ = "channel.mark-read.v1";
  public static final String OPEN_CONVERSATION = "dm.open.v1";
  public static final String SEND_DIRECT_MESSAGE = "dm.message.send.v1";
  public static final String DELETE_DIRECT_MESSAGE = "dm.message.delete.v1";
  public static final String MARK_CONVERSATION_READ = "dm.mark-read.v1";
  public static final String BLOCK_USER = "dm.block.v1";
  public static final String UNBLOCK_USER = "dm.unblock.v1";

  private static final Map<String, Class<? extends CommandPayload>> CLASSES =
      Map.ofEntries(
          Map.entry(REGISTER_USER, RegisterUser.class),
          Map.entry(RELEASE_EMAIL, ReleaseEmail.class),
          Map.entry(OPEN_ACCOUNT, OpenAccount.class),
          Map.entry(START_SESSION, StartSession.class),
          Map.entry(REFRESH_SESSION, RefreshSession.class),
          Map.entry(REVOKE_SESSION, RevokeSession.class),
          Map.entry(RECORD_SIGNIN_FAILURE, RecordSigninFailure.class),
          Map.entry(UPDATE_PROFILE, UpdateProfile.class),
          Map.entry(DELETE_ACCOUNT, DeleteAccount.class),
          Map.entry(CREATE_SERVER, CreateServer.class),
          Map.entry(POST_MESSAGE, PostMessage.class),
          Map.entry(CREATE_INVITE, CreateInvite.class),
          Map.entry(ACCEPT_INVITE, AcceptInvite.class),
          Map.entry(LEAVE_SERVER, LeaveServer.class),
          Map.entry(KICK_MEMBER, KickMember.class),
          Map.entry(BAN_MEMBER, BanMember.class),
          Map.entry(UNBAN_MEMBER, UnbanMember.class),
          Map.entry(REMOVE_MEMBER, RemoveMember.class),
          Map.entry(NOTE_MEMBERSHIP, NoteMembership.class),
          Map.entry(MARK_NOTIFICATIONS_READ, MarkNotificationsRead.class),
          Map.entry(CREATE_CHANNEL, CreateChannel.class),
          Map.entry(RENAME_CHANNEL, RenameChannel.class),
          Map.entry(MOVE_CHANNEL, MoveChannel.class),
          Map.entry(DELETE_CHANNEL, DeleteChannel.class),
          Map.entry(CREATE_ROLE, CreateRole.class),
          Map.entry(UPDATE_ROLE, UpdateRole.class),
          Map.entry(DELETE_ROLE, DeleteRole.class),
          Map.entry(ASSIGN_ROLE, AssignRole.class),
          Map.entry(UNASSIGN_ROLE, UnassignRole.class),
          Map.entry(SET_CHANNEL_OVERWRITE, SetChannelOverwrite.class),
          Map.entry(REMOVE_CHANNEL_OVERWRITE, RemoveChannelOverwrite.class),
          Map.entry(UPDATE_SERVER, UpdateServer.class),
          Map.entry(DELETE_SERVER, DeleteServer.class),
          Map.entry(EDIT_MESSAGE, EditMessage.class),
          Map.entry(DELETE_MESSAGE, DeleteMessage.class),
          Map.entry(MARK_CHANNEL_READ, MarkChannelRead.class),
          Map.entry(OPEN_CONVERSATION, OpenConversation.class),
          Map.entry(SEND_DIRECT_MESSAGE, SendDirectMessage.class),
          Map.entry(DELETE_DIRECT_MESSAGE, DeleteDirectMessage.class),
          Map.entry(MARK_CONVERSATION_READ, MarkConversationRead.class),
          Map.entry(BLOCK_USER, BlockUser.class),
          Map.entry(UNBLOCK_USER, UnblockUser.class));

  private CommandTypes() {}

  /** The type string of a payload. */
  public static String typeOf(CommandPayload payload) {
    return switch (payload) {
      case RegisterUser c -> REGISTER_USER;
      case ReleaseEmail c -> RELEASE_EMAIL;
      case OpenAccount c -> OPEN_ACCOUNT;
      case StartSession c -> START_SESSION;
      case RefreshSession c -> REFRESH_SESSION;
      case RevokeSession c -> REVOKE_SESSION;
      case RecordSigninFailure c -> RECORD_SIGNIN_FAILURE;
      case UpdateProfile c -> UPDATE_PROFILE;
      case DeleteAccount c -> DELETE_ACCOUNT;
      case CreateServer c -> CREATE_SERVER;
      case PostMessage c -> POST_MESSAGE;
      case CreateInvite c -> CREATE_INVITE;
      case AcceptInvite c -> ACCEPT_INVITE;
      case LeaveServer c -> LEAVE_SERVER;
      case KickMember c -> KICK_MEMBER;
      case BanMember c -> BAN_MEMBER;
      case UnbanMember c -> UNBAN_MEMBER;
      case RemoveMember c -> REMOVE_MEMBER;
      case NoteMembership c -> NOTE_MEMBERSHIP;
      case MarkNotificationsRead c -> MARK_NOTIFICATIONS_READ;
      case CreateChannel c -> CREATE_CHANNEL;
      case RenameChannel c -> RENAME_CHANNEL;
      case MoveChannel c -> MOVE_CHANNEL;
      case DeleteChannel c -> DELETE_CHANNEL;
      case CreateRole c -> CREATE_ROLE;
      case UpdateRole c -> UPDATE_ROLE;
      case DeleteRole c -> DELETE_ROLE;
      case AssignRole c -> ASSIGN_ROLE;
      case UnassignRole c -> UNASSIGN_ROLE;
      case SetChannelOverwrite c -> SET_CHANNEL_OVERWRITE;
      case RemoveChannelOverwrite c -> REMOVE_CHANNEL_OVERWRITE;
      case UpdateServer c -> UPDATE_SERVER;
      case DeleteServer c -> DELETE_SERVER;
      case EditMessage c -> EDIT_MESSAGE;
      case DeleteMessage c -> DELETE_MESSAGE;
      case MarkChannelRead c -> MARK_CHANNEL_READ;
      case OpenConversation c -> OPEN_CONVERSATION;
      case SendDirectMessage c -> SEND_DIRECT_MESSAGE;
      case DeleteDirectMessage c -> DELETE_DIRECT_MESSAGE;
      case MarkConversationRead c -> MARK_CONVERSATION_READ;
      case BlockUser c -> BLOCK_USER;
      case UnblockUser c -> UNBLOCK_USER;
    };
  }

  /** The payload class of a type string, empty for a type this version does not know. */
  public static Optional<Class<? extends CommandPayload>> classOf(String type) {
    return Optional.ofNullable(CLASSES.get(type));
  }
}
