package io.ohkay.schemas.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConversationIdTest {

  private static final UserId ALICE = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01");
  private static final UserId BOB = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e02");
  private static final UserId CAROL = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e03");

  @Test
  void shouldNameOneConversationWhenEitherSideAsks() {
    assertThat(ConversationId.between(ALICE, BOB)).isEqualTo(ConversationId.between(BOB, ALICE));
  }

  @Test
  void shouldNameDifferentConversationsWhenThePairsDiffer() {
    assertThat(ConversationId.between(ALICE, BOB))
        .isNotEqualTo(ConversationId.between(ALICE, CAROL))
        .isNotEqualTo(ConversationId.between(BOB, CAROL));
  }

  @Test
  void shouldRefuseWhenBothUsersAreTheSame() {
    assertThatThrownBy(() -> ConversationId.between(ALICE, ALICE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
