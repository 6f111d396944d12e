package io.ohkay.command.server;

import static io.ohkay.command.server.ServerFixture.ADMIN;
import static io.ohkay.command.server.ServerFixture.EVERYONE;
import static io.ohkay.command.server.ServerFixture.GENERAL;
import static io.ohkay.command.server.ServerFixture.HIDDEN;
import static io.ohkay.command.server.ServerFixture.MEMBER;
import static io.ohkay.command.server.ServerFixture.MOD;
import static io.ohkay.command.server.ServerFixture.MODS;
import static io.ohkay.command.server.ServerFixture.OWNER;
import static io.ohkay.command.server.ServerFixture.SECRET;
import static io.ohkay.command.server.ServerFixture.SERVER;
import static io.ohkay.command.server.ServerFixture.STRANGER;
import static io.ohkay.command.server.ServerFixture.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.DeleteMessage;
import io.ohkay.schemas.command.EditMessage;
import io.ohkay.schemas.command.MarkChannelRead;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.ChannelRead;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MembersMentioned;
import io.ohkay.schemas.event.MessageDeleted;
import io.ohkay.schemas.event.MessageEdited;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageRulesTest {

  private static final MessageId MESSAGE = new MessageId(UUID.randomUUID());

  private final DeciderSpec<ServerCommand, ServerState> spec = DeciderSpec.of(new ServerDecider());

  @Test
  void shouldPostWhenTheAuthorMayViewAndSendInTheChannel() {
    spec.given(matrix())
        .when(post(GENERAL, "hi"), MEMBER)
        .thenEvents(new MessagePosted(SERVER, GENERAL, MESSAGE, MEMBER, "hi"));
    spec.when(post(SECRET, "hi"), OWNER)
        .thenEvents(new MessagePosted(SERVER, SECRET, MESSAGE, OWNER, "hi"));
  }

  @Test
  void shouldRefuseAPostWhenTheAuthorMayNotViewSendOrIsNoMember() {
    spec.given(matrix())
        .when(post(SECRET, "let me see"), HIDDEN)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
    spec.when(post(GENERAL, "hello?"), STRANGER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(post(new ChannelId(UUID.randomUUID()), "where"), OWNER)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
    spec.given(everyoneDenied(GENERAL, Permission.SEND_MESSAGES))
        .when(post(GENERAL, "muted"), MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(post(GENERAL, "not me"), ADMIN)
        .thenEvents(new MessagePosted(SERVER, GENERAL, MESSAGE, ADMIN, "not me"));
  }

  @Test
  void shouldRefuseAPostWhenItsMessageIdIsTaken() {
    spec.given(matrix())
        .given(new MessagePosted(SERVER, GENERAL, MESSAGE, OWNER, "first"))
        .when(post(GENERAL, "second"), MEMBER)
        .thenRejected(ErrorCode.MESSAGE_ALREADY_EXISTS);
  }

  @Test
  void shouldMentionEachViewingMemberOnceInOrderButNeitherTheAuthorNorStrangers() {
    var content =
        "<@%s> <@%s> <@%s> <@%s> <@%s> <@%s> <@not-a-uuid>"
            .formatted(MEMBER, HIDDEN, STRANGER, OWNER, ADMIN, MEMBER);

    spec.given(matrix())
        .when(post(SECRET, content), OWNER)
        .thenEvents(
            new MessagePosted(SERVER, SECRET, MESSAGE, OWNER, content),
            new MembersMentioned(SERVER, SECRET, MESSAGE, List.of(MEMBER, ADMIN)));
    spec.when(post(GENERAL, "<@" + HIDDEN.value().toString().toUpperCase() + ">"), OWNER)
        .thenEvents(
            new MessagePosted(
                SERVER,
                GENERAL,
                MESSAGE,
                OWNER,
                "<@" + HIDDEN.value().toString().toUpperCase() + ">"),
            new MembersMentioned(SERVER, GENERAL, MESSAGE, List.of(HIDDEN)));
  }

  @Test
  void shouldMentionAtMostFiftyMembersWhenAMessageNamesMore() {
    var members = new ArrayList<UserId>();
    var content = new StringBuilder();
    spec.given(matrix());
    for (var i = 0; i < 60; i++) {
      var user = new UserId(UUID.randomUUID());
      members.add(user);
      spec.given(new MemberJoined(SERVER, user));
      content.append("<@").append(user).append("> ");
    }

    var decision = spec.when(post(GENERAL, content.toString()), OWNER).decision();

    var events = ((Decision.Accept) decision).events();
    assertThat(events).hasSize(2);
    assertThat(((MembersMentioned) events.get(1)).userIds())
        .containsExactlyElementsOf(members.subList(0, MessageRules.MAX_MENTIONS));
  }

  @Test
  void shouldLetOnlyTheAuthorEditAnUndeletedMessageOfTheChannel() {
    spec.given(matrix()).given(new MessagePosted(SERVER, GENERAL, MESSAGE, MEMBER, "typo"));
    spec.when(edit(GENERAL, MESSAGE), MEMBER)
        .thenEvents(new MessageEdited(SERVER, GENERAL, MESSAGE, "fixed"));
    spec.when(edit(GENERAL, MESSAGE), ADMIN).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(edit(GENERAL, MESSAGE), OWNER).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(edit(GENERAL, MESSAGE), STRANGER).thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(edit(SECRET, MESSAGE), MEMBER).thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
    spec.when(edit(GENERAL, new MessageId(UUID.randomUUID())), MEMBER)
        .thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
    spec.given(new MessageDeleted(SERVER, GENERAL, MESSAGE))
        .when(edit(GENERAL, MESSAGE), MEMBER)
        .thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
  }

  @Test
  void shouldRefuseAnEditWhenTheAuthorNoLongerSeesTheChannel() {
    spec.given(matrix())
        .given(new MessagePosted(SERVER, SECRET, MESSAGE, HIDDEN, "before"))
        .when(edit(SECRET, MESSAGE), HIDDEN)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
  }

  @Test
  void shouldLetTheAuthorOrAHolderOfManageMessagesDeleteAMessage() {
    spec.given(matrix()).given(new MessagePosted(SERVER, GENERAL, MESSAGE, MEMBER, "oops"));
    var deleted = new MessageDeleted(SERVER, GENERAL, MESSAGE);
    spec.when(delete(GENERAL), MEMBER).thenEvents(deleted);
    spec.when(delete(GENERAL), MOD).thenEvents(deleted);
    spec.when(delete(GENERAL), ADMIN).thenEvents(deleted);
    spec.when(delete(GENERAL), OWNER).thenEvents(deleted);
    spec.when(delete(GENERAL), HIDDEN).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(delete(SECRET), MOD).thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
    spec.given(deleted).when(delete(GENERAL), MEMBER).thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
  }

  @Test
  void shouldRefuseAModeratorsDeletionWhenTheChannelDeniesTheirRoleManageMessages() {
    spec.given(matrix())
        .given(
            new MessagePosted(SERVER, GENERAL, MESSAGE, MEMBER, "oops"),
            new ChannelOverwriteSet(
                SERVER,
                GENERAL,
                OverwriteTarget.ROLE,
                MODS.value(),
                List.of(),
                List.of(Permission.MANAGE_MESSAGES)))
        .when(delete(GENERAL), MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
  }

  @Test
  void shouldMarkAChannelReadWhenTheReaderMayViewIt() {
    spec.given(matrix())
        .when(new MarkChannelRead(SERVER, GENERAL), HIDDEN)
        .thenEvents(new ChannelRead(SERVER, GENERAL, HIDDEN));
    spec.when(new MarkChannelRead(SERVER, SECRET), HIDDEN)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
    spec.when(new MarkChannelRead(SERVER, GENERAL), STRANGER)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
  }

  private static ChannelOverwriteSet everyoneDenied(ChannelId channel, Permission permission) {
    return new ChannelOverwriteSet(
        SERVER, channel, OverwriteTarget.ROLE, EVERYONE.value(), List.of(), List.of(permission));
  }

  private static PostMessage post(ChannelId channel, String content) {
    return new PostMessage(SERVER, channel, MESSAGE, content);
  }

  private static EditMessage edit(ChannelId channel, MessageId message) {
    return new EditMessage(SERVER, channel, message, "fixed");
  }

  private static DeleteMessage delete(ChannelId channel) {
    return new DeleteMessage(SERVER, channel, MESSAGE);
  }
}
