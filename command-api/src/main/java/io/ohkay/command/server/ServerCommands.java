package io.ohkay.command.server;

import io.ohkay.command.kafka.CommandBus;
import io.ohkay.command.web.TopicCommands;
import io.ohkay.schemas.command.ServerCommand;
import java.time.Clock;
import java.time.Duration;

/** Sends server commands, keyed by their server, and waits (bounded) for their outcomes. */
public final class ServerCommands extends TopicCommands<ServerCommand> {

  public ServerCommands(
      CommandBus bus, String commandsTopic, Duration outcomeTimeout, Clock clock) {
    super(bus, commandsTopic, command -> command.serverId().toString(), outcomeTimeout, clock);
  }
}
