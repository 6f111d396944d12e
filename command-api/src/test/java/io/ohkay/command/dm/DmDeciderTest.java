package io.ohkay.command.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.command.decider.DeciderSpec;
import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.BlockUser;
import io.ohkay.schemas.command.DeleteDirectMessage;
import io.ohkay.schemas.command.DmCommand;
import io.ohkay.schemas.command.MarkConversationRead;
import io.ohkay.schemas.command.OpenConversation;
import io.ohkay.schemas.command.SendDirectMessage;
import io.ohkay.schemas.command.UnblockUser;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DmDeciderTest {

  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final UserId BOB = new UserId(UUID.randomUUID());
  private static final UserId EVE = new UserId(UUID.randomUUID());
  private static final ConversationId PAIR = ConversationId.between(ALICE, BOB);
  private static final MessageId MESSAGE = new MessageId(UUID.randomUUID());

  private final DmDecider decider = new DmDecider();

  /** A new conversation with this past. */
  private DeciderSpec<DmCommand, DmState> given(EventPayload... past) {
    return DeciderSpec.of(decider).given(past);
  }

  private DeciderSpec<DmCommand, DmState> opened() {
    return given(new ConversationOpened(PAIR, ALICE, BOB));
  }

  private DeciderSpec<DmCommand, DmState> withMessage() {
    return opened().given(new DirectMessageSent(PAIR, MESSAGE, ALICE, BOB, "hi", false));
  }

  @Test
  void shouldOpenTheConversationWhenEitherSideAsksFirst() {
    given()
        .when(new OpenConversation(PAIR, BOB), ALICE)
        .thenEvents(new ConversationOpened(PAIR, ALICE, BOB));
    given()
        .when(new OpenConversation(PAIR, ALICE), BOB)
        .thenEvents(new ConversationOpened(PAIR, BOB, ALICE));
  }

  @Test
  void shouldAcceptWithoutAFactWhenTheConversationIsAlreadyOpen() {
    var decision = opened().when(new OpenConversation(PAIR, ALICE), BOB).decision();

    assertThat(decision).isEqualTo(Decision.unchanged());
  }

  @Test
  void shouldRefuseAnOpenWhenTheConversationIsNotThePairsOrNamesTheActor() {
    given()
        .when(new OpenConversation(ConversationId.between(ALICE, EVE), BOB), ALICE)
        .thenRejected(ErrorCode.VALIDATION_FAILED);
    given()
        .when(new OpenConversation(PAIR, ALICE), ALICE)
        .thenRejected(ErrorCode.VALIDATION_FAILED);
  }

  @Test
  void shouldRefuseAnOpenWhenEitherSideBlocks() {
    given(new UserBlocked(PAIR, BOB, ALICE))
        .when(new OpenConversation(PAIR, BOB), ALICE)
        .thenRejected(ErrorCode.CANNOT_SEND);
    given(new UserBlocked(PAIR, BOB, ALICE))
        .when(new OpenConversation(PAIR, ALICE), BOB)
        .thenRejected(ErrorCode.CANNOT_SEND);
  }

  @Test
  void shouldSendToTheOtherParticipantWhenTheConversationIsOpen() {
    opened()
        .when(new SendDirectMessage(PAIR, MESSAGE, "hello", true), BOB)
        .thenEvents(new DirectMessageSent(PAIR, MESSAGE, BOB, ALICE, "hello", true));
    opened()
        .when(new SendDirectMessage(PAIR, MESSAGE, "hello", false), ALICE)
        .thenEvents(new DirectMessageSent(PAIR, MESSAGE, ALICE, BOB, "hello", false));
  }

  @Test
  void shouldTellANonParticipantNothingWhenTheyWriteOrTheConversationIsNotOpen() {
    opened()
        .when(new SendDirectMessage(PAIR, MESSAGE, "hi", true), EVE)
        .thenRejected(ErrorCode.CONVERSATION_NOT_FOUND);
    given()
        .when(new SendDirectMessage(PAIR, MESSAGE, "hi", true), ALICE)
        .thenRejected(ErrorCode.CONVERSATION_NOT_FOUND);
    given(new UserBlocked(PAIR, ALICE, BOB), new UserUnblocked(PAIR, ALICE, BOB))
        .when(new SendDirectMessage(PAIR, MESSAGE, "hi", true), ALICE)
        .thenRejected(ErrorCode.CONVERSATION_NOT_FOUND);
    withMessage()
        .when(new DeleteDirectMessage(PAIR, MESSAGE), EVE)
        .thenRejected(ErrorCode.CONVERSATION_NOT_FOUND);
    opened()
        .when(new MarkConversationRead(PAIR), EVE)
        .thenRejected(ErrorCode.CONVERSATION_NOT_FOUND);
    given()
        .when(new MarkConversationRead(PAIR), ALICE)
        .thenRejected(ErrorCode.CONVERSATION_NOT_FOUND);
  }

  @Test
  void shouldRefuseToSendWithTheSameCodeWhenEitherSideBlocked() {
    opened()
        .given(new UserBlocked(PAIR, ALICE, BOB))
        .when(new SendDirectMessage(PAIR, MESSAGE, "hi", true), BOB)
        .thenRejected(ErrorCode.CANNOT_SEND);
    opened()
        .given(new UserBlocked(PAIR, ALICE, BOB))
        .when(new SendDirectMessage(PAIR, MESSAGE, "hi", true), ALICE)
        .thenRejected(ErrorCode.CANNOT_SEND);
  }

  @Test
  void shouldRefuseAReusedMessageIdWhenItsPartIsLoaded() {
    withMessage()
        .when(new SendDirectMessage(PAIR, MESSAGE, "again", true), BOB)
        .thenRejected(ErrorCode.MESSAGE_ALREADY_EXISTS);
  }

  @Test
  void shouldLetOnlyTheAuthorDeleteAMessageWhenThePairIsBlocked() {
    withMessage()
        .when(new DeleteDirectMessage(PAIR, MESSAGE), BOB)
        .thenRejected(ErrorCode.NOT_MESSAGE_AUTHOR);
    withMessage()
        .given(new UserBlocked(PAIR, BOB, ALICE))
        .when(new DeleteDirectMessage(PAIR, MESSAGE), ALICE)
        .thenEvents(new DirectMessageDeleted(PAIR, MESSAGE, ALICE, BOB));
  }

  @Test
  void shouldRefuseADeleteWhenTheMessageIsUnknownOrAlreadyDeleted() {
    opened()
        .when(new DeleteDirectMessage(PAIR, MESSAGE), ALICE)
        .thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
    withMessage()
        .when(new DeleteDirectMessage(PAIR, new MessageId(UUID.randomUUID())), ALICE)
        .thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
    withMessage()
        .given(new DirectMessageDeleted(PAIR, MESSAGE, ALICE, BOB))
        .when(new DeleteDirectMessage(PAIR, MESSAGE), ALICE)
        .thenRejected(ErrorCode.MESSAGE_NOT_FOUND);
  }

  @Test
  void shouldMarkReadForTheReaderWhenThePairIsBlocked() {
    opened()
        .given(new UserBlocked(PAIR, ALICE, BOB))
        .when(new MarkConversationRead(PAIR), BOB)
        .thenEvents(new ConversationRead(PAIR, BOB));
  }

  @Test
  void shouldBlockOnceAndRecordThePairWhenNoConversationWasOpened() {
    given().when(new BlockUser(PAIR, BOB), ALICE).thenEvents(new UserBlocked(PAIR, ALICE, BOB));
    var blocked = given(new UserBlocked(PAIR, ALICE, BOB));

    assertThat(blocked.state().participants()).containsExactlyInAnyOrder(ALICE, BOB);
    assertThat(blocked.state().opened()).isFalse();
    assertThat(blocked.when(new BlockUser(PAIR, BOB), ALICE).decision())
        .isEqualTo(Decision.unchanged());
  }

  @Test
  void shouldRefuseABlockWhenItNamesTheActorOrAnotherPair() {
    given().when(new BlockUser(PAIR, ALICE), ALICE).thenRejected(ErrorCode.VALIDATION_FAILED);
    given().when(new BlockUser(PAIR, EVE), ALICE).thenRejected(ErrorCode.VALIDATION_FAILED);
    given().when(new UnblockUser(PAIR, EVE), ALICE).thenRejected(ErrorCode.VALIDATION_FAILED);
  }

  @Test
  void shouldLiftOnlyTheUnblockersOwnBlockWhenBothBlocked() {
    var both = opened().given(new UserBlocked(PAIR, ALICE, BOB), new UserBlocked(PAIR, BOB, ALICE));
    both.when(new UnblockUser(PAIR, ALICE), BOB).thenEvents(new UserUnblocked(PAIR, BOB, ALICE));

    both.given(new UserUnblocked(PAIR, BOB, ALICE))
        .when(new SendDirectMessage(PAIR, MESSAGE, "hi", true), BOB)
        .thenRejected(ErrorCode.CANNOT_SEND);
    both.given(new UserUnblocked(PAIR, ALICE, BOB))
        .when(new SendDirectMessage(PAIR, MESSAGE, "hi", true), BOB)
        .thenEvents(new DirectMessageSent(PAIR, MESSAGE, BOB, ALICE, "hi", true));
  }

  @Test
  void shouldAcceptWithoutAFactWhenUnblockingSomeoneNotBlocked() {
    assertThat(given().when(new UnblockUser(PAIR, BOB), ALICE).decision())
        .isEqualTo(Decision.unchanged());
    assertThat(
            opened()
                .given(new UserBlocked(PAIR, BOB, ALICE))
                .when(new UnblockUser(PAIR, BOB), ALICE)
                .decision())
        .isEqualTo(Decision.unchanged());
  }

  @Test
  void shouldRefuseEveryCommandWhenThereIsNoActor() {
    given().when(new OpenConversation(PAIR, BOB), null).thenRejected(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void shouldKeepTheMessageApartFromTheStateAndLoadItBackWhenACommandNamesIt() {
    var send = new SendDirectMessage(PAIR, MESSAGE, "hi", false);
    var state = withMessage().state();

    var part = decider.partOf(state);

    assertThat(decider.partKey(send)).isEqualTo("message:" + MESSAGE);
    assertThat(decider.partKey(new DeleteDirectMessage(PAIR, MESSAGE)))
        .isEqualTo("message:" + MESSAGE);
    assertThat(decider.partKey(new MarkConversationRead(PAIR))).isNull();
    assertThat(part).isNotNull();
    assertThat(decider.withoutPart(state).message()).isNull();
    assertThat(decider.withPart(decider.withoutPart(state), part)).isEqualTo(state);
    assertThat(decider.withPart(state, null).message()).isNull();
  }
}
