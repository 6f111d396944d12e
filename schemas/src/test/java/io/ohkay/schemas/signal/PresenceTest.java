package io.ohkay.schemas.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceTest {

  private static final UserId ALICE = UserId.parse("0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01");

  @Test
  void shouldNameItsTypeAndReadBackAsASignalWhenWritten() {
    var presence = new Presence(ALICE, "edge-1", true, Instant.parse("2026-01-19T12:00:00Z"));

    var bytes = Json.write(presence);

    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"type\":\"presence.v1\"");
    assertThat(Json.read(bytes, Signal.class)).isEqualTo(presence);
  }
}
