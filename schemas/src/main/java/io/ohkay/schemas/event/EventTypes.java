package io.ohkay.schemas.event;

import java.util.Map;
import java.util.Optional;

/** The catalogue of event type strings: stable and versioned, never a Java class name. */
public final class EventTypes {

  public static final String USER_REGISTERED = "user.registered.v1";
  public static final String SESSION_STARTED = "session.started.v1";
  public static final String SESSION_REFRESHED = "session.refreshed.v1";
  public static final String SESSION_REVOKED = "session.revoked.v1";
  public static final String SIGNIN_FAILED = "signin.failed.v1";
  public static final String PROFILE_UPDATED = "profile.updated.v1";
  public static final String USER_DELETED = "user.deleted.v1";
  public static final String NOTIFICATIONS_READ = "notifications.read.v1";
  public static final String SERVER_CREATED = "server.created.v1";
  public static final String CHANNEL_CREATED = "channel.created.v1";
  public static final String MEMBER_JOINED = "member.joined.v1";
  public static final String MESSAGE_POSTED = "message.posted.v1";
  public static final String CHANNEL_RENAMED = "channel.renamed.v1";
  public static final String CHANNEL_MOVED = "channel.moved.v1";
  public static final String CHANNEL_DELETED = "channel.deleted.v1";
  public static final String INVITE_CREATED = "invite.created.v1";
  public static final String INVITE_ACCEPTED = "invite.accepted.v1";
  public static final String MEMBER_LEFT = "member.left.v1";
  public static final String MEMBER_BANNED = "member.banned.v1";
  public static final String MEMBER_UNBANNED = "member.unbanned.v1";
  public static final String ROLE_CREATED = "role.created.v1";
  public static final String ROLE_UPDATED = "role.updated.v1";
  public static final String ROLE_DELETED = "role.deleted.v1";
  public static final String MEMBER_ROLE_ADDED = "member.role.added.v1";
  public static final String MEMBER_ROLE_REMOVED = "member.role.removed.v1";
  public static final String CHANNEL_OVERWRITE_SET = "channel.overwrite.set.v1";
  public static final String CHANNEL_OVERWRITE_REMOVED = "channel.overwrite.removed.v1";
  public static final String SERVER_UPDATED = "server.updated.v1";
  public static final String SERVER_DELETED = "server.deleted.v1";
  public static final String MESSAGE_EDITED = "message.edited.v1";
  public static final String MESSAGE_DELETED = "message.deleted.v1";
  public static final String MEMBERS_MENTIONED = "members.mentioned.v1";
  public static final String MEMBER_KICKED = "member.kicked.v1";
  public static final String CHANNEL_READ = "channel.read.v1";
  public static final String INVITE_SENT = "invite.sent.v1";
  public static final String CONVERSATION_OPENED = "dm.conversation.opened.v1";
  public static final String DIRECT_MESSAGE_SENT = "dm.message.sent.v1";
  public static final String DIRECT_MESSAGE_DELETED = "dm.message.deleted.v1";
  public static final String CONVERSATION_READ = "dm.conversation.read.v1";
  public static final String USER_BLOCKED = "dm.user.blocked.v1";
  public static final String USER_UNBLOCKED = "dm.user.unblocked.v1";

