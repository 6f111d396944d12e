package io.ohkay.command.server;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.schemas.command.CreateServer;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.PermissionSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerDeciderTest {

  private static final UserId OWNER = new UserId(UUID.randomUUID());
  private static final UserId MEMBER = new UserId(UUID.randomUUID());
  private static final UserId STRANGER = new UserId(UUID.randomUUID());
  private static final ServerId SERVER = new ServerId(UUID.randomUUID());
  private static final ChannelId GENERAL = new ChannelId(UUID.randomUUID());
  private static final MessageId MESSAGE = new MessageId(UUID.randomUUID());

  private final DeciderSpec<ServerCommand, ServerState> spec = DeciderSpec.of(new ServerDecider());

  @Test
  void shouldCreateServerOwnerMembershipGeneralChannelThenEveryoneRoleWhenTheServerIsNew() {
    spec.given()
        .when(new CreateServer(SERVER, "Rust fans", GENERAL, "main"), OWNER)
        .thenEvents(
            new ServerCreated(SERVER, "Rust fans", OWNER, "main"),
            new MemberJoined(SERVER, OWNER),
            new ChannelCreated(SERVER, GENERAL, "general", 0),
            new RoleCreated(
                SERVER,
                new RoleId(SERVER.value()),
                "@everyone",
                PermissionSet.EVERYONE_DEFAULT.toList()));
  }

  @Test
  void shouldRejectWithServerAlreadyExistsWhenTheServerIdIsTaken() {
    spec.given(created())
        .when(new CreateServer(SERVER, "Again", new ChannelId(UUID.randomUUID()), "main"), OWNER)
        .thenRejected(ErrorCode.SERVER_ALREADY_EXISTS);
  }

  @Test
  void shouldRejectWithServerAlreadyExistsWhenAnotherUserReusesTheServerId() {
    spec.given(created())
        .when(
            new CreateServer(SERVER, "Mine now", new ChannelId(UUID.randomUUID()), "main"),
            STRANGER)
        .thenRejected(ErrorCode.SERVER_ALREADY_EXISTS);
  }

  @Test
  void shouldPostTheMessageWhenTheOwnerPostsInAnExistingChannel() {
    spec.given(created())
        .when(post(GENERAL, "hello"), OWNER)
        .thenEvents(new MessagePosted(SERVER, GENERAL, MESSAGE, OWNER, "hello"));
  }

  @Test
  void shouldPostTheMessageWhenAJoinedMemberPosts() {
    spec.given(created())
        .given(new MemberJoined(SERVER, MEMBER))
        .when(post(GENERAL, "hi all"), MEMBER)
        .thenEvents(new MessagePosted(SERVER, GENERAL, MESSAGE, MEMBER, "hi all"));
  }

  @Test
  void shouldRejectWithServerNotFoundWhenTheAuthorIsNotAMember() {
    spec.given(created())
        .when(post(GENERAL, "let me in"), STRANGER)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
  }

  @Test
  void shouldRejectWithServerNotFoundWhenTheServerDoesNotExist() {
    spec.given().when(post(GENERAL, "anyone?"), OWNER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
  }

  @Test
  void shouldRejectWithChannelNotFoundWhenTheChannelIsUnknown() {
    spec.given(created())
        .when(post(new ChannelId(UUID.randomUUID()), "wrong room"), OWNER)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
  }

  @Test
  void shouldRejectWithUnauthenticatedWhenAPostHasNoActor() {
    spec.given(created())
        .when(post(GENERAL, "who am I"), null)
        .thenRejected(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void shouldRejectWithUnauthenticatedWhenACreationHasNoActor() {
    spec.given()
        .when(new CreateServer(SERVER, "Nobody's", GENERAL, "main"), null)
        .thenRejected(ErrorCode.UNAUTHENTICATED);
  }

  private static EventPayload[] created() {
    return new EventPayload[] {
      new ServerCreated(SERVER, "Rust fans", OWNER, "main"),
      new MemberJoined(SERVER, OWNER),
      new ChannelCreated(SERVER, GENERAL, "general", 0),
      new RoleCreated(
          SERVER, new RoleId(SERVER.value()), "@everyone", PermissionSet.EVERYONE_DEFAULT.toList())
    };
  }

  private static PostMessage post(ChannelId channel, String content) {
    return new PostMessage(SERVER, channel, MESSAGE, content);
  }
}
