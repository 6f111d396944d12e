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

  private static final Map<String, Class<? extends EventPayload>> CLASSES =
      Map.ofEntries(
          Map.entry(USER_REGISTERED, UserRegistered.class),
          Map.entry(SESSION_STARTED, SessionStarted.class),
          Map.entry(SESSION_REFRESHED, SessionRefreshed.class),
          Map.entry(SESSION_REVOKED, SessionRevoked.class),
          Map.entry(SIGNIN_FAILED, SigninFailed.class),
          Map.entry(PROFILE_UPDATED, ProfileUpdated.class),
          Map.entry(USER_DELETED, UserDeleted.class),
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
          Map.entry(CHANNEL_DELETED, ChannelDeleted.class));

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
