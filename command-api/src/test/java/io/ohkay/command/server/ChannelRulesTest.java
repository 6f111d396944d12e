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
import io.ohkay.schemas.event.ChannelRenamed;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
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
        new ServerCreated(SERVER, "S", OWNER),
        new MemberJoined(SERVER, OWNER),
        new ChannelCreated(SERVER, A, "a", 0),
        new ChannelCreated(SERVER, B, "b", 1),
        new ChannelCreated(SERVER, C, "c", 2),
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
}
