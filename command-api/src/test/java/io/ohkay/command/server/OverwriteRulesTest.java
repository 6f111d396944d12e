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

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.command.RemoveChannelOverwrite;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.SetChannelOverwrite;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.ChannelOverwriteRemoved;
import io.ohkay.schemas.event.ChannelOverwriteSet;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OverwriteRulesTest {

  private static final List<Permission> SEND = List.of(Permission.SEND_MESSAGES);
  private static final List<Permission> VIEW = List.of(Permission.VIEW_CHANNEL);

  private final DeciderSpec<ServerCommand, ServerState> spec = DeciderSpec.of(new ServerDecider());

  @Test
  void shouldSetAnOverwriteForARoleOrAMemberWhenTheActorManagesTheChannel() {
    spec.given(matrix())
        .when(set(OverwriteTarget.ROLE, MODS.value(), SEND, VIEW), OWNER)
        .thenEvents(
            new ChannelOverwriteSet(
                SERVER, GENERAL, OverwriteTarget.ROLE, MODS.value(), SEND, VIEW));
    spec.when(set(OverwriteTarget.MEMBER, MEMBER.value(), List.of(), SEND), ADMIN)
        .thenEvents(
            new ChannelOverwriteSet(
                SERVER, GENERAL, OverwriteTarget.MEMBER, MEMBER.value(), List.of(), SEND));
    spec.when(set(OverwriteTarget.ROLE, EVERYONE.value(), List.of(), SEND), OWNER)
        .thenEvents(
            new ChannelOverwriteSet(
                SERVER, GENERAL, OverwriteTarget.ROLE, EVERYONE.value(), List.of(), SEND));
  }

  @Test
  void shouldRefuseAnOverwriteWhenTheTargetIsUnknownOrTheActorMayNot() {
    spec.given(matrix());
    spec.when(set(OverwriteTarget.ROLE, UUID.randomUUID(), SEND, List.of()), OWNER)
        .thenRejected(ErrorCode.ROLE_NOT_FOUND);
    spec.when(set(OverwriteTarget.MEMBER, STRANGER.value(), SEND, List.of()), OWNER)
        .thenRejected(ErrorCode.MEMBER_NOT_FOUND);
    spec.when(set(OverwriteTarget.MEMBER, MEMBER.value(), SEND, List.of()), MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(set(OverwriteTarget.MEMBER, MEMBER.value(), SEND, List.of()), STRANGER)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
    spec.when(
            new SetChannelOverwrite(
                SERVER, SECRET, OverwriteTarget.MEMBER, MEMBER.value(), List.of(), VIEW),
            HIDDEN)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
  }

  @Test
  void shouldRefuseAChannelManagerWhenTheOverwriteTouchesAPermissionTheyLack() {
    var managers = new RoleId(UUID.randomUUID());
    spec.given(matrix())
        .given(
            new RoleCreated(SERVER, managers, "managers", List.of(Permission.MANAGE_CHANNELS)),
            new MemberRoleAdded(SERVER, MEMBER, managers))
        .when(
            set(
                OverwriteTarget.MEMBER,
                MEMBER.value(),
                List.of(Permission.MANAGE_MESSAGES),
                List.of()),
            MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(
            set(OverwriteTarget.ROLE, MODS.value(), List.of(), List.of(Permission.BAN_MEMBERS)),
            MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(set(OverwriteTarget.ROLE, EVERYONE.value(), List.of(), SEND), MEMBER)
        .thenEvents(
            new ChannelOverwriteSet(
                SERVER, GENERAL, OverwriteTarget.ROLE, EVERYONE.value(), List.of(), SEND));
  }

  @Test
  void shouldApplyTheOverwriteToLaterDecisionsWhenItIsSet() {
    var post = new PostMessage(SERVER, GENERAL, new MessageId(UUID.randomUUID()), "hi");
    spec.given(matrix())
        .given(
            new ChannelOverwriteSet(
                SERVER, GENERAL, OverwriteTarget.ROLE, EVERYONE.value(), List.of(), VIEW),
            new ChannelOverwriteSet(
                SERVER, GENERAL, OverwriteTarget.ROLE, MODS.value(), VIEW, List.of()));
    spec.when(post, MEMBER).thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
    spec.when(post, MOD)
        .thenEvents(new MessagePosted(SERVER, GENERAL, post.messageId(), MOD, "hi"));
    spec.given(new ChannelOverwriteRemoved(SERVER, GENERAL, EVERYONE.value()))
        .when(post, MEMBER)
        .thenEvents(new MessagePosted(SERVER, GENERAL, post.messageId(), MEMBER, "hi"));
  }

  @Test
  void shouldRemoveAnExistingOverwriteOnly() {
    spec.given(matrix())
        .when(new RemoveChannelOverwrite(SERVER, SECRET, HIDDEN.value()), OWNER)
        .thenEvents(new ChannelOverwriteRemoved(SERVER, SECRET, HIDDEN.value()));
    spec.when(new RemoveChannelOverwrite(SERVER, GENERAL, HIDDEN.value()), OWNER)
        .thenRejected(ErrorCode.NOT_FOUND);
    spec.when(new RemoveChannelOverwrite(SERVER, SECRET, HIDDEN.value()), MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.given(new ChannelDeleted(SERVER, SECRET))
        .when(new RemoveChannelOverwrite(SERVER, SECRET, HIDDEN.value()), OWNER)
        .thenRejected(ErrorCode.CHANNEL_NOT_FOUND);
  }

  private static SetChannelOverwrite set(
      OverwriteTarget type, UUID target, List<Permission> allow, List<Permission> deny) {
    return new SetChannelOverwrite(SERVER, GENERAL, type, target, allow, deny);
  }
}
