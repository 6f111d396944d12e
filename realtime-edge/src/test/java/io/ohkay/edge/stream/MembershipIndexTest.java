package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MembershipIndexTest {

  private final MembershipIndex<String, String> index = new MembershipIndex<>();

  @Test
  void shouldFindOnlyTheMembersOfAKeyWhenDispatching() {
    index.add("guild", "alice");
    index.add("guild", "bob");
    index.add("club", "carol");

    assertThat(index.membersOf("guild")).containsExactly("alice", "bob");
    assertThat(index.membersOf("club")).containsExactly("carol");
    assertThat(index.membersOf("nowhere")).isEmpty();
  }

  @Test
  void shouldForgetEmptyKeysWhenTheLastMemberLeaves() {
    index.add("guild", "alice");
    index.add("guild", "bob");

    index.remove("guild", "alice");
    assertThat(index.keys()).isOne();
    index.remove("guild", "bob");
    index.remove("guild", "bob");

    assertThat(index.keys()).isZero();
    assertThat(index.membersOf("guild")).isEmpty();
  }

  @Test
  void shouldAddOnceWhenTheSameMemberJoinsTwice() {
    assertThat(index.add("guild", "alice")).isTrue();
    assertThat(index.add("guild", "alice")).isFalse();

    assertThat(index.membersOf("guild")).containsExactly("alice");
  }

  @Test
  void shouldKeepASnapshotStableWhenTheIndexChangesDuringIteration() {
    index.add("guild", "alice");
    index.add("guild", "bob");

    var snapshot = index.membersOf("guild");
    for (var member : snapshot) {
      index.remove("guild", member);
    }

    assertThat(snapshot).containsExactly("alice", "bob");
    assertThat(index.membersOf("guild")).isEmpty();
  }
}
