package io.ohkay.edge.stream;

import static io.ohkay.edge.stream.OpenStreams.WAIT;
import static io.ohkay.edge.stream.StreamEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ohkay.edge.EdgeIntegrationTest;
import io.ohkay.edge.EdgeTestEnvironment;
import io.ohkay.edge.SseConnection;
import io.ohkay.edge.SseConnection.SseEvent;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.Ids;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Direct-message events on the real broker, produced transactionally as the decider does: each
 * reaches the streams of the users it names and no one else's, and the notifications of an offline
 * recipient and of an invitee reach them alone.
 */
@EdgeIntegrationTest
class DmStreamIT {

  @RegisterExtension static final EdgeTestEnvironment ENV = EdgeTestEnvironment.create("dmsse");

  @LocalServerPort int port;
  @RegisterExtension final OpenStreams streams = new OpenStreams();

  private final UUID alice = UUID.randomUUID();
  private final UUID bob = UUID.randomUUID();
  private final ConversationId conversation =
      ConversationId.between(new UserId(alice), new UserId(bob));

  @Test
  void shouldDeliverADirectMessageToBothParticipantsAndNoOneElseWhenSent() {
    var eve = UUID.randomUUID();
    var shared = ENV.createServer("Shared", alice);
    ENV.addMember(shared, eve);
    var aliceStream = connect(alice);
    var bobStream = connect(bob);
    var eveStream = connect(eve);

    var sent = sent(alice, bob, "for bob only", false);
    ENV.publishDm(
        event(
            conversation.value(),
            alice,
            new ConversationOpened(conversation, new UserId(alice), new UserId(bob))),
        sent);
    var toBob = awaitData(bobStream, "dm.message.sent.v1", messageId(sent));
    var toAlice = awaitData(aliceStream, "dm.message.sent.v1", messageId(sent));
    var sentinel = sent(eve, UUID.randomUUID(), "for eve", false);
    ENV.publishDm(sentinel);
    awaitData(eveStream, "dm.message.sent.v1", messageId(sentinel));

    assertThat(toBob.data()).isEqualTo(toAlice.data()).contains("for bob only");
    assertThat(StreamCursor.decode(toBob.id()).positions())
        .hasSize(3 * EdgeTestEnvironment.PARTITIONS);
    assertThat(Json.mapper().readTree(toBob.data()).get("seq").longValue()).isEqualTo(sent.seq());
    assertThat(bobStream.events("dm.conversation.opened.v1")).hasSize(1);
    assertThat(aliceStream.events("dm.conversation.opened.v1")).hasSize(1);
    assertThat(eveStream.events())
        .noneMatch(e -> e.data().contains(conversation.toString()))
        .noneMatch(e -> e.data().contains("for bob only"));
  }

  @Test
  void shouldGiveReadAndBlockEventsOnlyToTheReaderAndTheBlockerWhenPublished() {
    var aliceStream = connect(alice);
    var bobStream = connect(bob);
    var sent = sent(alice, bob, "soon deleted", false);
    var payload = (DirectMessageSent) sent.payload();

    ENV.publishDm(
        sent,
        event(conversation.value(), alice, new ConversationRead(conversation, new UserId(alice))),
        event(
            conversation.value(),
            bob,
            new UserBlocked(conversation, new UserId(bob), new UserId(alice))),
        event(
            conversation.value(),
            alice,
            new DirectMessageDeleted(
                conversation, payload.messageId(), new UserId(alice), new UserId(bob))));
    awaitData(aliceStream, "dm.message.deleted.v1", messageId(sent));
    awaitData(bobStream, "dm.message.deleted.v1", messageId(sent));

    assertThat(aliceStream.events("dm.conversation.read.v1")).hasSize(1);
    assertThat(aliceStream.events("dm.user.blocked.v1")).isEmpty();
    assertThat(bobStream.events("dm.user.blocked.v1")).hasSize(1);
    assertThat(bobStream.events("dm.conversation.read.v1")).isEmpty();
  }

