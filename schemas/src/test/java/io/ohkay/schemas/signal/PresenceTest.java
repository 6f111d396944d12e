package io.ohkay.schemas.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PresenceTest {

  private static final UserId ALICE = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01");
  private static final Instant AT = Instant.parse("2026-01-19T12:00:00Z");

  @Test
  void shouldNameItsTypeAndReadBackAsASignalWhenWritten() {
    var presence = new Presence(ALICE, "edge-1", true, AT, true);

    var bytes = Json.write(presence);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"type\":\"presence.v1\"")
        .contains("\"idle\":true")
        .doesNotContain("key");
    assertThat(Json.read(bytes, Signal.class)).isEqualTo(presence);
  }

  @Test
  void shouldReadNotIdleWhenARecordWrittenBeforeIdleExistedIsRead() throws IOException {
    var path = "/golden/signals/before-idle/presence.v1.json";
    try (InputStream in = PresenceTest.class.getResourceAsStream(path)) {
      var bytes = Objects.requireNonNull(in, path).readAllBytes();

      assertThat(Json.read(bytes, Signal.class))
          .isEqualTo(new Presence(ALICE, "edge-1", true, AT, false));
    }
  }

  @Test
  void shouldBeNotIdleAndKeyedByItsUserWhenBuiltWithoutIdle() {
    var presence = new Presence(ALICE, "edge-1", false, AT);

    assertThat(presence.idle()).isFalse();
    assertThat(presence.key()).isEqualTo(ALICE.toString());
  }
}
