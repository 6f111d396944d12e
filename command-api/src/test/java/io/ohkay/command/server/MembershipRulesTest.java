package io.ohkay.command.server;

import static io.ohkay.command.decider.DeciderSpec.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.BanMember;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.command.KickMember;
import io.ohkay.schemas.command.LeaveServer;
import io.ohkay.schemas.command.NoteMembership;
import io.ohkay.schemas.command.RemoveMember;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.UnbanMember;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.InviteAccepted;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.event.MemberKicked;
import io.ohkay.schemas.event.MemberLeft;
import io.ohkay.schemas.event.MemberRoleAdded;
import io.ohkay.schemas.event.MemberUnbanned;
import io.ohkay.schemas.event.RoleCreated;
import io.ohkay.schemas.event.RoleUpdated;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.RoleId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import io.ohkay.schemas.permission.PermissionSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MembershipRulesTest {

  private static final UserId OWNER = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final UserId CAROL = new UserId(UUID.randomUUID());
  private static final ServerId SERVER = new ServerId(UUID.randomUUID());
  private static final String CODE = "AbCdEf2345";

  private final DeciderSpec<ServerCommand, ServerState> spec = DeciderSpec.of(new ServerDecider());

  private DeciderSpec<ServerCommand, ServerState> withInvite(Integer maxUses) {
    return spec.given(
        new ServerCreated(SERVER, "S", OWNER, "main"),
        new MemberJoined(SERVER, OWNER),
        new ChannelCreated(SERVER, new ChannelId(UUID.randomUUID()), "general", 0),
        new RoleCreated(
            SERVER,
            new RoleId(SERVER.value()),
            "@everyone",
            PermissionSet.EVERYONE_DEFAULT.toList()),
        new InviteCreated(SERVER, CODE, OWNER, NOW.plus(Duration.ofHours(1)), maxUses));
  }

  @Test
  void shouldLetAnyMemberInviteButNotAStranger() {
    withInvite(null)
        .when(new CreateInvite(SERVER, "Other23456", null, 5), OWNER)
        .thenEvents(new InviteCreated(SERVER, "Other23456", OWNER, null, 5));
    spec.when(new CreateInvite(SERVER, "Third23456", null, null), BOB)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
  }

  @Test
  void shouldSendTheInviteToItsInviteeWhenOneIsNamed() {
    withInvite(null)
        .when(new CreateInvite(SERVER, "Other23456", null, 5, CAROL), OWNER)
        .thenEvents(
            new InviteCreated(SERVER, "Other23456", OWNER, null, 5),
            new InviteSent(SERVER, "Other23456", OWNER, CAROL));
  }

  @Test
  void shouldJoinAndTellTheAccountWhenAnInviteIsAccepted() {
    var decision =
        new ServerDecider()
            .decide(new AcceptInvite(SERVER, CODE), BOB, NOW, state(withInvite(null)));

    assertThat(decision)
        .isEqualTo(
            new Decision.Accept(
                java.util.List.of(
                    new InviteAccepted(SERVER, CODE, BOB), new MemberJoined(SERVER, BOB)),
                java.util.List.of(
                    new Decision.FollowUp(BOB.toString(), new NoteMembership(BOB, SERVER, true)))));
  }

  @Test
  void shouldRefuseAnInviteThatExpiredWasUsedUpOrIsUnknown() {
    withInvite(1)
        .when(new AcceptInvite(SERVER, CODE), BOB, NOW.plus(Duration.ofHours(2)))
        .thenRejected(ErrorCode.INVITE_NOT_FOUND);
    spec.given(new InviteAccepted(SERVER, CODE, BOB), new MemberJoined(SERVER, BOB))
        .when(new AcceptInvite(SERVER, CODE), CAROL)
        .thenRejected(ErrorCode.INVITE_NOT_FOUND);
    spec.when(new AcceptInvite(SERVER, "Nope234567"), CAROL)
        .thenRejected(ErrorCode.INVITE_NOT_FOUND);
    spec.when(new AcceptInvite(SERVER, CODE), BOB).thenRejected(ErrorCode.INVITE_NOT_FOUND);
  }

  @Test
  void shouldKeepABannedUserOutWhateverTheInviteUntilUnbanned() {
    withInvite(null)
        .when(new BanMember(SERVER, CAROL, "spam"), OWNER)
        .thenEvents(new MemberBanned(SERVER, CAROL, "spam"));
    spec.given(new MemberBanned(SERVER, CAROL, "spam"))
        .when(new AcceptInvite(SERVER, CODE), CAROL)
        .thenRejected(ErrorCode.BANNED);
    spec.when(new UnbanMember(SERVER, CAROL), OWNER).thenEvents(new MemberUnbanned(SERVER, CAROL));
    spec.given(new MemberUnbanned(SERVER, CAROL))
        .when(new AcceptInvite(SERVER, CODE), CAROL)
        .thenEvents(new InviteAccepted(SERVER, CODE, CAROL), new MemberJoined(SERVER, CAROL));
  }

  @Test
  void shouldRemoveABannedOrKickedMemberWhenTheModeratorHoldsThePermission() {
    withInvite(null).given(new InviteAccepted(SERVER, CODE, BOB), new MemberJoined(SERVER, BOB));
    spec.when(new BanMember(SERVER, BOB, null), OWNER)
        .thenEvents(
            new MemberBanned(SERVER, BOB, null),
            new MemberLeft(SERVER, BOB, MemberLeft.Reason.BANNED));
    spec.when(new KickMember(SERVER, OWNER, null), BOB).thenRejected(ErrorCode.MISSING_PERMISSION);
    spec.when(new KickMember(SERVER, BOB, "rude"), OWNER)
        .thenEvents(
            new MemberKicked(SERVER, BOB, "rude"),
            new MemberLeft(SERVER, BOB, MemberLeft.Reason.KICKED));
    spec.when(new KickMember(SERVER, CAROL, null), OWNER).thenRejected(ErrorCode.MEMBER_NOT_FOUND);
    spec.when(new LeaveServer(SERVER), BOB)
        .thenEvents(new MemberLeft(SERVER, BOB, MemberLeft.Reason.LEFT));
  }

  @Test
  void shouldNeverLetTheOwnerLeaveOrBeRemoved() {
    withInvite(null)
        .when(new LeaveServer(SERVER), OWNER)
        .thenRejected(ErrorCode.OWNER_CANNOT_LEAVE);
    spec.when(new BanMember(SERVER, OWNER, null), OWNER).thenRejected(ErrorCode.OWNER_CANNOT_LEAVE);
    spec.when(new RemoveMember(SERVER, OWNER), OWNER).thenRejected(ErrorCode.MEMBER_NOT_FOUND);
  }

  @Test
  void shouldEndTheMembershipWhenTheMembersAccountIsDeleted() {
    withInvite(null)
        .given(new InviteAccepted(SERVER, CODE, BOB), new MemberJoined(SERVER, BOB))
        .when(new RemoveMember(SERVER, BOB), BOB)
        .thenEvents(new MemberLeft(SERVER, BOB, MemberLeft.Reason.ACCOUNT_DELETED));
  }

  @Test
  void shouldLetAMemberInviteWhenTheEveryoneRoleGrantsCreateInvites() {
    var matrix = DeciderSpec.of(new ServerDecider()).given(ServerFixture.matrix());
    var invite = new CreateInvite(ServerFixture.SERVER, "Member2345", null, null);
    matrix
        .when(invite, ServerFixture.MEMBER)
        .thenEvents(
            new InviteCreated(
                ServerFixture.SERVER, "Member2345", ServerFixture.MEMBER, null, null));
    matrix
        .given(
            new RoleUpdated(
                ServerFixture.SERVER,
                ServerFixture.EVERYONE,
                "@everyone",
                List.of(Permission.VIEW_CHANNEL, Permission.SEND_MESSAGES)))
        .when(invite, ServerFixture.MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    matrix
        .when(invite, ServerFixture.OWNER)
        .thenEvents(
            new InviteCreated(ServerFixture.SERVER, "Member2345", ServerFixture.OWNER, null, null));
  }

  @Test
  void shouldKickWithTheReasonThenLeaveWhenAModeratorKicksAMember() {
    var decision =
        DeciderSpec.of(new ServerDecider())
            .given(ServerFixture.matrix())
            .when(
                new KickMember(ServerFixture.SERVER, ServerFixture.MEMBER, "spam"),
                ServerFixture.MOD)
            .decision();

    assertThat(decision)
        .isEqualTo(
            new Decision.Accept(
                List.of(
                    new MemberKicked(ServerFixture.SERVER, ServerFixture.MEMBER, "spam"),
                    new MemberLeft(
                        ServerFixture.SERVER, ServerFixture.MEMBER, MemberLeft.Reason.KICKED)),
                List.of(
                    new Decision.FollowUp(
                        ServerFixture.MEMBER.toString(),
                        new NoteMembership(ServerFixture.MEMBER, ServerFixture.SERVER, false)))));
  }

  @Test
  void shouldRefuseAModerationWhenTheActorLacksThePermissionOrTheTargetOutranksThem() {
    var matrix = DeciderSpec.of(new ServerDecider()).given(ServerFixture.matrix());
    var server = ServerFixture.SERVER;
    matrix
        .when(new KickMember(server, ServerFixture.HIDDEN, null), ServerFixture.MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    matrix
        .when(new BanMember(server, ServerFixture.HIDDEN, null), ServerFixture.MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    matrix
        .when(new KickMember(server, ServerFixture.ADMIN, null), ServerFixture.MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    matrix
        .when(new BanMember(server, ServerFixture.ADMIN, null), ServerFixture.MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
    matrix
        .when(new KickMember(server, ServerFixture.OWNER, null), ServerFixture.ADMIN)
        .thenRejected(ErrorCode.OWNER_CANNOT_LEAVE);
    matrix
        .when(new BanMember(server, ServerFixture.OWNER, null), ServerFixture.MOD)
        .thenRejected(ErrorCode.OWNER_CANNOT_LEAVE);
    matrix
        .when(new KickMember(server, ServerFixture.STRANGER, null), ServerFixture.MOD)
        .thenRejected(ErrorCode.MEMBER_NOT_FOUND);
    matrix
        .when(new KickMember(server, ServerFixture.MEMBER, null), ServerFixture.STRANGER)
        .thenRejected(ErrorCode.SERVER_NOT_FOUND);
    matrix
        .when(new UnbanMember(server, ServerFixture.STRANGER), ServerFixture.MEMBER)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
  }

  @Test
  void shouldLetAnAdministratorModerateAnotherAdministratorAndAModeratorBanAStranger() {
    var matrix = DeciderSpec.of(new ServerDecider()).given(ServerFixture.matrix());
    var server = ServerFixture.SERVER;
    var otherAdmin = new UserId(UUID.randomUUID());
    matrix
        .given(
            new MemberJoined(server, otherAdmin),
            new MemberRoleAdded(server, otherAdmin, ServerFixture.ADMINS))
        .when(new KickMember(server, otherAdmin, null), ServerFixture.ADMIN)
        .thenEvents(
            new MemberKicked(server, otherAdmin, null),
            new MemberLeft(server, otherAdmin, MemberLeft.Reason.KICKED));
    matrix
        .when(new BanMember(server, ServerFixture.STRANGER, "raid"), ServerFixture.MOD)
        .thenEvents(new MemberBanned(server, ServerFixture.STRANGER, "raid"));
    matrix
        .given(new MemberBanned(server, ServerFixture.STRANGER, "raid"))
        .when(new UnbanMember(server, ServerFixture.STRANGER), ServerFixture.MOD)
        .thenEvents(new MemberUnbanned(server, ServerFixture.STRANGER));
  }

  @Test
  void shouldDropAMembersRolesWhenTheyLeaveAndRejoin() {
    var server = ServerFixture.SERVER;
    DeciderSpec.of(new ServerDecider())
        .given(ServerFixture.matrix())
        .given(
            new MemberKicked(server, ServerFixture.MOD, null),
            new MemberLeft(server, ServerFixture.MOD, MemberLeft.Reason.KICKED),
            new MemberJoined(server, ServerFixture.MOD))
        .when(new KickMember(server, ServerFixture.MEMBER, null), ServerFixture.MOD)
        .thenRejected(ErrorCode.MISSING_PERMISSION);
  }

  private static ServerState state(DeciderSpec<ServerCommand, ServerState> spec) {
    return spec.state();
  }
}
