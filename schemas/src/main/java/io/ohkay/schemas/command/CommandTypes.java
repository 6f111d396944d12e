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
  public static final String CREATE_SERVER = "server.create.v1";
  public static final String POST_MESSAGE = "message.post.v1";

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
          Map.entry(POST_MESSAGE, PostMessage.class));

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
    };
  }

  /** The payload class of a type string, empty for a type this version does not know. */
  public static Optional<Class<? extends CommandPayload>> classOf(String type) {
    return Optional.ofNullable(CLASSES.get(type));
  }
}
