package io.ohkay.edge.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.json.Json;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountRowTest {

  private final UUID id = UUID.randomUUID();
  private final Instant created = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void shouldShowTheProfileWithNullsWhenTheAccountIsLive() {
    var row = new AccountRow(id, "a@x.io", created, null, "Alice", null, "hi");

    var view = row.publicView().orElseThrow();

    assertThat(view).isEqualTo(new ProfileView(id, "Alice", null, "hi", null));
    assertThat(row.ownView().orElseThrow())
        .isEqualTo(new MyProfileView(id, "Alice", null, "hi", "a@x.io", created));
  }

  @Test
  void shouldShowAPlaceholderToOthersAndNothingToTheOwnerWhenTheAccountIsDeleted() {
    var row = new AccountRow(id, null, created, created.plusSeconds(60), null, null, null);

    assertThat(row.publicView().orElseThrow())
        .isEqualTo(new ProfileView(id, "Deleted user", null, null, true));
    assertThat(row.ownView()).isEmpty();
  }

  @Test
  void shouldShowNothingWhenTheProfileIsMissing() {
    var row = new AccountRow(id, "a@x.io", created, null, null, null, null);

    assertThat(row.publicView()).isEmpty();
    assertThat(row.ownView()).isEmpty();
  }

  @Test
  void shouldWriteDeletedOnlyWhenTheAccountIsDeletedWhenSerialized() {
    var live = Json.mapper().readTree(Json.write(new ProfileView(id, "A", null, null, null)));
    var gone = Json.mapper().readTree(Json.write(new ProfileView(id, "A", null, null, true)));

    assertThat(live.has("deleted")).isFalse();
    assertThat(live.has("avatarUrl")).isTrue();
    assertThat(live.get("avatarUrl").isNull()).isTrue();
    assertThat(gone.get("deleted").booleanValue()).isTrue();
  }
}
