package io.ohkay.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CommandTypes;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.outcome.CommandOutcome;
import io.ohkay.schemas.signal.Signal;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The wire contract, pinned: every event, command, outcome and signal type has a golden JSON file
 * of a fixed instance. A golden file that no longer matches is a schema change: add a new versioned
 * type instead of editing a published one. Run with {@code -Dgolden.update=true} to (re)write the
 * files of the fixed instances after an intended change, then review the diff.
 */
class GoldenFilesTest {

  private static final String SCHEMA_CHANGE =
      "SCHEMA CHANGE: %s no longer matches the serialized form of its fixed instance. Published"
          + " types are immutable contracts read by every consumer and replayed from the log"
          + " forever: add a new versioned type (e.g. .v2) instead. If this change is intended"
          + " and the type unpublished, rerun with -Dgolden.update=true and review the diff.";

  @TestFactory
  Stream<DynamicTest> shouldSerializeEachFixedInstanceAsItsGoldenFileWhenTheContractIsUnchanged() {
    return GoldenInstances.all().entrySet().stream()
        .map(entry -> dynamicTest(entry.getKey(), () -> compare(entry.getKey(), entry.getValue())));
  }

  @TestFactory
  Stream<DynamicTest> shouldRoundTripEveryGoldenFileWhenDeserialized() throws IOException {
    var files = goldenFiles();
    assertThat(files).as("golden files").isNotEmpty();
    return files.stream()
        .map(file -> dynamicTest(goldenRoot().relativize(file).toString(), () -> roundTrip(file)));
  }

  @Test
  void shouldHaveAGoldenFileWhenAnEventTypeIsInTheCatalogue() {
    assertThat(EventTypes.all()).isNotEmpty();
    for (var type : EventTypes.all()) {
      assertThat(goldenRoot().resolve("events/" + type + ".json"))
          .as("golden file of event type %s (add it with a fixed instance)", type)
          .isRegularFile();
    }
  }

  @Test
  void shouldHaveAGoldenFileWhenACommandTypeIsInTheCatalogue() throws IllegalAccessException {
    var types = commandTypes();
    assertThat(types).isNotEmpty();
    for (var type : types) {
      assertThat(goldenRoot().resolve("commands/" + type + ".json"))
          .as("golden file of command type %s (add it with a fixed instance)", type)
          .isRegularFile();
    }
  }

  @Test
  void shouldHaveAFixedInstanceWhenAnEventPayloadClassExists() {
    var covered =
        GoldenInstances.events().values().stream()
            .<Class<?>>map(e -> e.payload().getClass())
            .toList();
    assertThat(GoldenInstances.events().keySet())
        .containsExactlyInAnyOrderElementsOf(EventTypes.all());
    assertThat(covered).containsExactlyInAnyOrderElementsOf(leaves(EventPayload.class));
  }

  private static void compare(String relative, Object instance) throws IOException {
    var actual = tree(Json.write(instance));
    if (Boolean.getBoolean("golden.update")) {
      var target = Path.of("src/test/resources/golden").resolve(relative);
      Files.createDirectories(target.getParent());
      Files.writeString(
          target, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
      return;
    }
    var file = goldenRoot().resolve(relative);
    assertThat(file).as("golden file %s", relative).isRegularFile();
    assertThat(actual).as(SCHEMA_CHANGE, relative).isEqualTo(tree(Files.readAllBytes(file)));
  }

  private static void roundTrip(Path file) throws IOException {
    var bytes = Files.readAllBytes(file);
    var type = valueType(file);
    var value = Json.read(bytes, type);
    assertThat(Json.read(Json.write(value), type)).isEqualTo(value);
    if (type != CommandOutcome.class) {
      assertThat(file.getFileName().toString())
          .as("a golden event or command file is named after its type")
          .isEqualTo(tree(bytes).path("type").asString() + ".json");
    }
  }

  private static Class<?> valueType(Path file) {
    var directory = goldenRoot().relativize(file).getName(0).toString();
    return switch (directory) {
      case "events" -> Event.class;
      case "commands" -> Command.class;
      case "outcomes" -> CommandOutcome.class;
      case "signals" -> Signal.class;
      default -> fail("unknown golden directory %s for %s", directory, file);
    };
  }

  private static List<Path> goldenFiles() throws IOException {
    try (var paths = Files.walk(goldenRoot())) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  static Path goldenRoot() {
    try {
      var url = Objects.requireNonNull(GoldenFilesTest.class.getResource("/golden"), "golden/");
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode tree(byte[] json) {
    return Json.mapper().readTree(json);
  }

  private static List<String> commandTypes() throws IllegalAccessException {
    var types = new ArrayList<String>();
    for (Field field : CommandTypes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        types.add((String) field.get(null));
      }
    }
    return types;
  }

  private static List<Class<?>> leaves(Class<?> sealed) {
    var permitted = sealed.getPermittedSubclasses();
    if (permitted == null) {
      return List.of(sealed);
    }
    return Arrays.stream(permitted).flatMap(c -> leaves(c).stream()).toList();
  }
}
