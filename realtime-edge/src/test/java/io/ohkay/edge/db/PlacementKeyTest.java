package io.ohkay.edge.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacementKeyTest {

  @TempDir Path dir;

  @Test
  void shouldAnswerUnavailableAndMakeNoKeyWhenTheFileIsMissing() {
    var file = dir.resolve("keys/placement.key");
    var key = new PlacementKey(file);

    assertThatThrownBy(key::get)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void shouldOpenWhatTheSharedKeySealedWhenTheFileAppearsLater() {
    var file = dir.resolve("placement.key");
    var key = new PlacementKey(file);
    assertThatThrownBy(key::get).isInstanceOf(ProblemException.class);

    var shared = ServerCredentials.loadOrGenerate(file);
    var boundTo = ServerCredentials.boundTo(new ServerId(UUID.randomUUID()), "main", "db", "role");
    var sealed = shared.seal("secret", boundTo);

    assertThat(key.get().open(sealed, boundTo)).isEqualTo("secret");
  }
}
