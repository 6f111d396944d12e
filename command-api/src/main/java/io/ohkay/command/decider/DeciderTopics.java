package io.ohkay.command.decider;

import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.command.DmCommand;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.UserCommand;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;

/**
 * Where one decider reads and writes.
 *
 * @param commands the commands topic it consumes
 * @param events the events topic its facts go to
 * @param outcomes the outcomes topic
 * @param deadLetters where undecodable or foreign commands go, with origin headers
 * @param prefix the namespace of every topic, to address follow-ups to another domain
 */
public record DeciderTopics(
    String commands, String events, String outcomes, String deadLetters, String prefix) {

  /**
   * The topics of the decider of {@code commands} and {@code events} in namespace {@code prefix}.
   */
  public static DeciderTopics of(String prefix, Topic<?> commands, Topic<?> events) {
    return new DeciderTopics(
        commands.in(prefix),
        events.in(prefix),
        Topics.COMMAND_OUTCOMES.in(prefix),
        commands.deadLetterIn(prefix),
        prefix);
  }

  /** The commands topic that decides {@code command}. */
  String commandsOf(CommandPayload command) {
    return switch (command) {
      case UserCommand c -> Topics.AUTH_COMMANDS.in(prefix);
      case ServerCommand c -> Topics.SERVER_COMMANDS.in(prefix);
      case DmCommand c -> Topics.DM_COMMANDS.in(prefix);
    };
  }
}
