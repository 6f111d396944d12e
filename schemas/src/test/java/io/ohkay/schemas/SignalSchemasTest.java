package io.ohkay.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.ohkay.schemas.signal.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of each signal type (under {@code json-schema/signals/}) accepts every golden
 * file of its type, old ones included, and refuses one missing a required field or naming its place
 * wrongly.
 */
class SignalSchemasTest {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  static Stream<String> types() {
    return Arrays.stream(Signal.class.getAnnotation(JsonSubTypes.class).value())
        .map(JsonSubTypes.Type::name);
  }

  @ParameterizedTest
  @MethodSource("types")
  void shouldBeAValidDraft202012SchemaWhenCheckedAgainstTheMetaSchema(String type) {
    var metaSchema =
        REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(schemaNode(type))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("types")
  void shouldHaveAGoldenFileWhenASignalTypeExists(String type) {
    assertThat(signalsRoot().resolve(type + ".json")).isRegularFile();
  }

  @ParameterizedTest
  @MethodSource("types")
  void shouldDescribeExactlyTheRecordComponentsWhenComparedToTheJavaType(String type) {
    var components =
        Arrays.stream(classOf(type).getRecordComponents()).map(RecordComponent::getName).toList();
    var properties = schemaNode(type).get("properties").propertyNames().stream();

    assertThat(properties.filter(name -> !name.equals("type")).toList())
        .containsExactlyElementsOf(components);
  }

  @TestFactory
  Stream<DynamicTest> shouldAcceptEveryGoldenFileWhenValidatedAgainstItsTypesSchema()
      throws IOException {
    try (var files = Files.walk(signalsRoot())) {
      return files.filter(Files::isRegularFile).toList().stream()
          .map(
              file ->
                  dynamicTest(
                      signalsRoot().relativize(file).toString(),
                      () -> assertThat(validate(read(file))).isEmpty()));
    }
  }

  @TestFactory
  Stream<DynamicTest> shouldRefuseTheGoldenFileWhenARequiredFieldIsRemoved() {
    return types()
        .flatMap(
            type ->
                requiredFields(type)
                    .map(
                        field ->
                            dynamicTest(
                                type + " without " + field,
                                () -> {
                                  var signal = golden(type);
                                  assertThat(signal.remove(field)).isNotNull();
                                  assertThat(validate(type, signal)).isNotEmpty();
                                })));
  }

  @Test
  void shouldRefuseATypingSignalWhenItNamesBothPlacesOrAnIncompleteOne() {
    var inConversation = read(signalsRoot().resolve("in-conversation/typing.v1.json"));
    assertRefused(
        "typing.v1",
        signal -> signal.put("conversationId", inConversation.get("conversationId").asString()));
    assertRefused("typing.v1", signal -> signal.remove("channelId"));
    assertRefused("typing.v1", signal -> signal.put("serverId", "1-1-1-1-1"));
    assertThat(validate(inConversation)).isEmpty();
    inConversation.put("channelId", golden("typing.v1").get("channelId").asString());
    assertThat(validate(inConversation)).isNotEmpty();
    var noRecipient = read(signalsRoot().resolve("in-conversation/typing.v1.json"));
    noRecipient.remove("recipientId");
    assertThat(validate(noRecipient)).isNotEmpty();
    assertRefused(
        "typing.v1",
        signal -> signal.put("recipientId", inConversation.get("recipientId").asString()));
  }

  @Test
  void shouldRefuseAPresenceSignalWhenIdleIsNotABooleanOrTheUserNotAUuid() {
    assertRefused("presence.v1", signal -> signal.put("idle", "yes"));
    assertRefused("presence.v1", signal -> signal.put("userId", "alice"));
    assertRefused("presence.v1", signal -> signal.put("at", "now"));
  }

  private static Stream<String> requiredFields(String type) {
    return schemaNode(type).get("required").values().stream().map(JsonNode::asString);
  }

  private static void assertRefused(String type, Consumer<ObjectNode> change) {
    var signal = golden(type);
    change.accept(signal);
    assertThat(validate(type, signal)).as("errors for %s", signal).isNotEmpty();
  }

  private static List<Error> validate(JsonNode signal) {
    return validate(signal.path("type").asString(), signal);
  }

  private static List<Error> validate(String type, JsonNode signal) {
    return REGISTRY.getSchema(schemaNode(type)).validate(signal);
  }

  private static Class<?> classOf(String type) {
    return Arrays.stream(Signal.class.getAnnotation(JsonSubTypes.class).value())
        .filter(subtype -> subtype.name().equals(type))
        .findFirst()
        .orElseThrow()
        .value();
  }

  private static JsonNode schemaNode(String type) {
    var path = "/json-schema/signals/" + type + ".schema.json";
    try (InputStream in = SignalSchemasTest.class.getResourceAsStream(path)) {
      return GoldenFilesTest.tree(Objects.requireNonNull(in, path).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path signalsRoot() {
    return GoldenFilesTest.goldenRoot().resolve("signals");
  }

  private static ObjectNode golden(String type) {
    return read(signalsRoot().resolve(type + ".json"));
  }

  private static ObjectNode read(Path file) {
    try {
      return (ObjectNode) GoldenFilesTest.tree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
