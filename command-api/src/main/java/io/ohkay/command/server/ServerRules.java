package io.ohkay.command.server;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.CreateServer;
import io.ohkay.schemas.command.DeleteServer;
import io.ohkay.schemas.command.UpdateServer;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A server's life: creation (owner, general channel, then the everyone role), profile updates
 * (MANAGE_SERVER) and deletion (the owner only). A deleted server's id is never used again.
 */
final class ServerRules {

  static final String GENERAL_CHANNEL = "general";

  private ServerRules() {}

  static Decision create(CreateServer command, UserId actor, ServerState state) {
    if (state.exists()) {
      return Decision.reject(ErrorCode.SERVER_ALREADY_EXISTS, "Server id already used.");
    }
    var server = command.serverId();
    return new Decision.Accept(
        List.of(
            new ServerCreated(server, command.name(), actor, command.cluster()),
            new MemberJoined(server, actor),
            new ChannelCreated(server, command.generalChannelId(), GENERAL_CHANNEL, 0),
            new RoleCreated(
                server,
                new RoleId(server.value()),
                RoleRules.EVERYONE,
                PermissionSet.EVERYONE_DEFAULT.toList())),
        List.of(MembershipRules.noted(actor, server, true)));
  }

  /** A null field is unchanged; an empty description clears it. */
  static Decision update(UpdateServer command, UserId actor, ServerState state) {
    var refusal = Guards.holds(actor, Permission.MANAGE_SERVER, state);
    if (refusal != null) {
      return refusal;
    }
    var name =
        command.name() != null ? command.name() : Objects.requireNonNullElse(state.name(), "");
    var description = command.description() == null ? state.description() : command.description();
    return Decision.accept(
        new ServerUpdated(
            command.serverId(),
            name,
            description == null || description.isEmpty() ? null : description));
  }

  /** Ends every membership with the server, telling each member's account. */
  static Decision delete(DeleteServer command, UserId actor, ServerState state) {
    var refusal = Guards.member(actor, state);
    if (refusal != null) {
      return refusal;
    }
    if (!state.isOwner(actor)) {
      return Decision.reject(ErrorCode.MISSING_PERMISSION, "Only the owner deletes a server.");
    }
    var followUps =
        state.members().stream()
            .sorted(Comparator.comparing(UserId::value))
            .map(member -> MembershipRules.noted(member, command.serverId(), false))
            .toList();
    return new Decision.Accept(List.of(new ServerDeleted(command.serverId())), followUps);
  }
}
