package io.ohkay.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.SessionId;
import io.ohkay.schemas.id.UserId;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshTokensTest {

  private static final UserId ALICE = new UserId(UUID.randomUUID());
  private static final SessionId SESSION = new SessionId(UUID.randomUUID());

  @TempDir Path dir;

  @Test
  void shouldReturnTheClaimsWhenTheTokenIsAuthentic() {
    var tokens = RefreshTokens.loadOrGenerate(dir.resolve("refresh.key"));

    var token = tokens.issue(ALICE, SESSION, 7);

    assertThat(tokens.verify(token)).contains(new RefreshTokens.Claims(ALICE, SESSION, 7));
    assertThat(token).doesNotContain(ALICE.toString()).startsWith("ort1.");
  }

  @Test
  void shouldRefuseWhenAnyByteIsChangedOrTheKeyDiffers() {
    var tokens = RefreshTokens.loadOrGenerate(dir.resolve("a.key"));
    var other = RefreshTokens.loadOrGenerate(dir.resolve("b.key"));
    var token = tokens.issue(ALICE, SESSION, 1);
    var bytes = Base64.getUrlDecoder().decode(token.substring(5));

    for (var i = 0; i < bytes.length; i++) {
      var tampered = bytes.clone();
      tampered[i] ^= 1;
      var forged = "ort1." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
      assertThat(tokens.verify(forged)).as("byte %d flipped", i).isEmpty();
    }
    assertThat(other.verify(token)).isEmpty();
    assertThat(tokens.verify("ort1.not base64!")).isEmpty();
    assertThat(tokens.verify(token.substring(0, token.length() - 4))).isEmpty();
    assertThat(tokens.verify("Bearer " + token)).isEmpty();
  }

  @Test
  void shouldKeepTheSameKeyWhenLoadedAgain() {
    var file = dir.resolve("refresh.key");
    var token = RefreshTokens.loadOrGenerate(file).issue(ALICE, SESSION, 2);

    assertThat(RefreshTokens.loadOrGenerate(file).verify(token)).isPresent();
  }
}
