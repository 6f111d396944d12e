package io.ohkay.command.server;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.schemas.command.CreateChannel;
import io.ohkay.schemas.command.DeleteChannel;
import io.ohkay.schemas.command.MoveChannel;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.RenameChannel;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelMoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {

  private static final UserId OWNER = new UserId(UUID.randomUUID());
  private static final UserId MEMBER = new UserId(UUID.randomUUID());
  private static final ServerId SERVER = new ServerId(UUID.randomUUID());
  private static final ChannelId A = new ChannelId(UUID.randomUUID());
  private static final ChannelId B = new ChannelId(UUID.randomUUID());
  private static final ChannelId C = new ChannelId(UUID.randomUUID());

  private final DeciderSpec<ServerCommand, ServerState> spec = DeciderSpec.of(new ServerDecider());

  private DeciderSpec<ServerCommand, ServerState> threeChannels() {
    return spec.given(
        new ServerCreated(SERVER, "S", OWNER, "main"),
        new MemberJoined(SERVER, OWNER),
        new ChannelCreated(SERVER, A, "a", 0),
        new ChannelCreated(SERVER, B, "b", 1),
        new ChannelCreated(SERVER, C, "c", 2),
        new RoleCreated(
            SERVER,
            new RoleId(SERVER.value()),
            "@everyone",
            PermissionSet.EVERYONE_DEFAULT.toList()),
        new InviteAccepted(SERVER, "Code234567", MEMBER),
        new MemberJoined(SERVER, MEMBER));
  }

  @Test
  void shouldAppendANewChannelWhenTheOwnerCreatesIt() {
    var d = new ChannelId(UUID.randomUUID());
    threeChannels()
        .when(new CreateChannel(SERVER, d, "d"), OWNER)
        .thenEvents(new ChannelCreated(SERVER, d, "d", 3));
  }

  @Test
  void shouldRenumberEveryChannelThatMovesWhenOneIsMovedOrDeleted() {
    threeChannels()
        .when(new MoveChannel(SERVER, C, 0), OWNER)
        .thenEvents(
            new ChannelMoved(SERVER, C, 0),
            new ChannelMoved(SERVER, A, 1),
            new ChannelMoved(SERVER, B, 2));
    spec.when(new MoveChannel(SERVER, A, 99), OWNER)
        .thenEvents(
            new ChannelMoved(SERVER, B, 0),
            new ChannelMoved(SERVER, C, 1),
            new ChannelMoved(SERVER, A, 2));
    spec.when(new DeleteChannel(SERVER, A), OWNER)
        .thenEvents(
            new ChannelDeleted(SERVER, A),
            new ChannelMoved(SERVER, B, 0),
            new ChannelMoved(SERVER, C, 1));
    spec.when(new MoveChannel(SERVER, B, 1), OWNER).thenEvents(new ChannelMoved(SERVER, B, 1));
  }

  @Test
  void shouldFollowTheNewOrderWhenMovesAndDeletionsAreReplayed() {
    threeChannels()
        .given(
            new ChannelMoved(SERVER, C, 0),
            new ChannelMoved(SERVER, A, 1),
            new ChannelMoved(SERVER, B, 2),
            new ChannelDeleted(SERVER, A),
            new ChannelMoved(SERVER, B, 1))
        .when(new MoveChannel(SERVER, B, 0), OWNER)
        .thenEvents(new ChannelMoved(SERVER, B, 0), new ChannelMoved(SERVER, C, 1));
  }

  @Test
  void shouldRefusePostingRenamingOrDeletingWhenTheChannelIsGoneOrTheActorMayNot() {
    threeChannels()
        .given(new ChannelDeleted(SERVER, B))
        .when(new PostMessage(SERVER, B, new MessageId(UUID.randomUUID()), "hi"), OWNER)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
    spec.when(new RenameChannel(SERVER, B, "x"), OWNER).thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
    spec.when(new RenameChannel(SERVER, A, "x"), MEMBER).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new DeleteChannel(SERVER, A), new UserId(UUID.randomUUID()))
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(new RenameChannel(SERVER, A, "news"), OWNER)
        .thenEvents(new ChannelRenamed(SERVER, A, "news"));
  }

  @Test
  void shouldLetAHolderOfManageChannelsManageButHideWhatTheyCannotView() {
    var managers = new RoleId(UUID.randomUUID());
    var matrix =
        DeciderSpec.of(new ServerDecider())
            .given(ServerFixture.matrix())
            .given(
                new RoleCreated(
                    ServerFixture.SERVER,
                    managers,
                    "managers",
                    List.of(Permission.MANAGE_CHANNELS)),
                new MemberRoleAdded(ServerFixture.SERVER, ServerFixture.HIDDEN, managers));
    var d = new ChannelId(UUID.randomUUID());
    matrix
        .when(new CreateChannel(ServerFixture.SERVER, d, "d"), ServerFixture.HIDDEN)
        .thenEvents(new ChannelCreated(ServerFixture.SERVER, d, "d", 2));
    matrix
        .when(
            new RenameChannel(ServerFixture.SERVER, ServerFixture.GENERAL, "g"),
            ServerFixture.HIDDEN)
        .thenEvents(new ChannelRenamed(ServerFixture.SERVER, ServerFixture.GENERAL, "g"));
    matrix
        .when(
            new RenameChannel(ServerFixture.SERVER, ServerFixture.SECRET, "s"),
            ServerFixture.HIDDEN)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
    matrix
        .when(new DeleteChannel(ServerFixture.SERVER, ServerFixture.SECRET), ServerFixture.ADMIN)
        .thenEvents(new ChannelDeleted(ServerFixture.SERVER, ServerFixture.SECRET));
    matrix
        .when(new CreateChannel(ServerFixture.SERVER, d, "d"), ServerFixture.MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
  }

  @Test
  void shouldLetAChannelOverwriteGrantManageChannelsInThatChannelOnly() {
    var matrix =
        DeciderSpec.of(new ServerDecider())
            .given(ServerFixture.matrix())
            .given(
                new ChannelOverwriteSet(
                    ServerFixture.SERVER,
                    ServerFixture.GENERAL,
                    OverwriteTarget.MEMBER,
                    ServerFixture.MEMBER.value(),
                    List.of(Permission.MANAGE_CHANNELS),
                    List.of()));
    matrix
        .when(new MoveChannel(ServerFixture.SERVER, ServerFixture.GENERAL, 1), ServerFixture.MEMBER)
        .thenEvents(
            new ChannelMoved(ServerFixture.SERVER, ServerFixture.SECRET, 0),
            new ChannelMoved(ServerFixture.SERVER, ServerFixture.GENERAL, 1));
    matrix
        .when(new MoveChannel(ServerFixture.SERVER, ServerFixture.SECRET, 1), ServerFixture.MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    matrix
        .when(
            new CreateChannel(ServerFixture.SERVER, new ChannelId(UUID.randomUUID()), "x"),
            ServerFixture.MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
  }
}
