package io.ohkay.schemas.command;

import java.util.Map;
import java.util.Optional;

/** The catalogue of command type strings. */
public final class CommandTypes {

  public static final String REGISTER_USER = "user.register.v1";
  public static final String CREATE_SERVER = "server.create.v1";
  public static final String POST_MESSAGE = "message.post.v1";

  private static final Map<String, Class<? extends CommandPayload>> CLASSES =
      Map.of(
          REGISTER_USER, RegisterUser.class,
          CREATE_SERVER, CreateServer.class,
          POST_MESSAGE, PostMessage.class);

  private CommandTypes() {}

  /** The type string of a payload. */
  public static String typeOf(CommandPayload payload) {
    return switch (payload) {
      case RegisterUser c -> REGISTER_USER;
      case CreateServer c -> CREATE_SERVER;
      case PostMessage c -> POST_MESSAGE;
    };
  }

  /** The payload class of a type string, empty for a type this version does not know. */
  public static Optional<Class<? extends CommandPayload>> classOf(String type) {
    return Optional.ofNullable(CLASSES.get(type));
  }
}
