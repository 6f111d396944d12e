package io.ohkay.projector.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.DmLife;
import io.ohkay.projector.ServerLife;
import io.ohkay.projector.projection.SqlNull;
import io.ohkay.schemas.event.ChannelDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.MembersMentioned;
import io.ohkay.schemas.event.ServerDeleted;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.UserId;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NotificationsProjectionTest {

  private final NotificationsProjection projection = new NotificationsProjection();
  private final ServerLife life = ServerLife.create();

  @Test
  void shouldNotifyEachMentionedMemberWithADerivedIdWhenMembersMentioned() {
    var mentioned = life.at(21);
    var annId =
        UUID.nameUUIDFromBytes(
            (mentioned.eventId() + "/" + life.ann()).getBytes(StandardCharsets.UTF_8));

    var writes = projection.project(mentioned);

    assertThat(writes).hasSize(2);
    assertThat(writes.getFirst().params())
        .containsExactly(
            annId,
            life.ann().value(),
            "MENTION",
            life.history().server().value(),
            life.history().channel().value(),
            life.mention().value(),
            SqlNull.UUID,
            SqlNull.TEXT,
            life.ben().value(),
            mentioned.occurredAt().atOffset(ZoneOffset.UTC));
    assertThat(writes.get(1).params().get(1)).isEqualTo(life.owner().value());
  }

  @Test
  void shouldNotifyTheInviteeWithTheCodeWhenAnInviteIsSent() {
    var invitee = new UserId(UUID.randomUUID());
    var sent = event(new InviteSent(life.history().server(), life.code(), life.owner(), invitee));

    var writes = projection.project(sent);

    assertThat(writes)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.params())
                    .containsExactly(
                        Ids.notificationId(sent.eventId(), invitee),
                        invitee.value(),
                        "INVITE",
                        life.history().server().value(),
                        SqlNull.UUID,
                        SqlNull.UUID,
                        SqlNull.UUID,
                        life.code(),
                        life.owner().value(),
                        sent.occurredAt().atOffset(ZoneOffset.UTC)));
  }

  @Test
  void shouldNotifyTheRecipientOnlyWhenOfflineWhenADirectMessageIsSent() {
    var dms = DmLife.create();
    var offline = dms.of(dms.annBen(), 2);
    var online = dms.of(dms.annBen(), 3);
    var message = (DirectMessageSent) offline.payload();

    var writes = projection.project(offline);

    assertThat(projection.project(online)).isEmpty();
    assertThat(writes)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.params())
                    .containsExactly(
                        Ids.notificationId(offline.eventId(), dms.ben()),
                        dms.ben().value(),
                        "DM",
                        SqlNull.UUID,
                        SqlNull.UUID,
                        message.messageId().value(),
                        dms.annBen().value(),
                        SqlNull.TEXT,
                        dms.ann().value(),
                        offline.occurredAt().atOffset(ZoneOffset.UTC)));
  }

  @Test
  void shouldWriteNothingWhenEventIsNeitherAMentionNorADeletionThatTakesSome() {
    var events =
        Stream.concat(life.events().stream(), DmLife.create().events().stream())
            .collect(Collectors.partitioningBy(e -> notifiesOrDeletes(e.payload())));

    assertThat(events.get(false).stream().map(projection::project))
        .isNotEmpty()
        .allSatisfy(writes -> assertThat(writes).isEmpty());
    assertThat(events.get(true).stream().map(projection::project))
        .isNotEmpty()
        .allSatisfy(writes -> assertThat(writes).isNotEmpty());
  }

  /**
   * A mention, an invite sent, a message to an offline recipient, or a deletion that takes some.
   */
  private static boolean notifiesOrDeletes(EventPayload payload) {
    return payload instanceof MembersMentioned
        || payload instanceof InviteSent
        || (payload instanceof DirectMessageSent sent && sent.recipientOffline())
        || payload instanceof ChannelDeleted
        || payload instanceof ServerDeleted;
  }

  @Test
  void shouldDeleteTheNotificationsOfAChannelOrServerWhenItIsDeleted() {
    var server = life.history().server();
    var channel = life.history().channel();

    var channelGone = projection.project(event(new ChannelDeleted(server, channel)));
    var serverGone = projection.project(event(new ServerDeleted(server)));

    assertThat(channelGone)
        .singleElement()
        .satisfies(w -> assertThat(w.params()).containsExactly(channel.value()));
    assertThat(channelGone.getFirst().statement().sql()).contains("channel_id");
    assertThat(serverGone)
        .singleElement()
        .satisfies(w -> assertThat(w.params()).containsExactly(server.value()));
    assertThat(serverGone.getFirst().statement().sql()).contains("server_id");
  }

  private Event event(EventPayload payload) {
    return Event.decided(
        new CommandId(UUID.randomUUID()),
        0,
        life.history().server().value(),
        life.lastSeq() + 1,
        life.at(life.lastSeq()).occurredAt(),
        life.owner(),
        payload);
  }
}
