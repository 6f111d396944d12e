package io.ohkay.command.dm;

import io.ohkay.command.kafka.CommandBus;
import io.ohkay.command.web.TopicCommands;
import io.ohkay.schemas.command.DmCommand;
import java.time.Clock;
import java.time.Duration;

/** Sends DM commands, keyed by their conversation, and waits (bounded) for their outcomes. */
public final class DmCommands extends TopicCommands<DmCommand> {

  public DmCommands(CommandBus bus, String commandsTopic, Duration outcomeTimeout, Clock clock) {
    super(
        bus, commandsTopic, command -> command.conversationId().toString(), outcomeTimeout, clock);
  }
}
