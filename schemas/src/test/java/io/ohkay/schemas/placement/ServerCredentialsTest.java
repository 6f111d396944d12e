package io.ohkay.schemas.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCredentialsTest {

  private static final ServerId SERVER = new ServerId(UUID.randomUUID());
  private static final String ROW = ServerCredentials.boundTo(SERVER, "main", "ohkay_s", "ohkay_s");

  @TempDir Path dir;

  private static ServerCredentials credentials(int seed) {
    var key = new byte[32];
    key[0] = (byte) seed;
    return ServerCredentials.of(key);
  }

  @Test
  void shouldOpenWhatItSealedWhenTheRowIsTheSame() {
    var credentials = credentials(1);
    var password = credentials.passwordOf(SERVER);

    var sealed = credentials.seal(password, ROW);

    assertThat(sealed).startsWith("v1.").doesNotContain(password);
    assertThat(credentials.open(sealed, ROW)).isEqualTo(password);
  }

  @Test
  void shouldSealTheSamePasswordDifferentlyEachTimeWhenNoncesAreRandom() {
    var credentials = credentials(1);

    assertThat(credentials.seal("secret", ROW)).isNotEqualTo(credentials.seal("secret", ROW));
  }

  @Test
  void shouldRefuseToOpenWhenTheRowTheKeyOrTheCiphertextDiffers() {
    var sealed = credentials(1).seal("secret", ROW);
    var otherRow = ServerCredentials.boundTo(SERVER, "second", "ohkay_s", "ohkay_s");
    var tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");

    assertThatThrownBy(() -> credentials(1).open(sealed, otherRow))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> credentials(2).open(sealed, ROW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> credentials(1).open(tampered, ROW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> credentials(1).open("v1.abc", ROW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDeriveOnePasswordPerServerWhenTheMasterKeyIsTheSame() {
    var other = new ServerId(UUID.randomUUID());

    assertThat(credentials(1).passwordOf(SERVER)).isEqualTo(credentials(1).passwordOf(SERVER));
    assertThat(credentials(1).passwordOf(SERVER)).isNotEqualTo(credentials(1).passwordOf(other));
    assertThat(credentials(1).passwordOf(SERVER)).isNotEqualTo(credentials(2).passwordOf(SERVER));
  }

  @Test
  void shouldGenerateTheKeyFileOnceAndReuseItWhenLoadedAgain() throws Exception {
    var file = dir.resolve("keys/placement.key");

    var first = ServerCredentials.loadOrGenerate(file);
    var content = Files.readString(file, StandardCharsets.UTF_8);
    var second = ServerCredentials.loadOrGenerate(file);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(content);
    assertThat(second.open(first.seal("pw", ROW), ROW)).isEqualTo("pw");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void shouldReadAServerCreatedWithoutClusterAsTheDefaultClusterWhenWrittenBeforePlacement() {
    var old =
        """
        {"type":"server.created.v1","eventId":"19766904-39b0-3668-b461-25fe01107a07",
         "commandId":"0190f5a2-7b1c-7d3e-8f40-00000000c002",
         "aggregateId":"0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5f01","seq":1,
         "occurredAt":"2026-01-15T09:31:00Z","actorId":"0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01",
         "payload":{"serverId":"0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5f01","name":"Rust fans",
                    "ownerId":"0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01"}}""";

    var event = Json.read(old.getBytes(StandardCharsets.UTF_8), Event.class);

    assertThat(((ServerCreated) event.payload()).cluster())
        .isEqualTo(ServerCreated.DEFAULT_CLUSTER);
  }
}