  private static final Map<String, Class<? extends EventPayload>> CLASSES =
      Map.ofEntries(
          Map.entry(USER_REGISTERED, UserRegistered.class),
          Map.entry(SESSION_STARTED, SessionStarted.class),
          Map.entry(SESSION_REFRESHED, SessionRefreshed.class),
          Map.entry(SESSION_REVOKED, SessionRevoked.class),
          Map.entry(SIGNIN_FAILED, SigninFailed.class),
          Map.entry(PROFILE_UPDATED, ProfileUpdated.class),
          Map.entry(USER_DELETED, UserDeleted.class),
          Map.entry(NOTIFICATIONS_READ, NotificationsRead.class),
          Map.entry(SERVER_CREATED, ServerCreated.class),
          Map.entry(CHANNEL_CREATED, ChannelCreated.class),
          Map.entry(MEMBER_JOINED, MemberJoined.class),
          Map.entry(MESSAGE_POSTED, MessagePosted.class),
          Map.entry(INVITE_CREATED, InviteCreated.class),
          Map.entry(INVITE_ACCEPTED, InviteAccepted.class),
          Map.entry(MEMBER_LEFT, MemberLeft.class),
          Map.entry(MEMBER_BANNED, MemberBanned.class),
          Map.entry(MEMBER_UNBANNED, MemberUnbanned.class),
          Map.entry(CHANNEL_RENAMED, ChannelRenamed.class),
          Map.entry(CHANNEL_MOVED, ChannelMoved.class),
          Map.entry(CHANNEL_DELETED, ChannelDeleted.class),
          Map.entry(ROLE_CREATED, RoleCreated.class),
          Map.entry(ROLE_UPDATED, RoleUpdated.class),
          Map.entry(ROLE_DELETED, RoleDeleted.class),
          Map.entry(MEMBER_ROLE_ADDED, MemberRoleAdded.class),
          Map.entry(MEMBER_ROLE_REMOVED, MemberRoleRemoved.class),
          Map.entry(CHANNEL_OVERWRITE_SET, ChannelOverwriteSet.class),
          Map.entry(CHANNEL_OVERWRITE_REMOVED, ChannelOverwriteRemoved.class),
          Map.entry(SERVER_UPDATED, ServerUpdated.class),
          Map.entry(SERVER_DELETED, ServerDeleted.class),
          Map.entry(MESSAGE_EDITED, MessageEdited.class),
          Map.entry(MESSAGE_DELETED, MessageDeleted.class),
          Map.entry(MEMBERS_MENTIONED, MembersMentioned.class),
          Map.entry(MEMBER_KICKED, MemberKicked.class),
          Map.entry(CHANNEL_READ, ChannelRead.class),
          Map.entry(INVITE_SENT, InviteSent.class),
          Map.entry(CONVERSATION_OPENED, ConversationOpened.class),
          Map.entry(DIRECT_MESSAGE_SENT, DirectMessageSent.class),
          Map.entry(DIRECT_MESSAGE_DELETED, DirectMessageDeleted.class),
          Map.entry(CONVERSATION_READ, ConversationRead.class),
          Map.entry(USER_BLOCKED, UserBlocked.class),
          Map.entry(USER_UNBLOCKED, UserUnblocked.class));

  private EventTypes() {}

  /** The type string of a payload. */
  public static String typeOf(EventPayload payload) {
    return switch (payload) {
      case UserRegistered e -> USER_REGISTERED;
      case SessionStarted e -> SESSION_STARTED;
      case SessionRefreshed e -> SESSION_REFRESHED;
      case SessionRevoked e -> SESSION_REVOKED;
      case SigninFailed e -> SIGNIN_FAILED;
      case ProfileUpdated e -> PROFILE_UPDATED;
      case UserDeleted e -> USER_DELETED;
      case NotificationsRead e -> NOTIFICATIONS_READ;
      case ServerCreated e -> SERVER_CREATED;
      case ChannelCreated e -> CHANNEL_CREATED;
      case MemberJoined e -> MEMBER_JOINED;
      case MessagePosted e -> MESSAGE_POSTED;
      case InviteCreated e -> INVITE_CREATED;
      case InviteAccepted e -> INVITE_ACCEPTED;
      case MemberLeft e -> MEMBER_LEFT;
      case MemberBanned e -> MEMBER_BANNED;
      case MemberUnbanned e -> MEMBER_UNBANNED;
      case ChannelRenamed e -> CHANNEL_RENAMED;
      case ChannelMoved e -> CHANNEL_MOVED;
      case ChannelDeleted e -> CHANNEL_DELETED;
      case RoleCreated e -> ROLE_CREATED;
      case RoleUpdated e -> ROLE_UPDATED;
      case RoleDeleted e -> ROLE_DELETED;
      case MemberRoleAdded e -> MEMBER_ROLE_ADDED;
      case MemberRoleRemoved e -> MEMBER_ROLE_REMOVED;
      case ChannelOverwriteSet e -> CHANNEL_OVERWRITE_SET;
      case ChannelOverwriteRemoved e -> CHANNEL_OVERWRITE_REMOVED;
      case ServerUpdated e -> SERVER_UPDATED;
      case ServerDeleted e -> SERVER_DELETED;
      case MessageEdited e -> MESSAGE_EDITED;
      case MessageDeleted e -> MESSAGE_DELETED;
      case MembersMentioned e -> MEMBERS_MENTIONED;
      case MemberKicked e -> MEMBER_KICKED;
      case ChannelRead e -> CHANNEL_READ;
      case InviteSent e -> INVITE_SENT;
      case ConversationOpened e -> CONVERSATION_OPENED;
      case DirectMessageSent e -> DIRECT_MESSAGE_SENT;
      case DirectMessageDeleted e -> DIRECT_MESSAGE_DELETED;
      case ConversationRead e -> CONVERSATION_READ;
      case UserBlocked e -> USER_BLOCKED;
      case UserUnblocked e -> USER_UNBLOCKED;
    };
  }

  /** The payload class of a type string, empty for a type this version does not know. */
  public static Optional<Class<? extends EventPayload>> classOf(String type) {
    return Optional.ofNullable(CLASSES.get(type));
  }

  /** Every type string this version knows. */
  public static java.util.Set<String> all() {
    return CLASSES.keySet();
  }
}
