package io.ohkay.command.server;

import static io.ohkay.command.server.ServerFixture.ADMIN;
import static io.ohkay.command.server.ServerFixture.GENERAL;
import static io.ohkay.command.server.ServerFixture.HIDDEN;
import static io.ohkay.command.server.ServerFixture.MEMBER;
import static io.ohkay.command.server.ServerFixture.MOD;
import static io.ohkay.command.server.ServerFixture.OWNER;
import static io.ohkay.command.server.ServerFixture.SERVER;
import static io.ohkay.command.server.ServerFixture.STRANGER;
import static io.ohkay.command.server.ServerFixture.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.CreateServer;
import io.ohkay.schemas.command.DeleteServer;
import io.ohkay.schemas.command.LeaveServer;
import io.ohkay.schemas.command.NoteMembership;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.RemoveMember;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.UpdateServer;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerRulesTest {

  private final DeciderSpec<ServerCommand, ServerState> spec = DeciderSpec.of(new ServerDecider());

  @Test
  void shouldAppendTheEveryoneRoleLastAndTellTheOwnersAccountWhenAServerIsCreated() {
    var server = new ServerId(UUID.randomUUID());
    var general = new ChannelId(UUID.randomUUID());

    var decision = spec.when(new CreateServer(server, "New", general, "main"), OWNER).decision();

    assertThat(decision)
        .isEqualTo(
            new Decision.Accept(
                List.of(
                    new ServerCreated(server, "New", OWNER, "main"),
                    new MemberJoined(server, OWNER),
                    new ChannelCreated(server, general, "general", 0),
                    new RoleCreated(
                        server,
                        new RoleId(server.value()),
                        "@everyone",
                        List.of(
                            Permission.SEND_MESSAGES,
                            Permission.VIEW_CHANNEL,
                            Permission.CREATE_INVITES))),
                List.of(
                    new Decision.FollowUp(
                        OWNER.toString(), new NoteMembership(OWNER, server, true)))));
  }

  @Test
  void shouldUpdateTheProfileKeepingWhatTheCommandLeavesOut() {
    spec.given(matrix())
        .when(new UpdateServer(SERVER, "Renamed", "About us"), OWNER)
        .thenEvents(new ServerUpdated(SERVER, "Renamed", "About us"));
    spec.given(new ServerUpdated(SERVER, "Renamed", "About us"))
        .when(new UpdateServer(SERVER, "Again", null), ADMIN)
        .thenEvents(new ServerUpdated(SERVER, "Again", "About us"));
    spec.when(new UpdateServer(SERVER, null, "New words"), OWNER)
        .thenEvents(new ServerUpdated(SERVER, "Renamed", "New words"));
    spec.when(new UpdateServer(SERVER, null, ""), OWNER)
        .thenEvents(new ServerUpdated(SERVER, "Renamed", null));
  }

  @Test
  void shouldRefuseAnUpdateWhenTheActorLacksManageServer() {
    spec.given(matrix());
    var update = new UpdateServer(SERVER, "Mine", null);
    spec.when(update, MOD).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(update, MEMBER).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(update, STRANGER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    var managers = new RoleId(UUID.randomUUID());
    spec.given(
            new RoleCreated(SERVER, managers, "managers", List.of(Permission.MANAGE_SERVER)),
            new MemberRoleAdded(SERVER, MEMBER, managers))
        .when(update, MEMBER)
        .thenEvents(new ServerUpdated(SERVER, "Mine", null));
  }

  @Test
  void shouldDeleteTheServerAndEndEveryMembershipWhenTheOwnerDeletesIt() {
    var decision = spec.given(matrix()).when(new DeleteServer(SERVER), OWNER).decision();

    var members =
        List.of(OWNER, ADMIN, MOD, MEMBER, HIDDEN).stream()
            .sorted(Comparator.comparing(UserId::value))
            .map(
                user ->
                    new Decision.FollowUp(user.toString(), new NoteMembership(user, SERVER, false)))
            .toList();
    assertThat(decision)
        .isEqualTo(new Decision.Accept(List.of(new ServerDeleted(SERVER)), members));
  }

  @Test
  void shouldRefuseADeletionWhenTheActorIsNotTheOwner() {
    spec.given(matrix());
    spec.when(new DeleteServer(SERVER), ADMIN).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new DeleteServer(SERVER), MEMBER).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new DeleteServer(SERVER), STRANGER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
  }

  @Test
  void shouldRefuseEveryCommandAndTheIdWhenTheServerWasDeleted() {
    spec.given(matrix())
        .given(new InviteCreated(SERVER, "Code234567", OWNER, null, null))
        .given(new ServerDeleted(SERVER));
    var post = new PostMessage(SERVER, GENERAL, new MessageId(UUID.randomUUID()), "anyone?");
    spec.when(post, OWNER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new UpdateServer(SERVER, "Back", null), OWNER)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new DeleteServer(SERVER), OWNER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new AcceptInvite(SERVER, "Code234567"), STRANGER)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new LeaveServer(SERVER), MEMBER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new RemoveMember(SERVER, MEMBER), null).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new CreateServer(SERVER, "Again", new ChannelId(UUID.randomUUID()), "main"), OWNER)
        .thenRejected(ErrorCode.SERVER_ALREADY_EXISTS);
    assertThat(spec.state().members()).isEmpty();
  }

  @Test
  void shouldGrantTheEveryoneDefaultsWhenTheServerIsNew() {
    spec.given(ServerFixture.created());

    assertThat(spec.state().in(SERVER).permissions(MEMBER))
        .isEqualTo(PermissionSet.EVERYONE_DEFAULT);
    assertThat(spec.state().in(SERVER).permissions(OWNER)).isEqualTo(PermissionSet.ALL);
  }
}
