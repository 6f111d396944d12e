package io.ohkay.schemas.topic;

import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.signal.Signal;
import java.time.Duration;
import java.util.List;

/** The catalogue of Ohkay topics (DESIGN §3). Keys are UTF-8 strings. */
public final class Topics {

  private static final int PARTITIONS = 6;
  private static final long FOREVER = -1;
  private static final long ONE_DAY = Duration.ofDays(1).toMillis();
  private static final long ONE_HOUR = Duration.ofHours(1).toMillis();

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

  /** Direct-message commands: key = conversation id (of the sorted user pair). */
  public static final Topic<Command> DM_COMMANDS =
      new Topic<>("ohkay.dm.commands", "conversation id", Command.class, PARTITIONS, ONE_DAY * 7);

  /** Direct-message facts: key = conversation id. */
  public static final Topic<Event> DM_EVENTS =
      new Topic<>("ohkay.dm.events", "conversation id", Event.class, PARTITIONS, FOREVER);

  /**
   * Ephemeral signals (presence, typing): key = the user, server or conversation they are about.
   * Short retention and never projected: only live readers care.
   */
  public static final Topic<Signal> EPHEMERAL =
      new Topic<>(
          "ohkay.ephemeral", "user, server or conversation id", Signal.class, PARTITIONS, ONE_HOUR);

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
    return List.of(
        AUTH_COMMANDS,
        AUTH_EVENTS,
        SERVER_COMMANDS,
        SERVER_EVENTS,
        DM_COMMANDS,
        DM_EVENTS,
        COMMAND_OUTCOMES,
        EPHEMERAL);
  }

  /** The events topics, the source of truth replayed by projectors and the edge. */
  public static List<Topic<Event>> eventTopics() {
    return List.of(AUTH_EVENTS, SERVER_EVENTS, DM_EVENTS);
  }
}
