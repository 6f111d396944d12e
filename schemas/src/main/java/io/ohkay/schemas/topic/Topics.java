package io.ohkay.schemas.topic;

import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.time.Duration;
import java.util.List;

/** The catalogue of Ohkay topics (DESIGN §3). Keys are UTF-8 strings. */
public final class Topics {

  private static final int PARTITIONS = 6;
  private static final long FOREVER = -1;
  private static final long ONE_DAY = Duration.ofDays(1).toMillis();

  /** Account commands: key = normalized e-mail for registration, user id otherwise. */
  public static final Topic<Command> AUTH_COMMANDS =
      new Topic<>(
          "ohkay.auth.commands", "email or user id", Command.class, PARTITIONS, ONE_DAY * 7);

  /** Account facts: key = user id. */
  public static final Topic<Event> AUTH_EVENTS =
      new Topic<>("ohkay.auth.events", "user id", Event.class, PARTITIONS, FOREVER);

  /** Server commands (servers, members, channels, messages): key = server id. */
  public static final Topic<Command> SERVER_COMMANDS =
      new Topic<>("ohkay.server.commands", "server id", Command.class, PARTITIONS, ONE_DAY * 7);

  /** Server facts: key = server id; one partition orders a whole server. */
  public static final Topic<Event> SERVER_EVENTS =
      new Topic<>("ohkay.server.events", "server id", Event.class, PARTITIONS, FOREVER);

  /**
   * One outcome per command: key = command id. One partition: every decider transaction then
   * touches a single outcome partition (one commit marker instead of up to six), and every command
   * API instance reads all outcomes anyway.
   */
  public static final Topic<CommandOutcome> COMMAND_OUTCOMES =
      new Topic<>("ohkay.command-outcomes", "command id", CommandOutcome.class, 1, ONE_DAY);

  private Topics() {}

  /** Every topic the platform creates at start. */
  public static List<Topic<?>> all() {
    return List.of(AUTH_COMMANDS, AUTH_EVENTS, SERVER_COMMANDS, SERVER_EVENTS, COMMAND_OUTCOMES);
  }

  /** The events topics, the source of truth replayed by projectors and the edge. */
  public static List<Topic<Event>> eventTopics() {
    return List.of(AUTH_EVENTS, SERVER_EVENTS);
  }
}