  @Test
  void shouldNotifyTheRecipientAloneWhenAMessageWasSentWhileTheyWereOffline() {
    var aliceStream = connect(alice);
    var bobStream = connect(bob);

    var whileAway = sent(alice, bob, "while you were away", true);
    var sentinel = sent(alice, bob, "and now", false);
    ENV.publishDm(whileAway, sentinel);
    var created =
        awaitData(
            bobStream,
            "notification.created",
            Ids.notificationId(whileAway.eventId(), new UserId(bob)).toString());
    awaitData(aliceStream, "dm.message.sent.v1", messageId(sentinel));
    awaitData(bobStream, "dm.message.sent.v1", messageId(sentinel));

    var data = Json.mapper().readTree(created.data());
    assertThat(data.get("kind").stringValue()).isEqualTo("DM");
    assertThat(data.get("conversationId").stringValue()).isEqualTo(conversation.toString());
    assertThat(data.get("messageId").stringValue()).isEqualTo(messageId(whileAway));
    // The message comes "at its record, one item given", the notification just after the record:
    // a resume between the two replays the notification alone.
    var message = StreamCursor.decode(bobStream.events("dm.message.sent.v1").getFirst().id());
    var notification = StreamCursor.decode(created.id());
    assertThat(message.marks()).hasSize(1);
    var partition = message.marks().keySet().iterator().next();
    assertThat(message.skipAt(partition)).isEqualTo(1);
    assertThat(notification.positions().get(partition))
        .isEqualTo(message.positions().get(partition) + 1);
    assertThat(bobStream.events("notification.created")).hasSize(1);
    assertThat(aliceStream.events("notification.created")).isEmpty();
  }

  @Test
  void shouldNotifyTheInviteeWhoIsNoMemberWhenInvited() {
    var owner = UUID.randomUUID();
    var invitee = UUID.randomUUID();
    var server = ENV.createServer("Inviting", owner);
    var ownerStream = connect(owner);
    var inviteeStream = connect(invitee);

    var invite =
        event(
            server,
            owner,
            new InviteSent(new ServerId(server), "c0de42", new UserId(owner), new UserId(invitee)));
    ENV.publish(invite);
    var created = awaitData(inviteeStream, "notification.created", "c0de42");
    awaitData(ownerStream, "invite.sent.v1", invite.eventId().toString());

    var data = Json.mapper().readTree(created.data());
    assertThat(data.get("id").stringValue())
        .isEqualTo(Ids.notificationId(invite.eventId(), new UserId(invitee)).toString());
    assertThat(data.get("kind").stringValue()).isEqualTo("INVITE");
    assertThat(data.get("serverId").stringValue()).isEqualTo(server.toString());
    assertThat(data.get("actorId").stringValue()).isEqualTo(owner.toString());
    assertThat(ownerStream.events("notification.created")).isEmpty();
    assertThat(inviteeStream.events("invite.sent.v1")).isEmpty();
  }

  private Event sent(UUID author, UUID recipient, String content, boolean recipientOffline) {
    var between = ConversationId.between(new UserId(author), new UserId(recipient));
    return event(
        between.value(),
        author,
        new DirectMessageSent(
            between,
            new MessageId(UUID.randomUUID()),
            new UserId(author),
            new UserId(recipient),
            content,
            recipientOffline));
  }

  private static String messageId(Event sent) {
    return ((DirectMessageSent) sent.payload()).messageId().toString();
  }

  /**
   * Waits until {@code stream} received an event named {@code name} whose data holds {@code text}.
   */
  private static SseEvent awaitData(SseConnection stream, String name, String text) {
    await()
        .atMost(WAIT)
        .until(() -> stream.events(name).stream().anyMatch(e -> e.data().contains(text)));
    return stream.events(name).stream()
        .filter(e -> e.data().contains(text))
        .findFirst()
        .orElseThrow();
  }

  private SseConnection connect(UUID user) {
    return streams.connect(port, ENV.tokens().valid(user));
  }
}
