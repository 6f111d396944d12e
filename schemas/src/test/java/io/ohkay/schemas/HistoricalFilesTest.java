package io.ohkay.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Records as they were published before an optional field was added to their v1 type, under {@code
 * golden-history/}: each must still read, as today's fixed instance with the field's documented
 * default. Never edit a file here: the log holds them as they are.
 */
class HistoricalFilesTest {

  @TestFactory
  Stream<DynamicTest> shouldReadEachHistoricalFileWithItsDefaultsWhenAnOptionalFieldIsAbsent() {
    return expected().entrySet().stream()
        .map(entry -> dynamicTest(entry.getKey(), () -> read(entry.getKey(), entry.getValue())));
  }

  @Test
  void shouldExpectAValueWhenAHistoricalFileExists() {
    var files = files("").stream().map(f -> root().relativize(f).toString()).toList();

    assertThat(files).containsExactlyInAnyOrderElementsOf(expected().keySet());
  }

  /** What each historical file reads as, keyed by its path under {@code golden-history/}. */
  private static Map<String, Object> expected() {
    var golden = GoldenInstances.all();
    var invite = (Command) golden.get("commands/invite.create.v1.json");
    var sentToNobody = (CreateInvite) invite.payload();
    return Map.of(
        "events/server.created.v1.before-placement.json",
        golden.get("events/server.created.v1.json"),
        "commands/server.create.v1.before-placement.json",
        golden.get("commands/server.create.v1.json"),
        "commands/invite.create.v1.before-invitee.json",
        new Command(
            invite.commandId(),
            invite.actorId(),
            invite.issuedAt(),
            new CreateInvite(
                sentToNobody.serverId(),
                sentToNobody.code(),
                sentToNobody.expiresAt(),
                sentToNobody.maxUses(),
                null)),
        "outcomes/accepted.before-placement.json",
        golden.get("outcomes/accepted.json"));
  }

  private static void read(String relative, Object expected) throws IOException {
    var type =
        switch (expected) {
          case Event e -> Event.class;
          case Command c -> Command.class;
          case CommandOutcome o -> CommandOutcome.class;
          default -> throw new IllegalArgumentException("unexpected " + expected);
        };

    var value = Json.read(Files.readAllBytes(root().resolve(relative)), type);

    assertThat(value).isEqualTo(expected);
    if (value instanceof Event event && event.payload() instanceof ServerCreated created) {
      assertThat(created.cluster()).isEqualTo(ServerCreated.DEFAULT_CLUSTER);
    }
  }

  /** The historical files under {@code golden-history/<directory>}. */
  static List<Path> files(String directory) {
    try (var paths = Files.walk(root().resolve(directory))) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    try {
      var url =
          Objects.requireNonNull(
              HistoricalFilesTest.class.getResource("/golden-history"), "golden-history/");
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
