package io.ohkay.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.ohkay.schemas.event.EventTypes;
import io.ohkay.schemas.event.MemberBanned;
import io.ohkay.schemas.event.ServerCreated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of each event type (under {@code json-schema/events/}) accepts its golden file
 * and refuses it when any required part is missing or malformed.
 */
class EventSchemasTest {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  /** The one envelope field an event may lack: sign-up has no authenticated actor. */
  private static final String OPTIONAL_FIELD = "actorId";

  static Stream<String> types() {
    return EventTypes.all().stream().sorted();
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
  void shouldAcceptTheGoldenFileWhenValidatedAgainstItsSchema(String type) {
    assertThat(validate(type, golden(type))).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> shouldRefuseTheGoldenFileWhenARequiredFieldIsRemoved() {
    return types().flatMap(type -> requiredFields(type).map(field -> removal(type, field)));
  }

  @ParameterizedTest
  @MethodSource("types")
  void shouldRefuseTheGoldenFileWhenSeqIsBelowOne(String type) {
    assertRefused(type, event -> event.put("seq", 0));
  }

  @ParameterizedTest
  @MethodSource("types")
  void shouldRefuseTheGoldenFileWhenAnIdIsNotACanonicalUuid(String type) {
    assertRefused(type, event -> event.put("eventId", "1-1-1-1-1"));
    assertRefused(type, event -> event.put("actorId", "not-a-uuid"));
    var firstPayloadField = golden(type).get("payload").propertyNames().iterator().next();
    assertRefused(type, event -> payload(event).put(firstPayloadField, "1-1-1-1-1"));
  }

  @ParameterizedTest
  @MethodSource("types")
  void shouldRefuseTheGoldenFileWhenItsTypeNamesAnotherEvent(String type) {
    var other = types().filter(t -> !t.equals(type)).findFirst().orElseThrow();
    assertRefused(type, event -> event.put("type", other));
  }

  @ParameterizedTest
  @MethodSource("types")
  void shouldRefuseTheGoldenFileWhenOccurredAtIsNotADateTime(String type) {
    assertRefused(type, event -> event.put("occurredAt", "yesterday at noon"));
  }

  /**
   * Every payload component is a property, and required unless it was added to the type after
   * publication: such a field is defaulted, its canonical constructor takes {@code @Nullable} where
   * the component itself is never null (as {@link ServerCreated#cluster()}), and older events lack
   * it. A component that is itself {@code @Nullable} is always written, as null, so it is required.
   */
  @ParameterizedTest
  @MethodSource("types")
  void shouldRequireThePayloadRecordComponentsButTheDefaultedWhenComparedToTheJavaType(
      String type) {
    var payloadClass = EventTypes.classOf(type).orElseThrow();
    var components =
        Arrays.stream(payloadClass.getRecordComponents()).map(RecordComponent::getName).toList();
    var defaulted = defaultedComponents(payloadClass);
    var payload = schemaNode(type).get("properties").get("payload");
    var required = payload.get("required").values().stream().map(JsonNode::asString).toList();

    assertThat(payload.get("properties").propertyNames()).containsExactlyElementsOf(components);
    assertThat(required)
        .containsExactlyElementsOf(
            components.stream().filter(c -> !defaulted.contains(c)).toList());
  }

  @Test
  void shouldTreatAFieldAddedAfterPublicationAsOptionalWhenItHasADefault() {
    assertThat(defaultedComponents(ServerCreated.class)).containsExactly("cluster");
    assertThat(defaultedComponents(MemberBanned.class)).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> shouldAcceptEveryHistoricalEventWhenValidatedAgainstItsSchema() {
    var files = HistoricalFilesTest.files("events");
    assertThat(files).isNotEmpty();
    return files.stream()
        .map(
            file ->
                dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      var event = GoldenFilesTest.tree(Files.readAllBytes(file));

                      assertThat(validate(event.get("type").asString(), event)).isEmpty();
                    }));
  }

  /** The components a payload class defaults when absent (see the test above). */
  private static List<String> defaultedComponents(Class<?> payloadClass) {
    var components = payloadClass.getRecordComponents();
    var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      var parameters = payloadClass.getDeclaredConstructor(types).getAnnotatedParameterTypes();
      return IntStream.range(0, components.length)
          .filter(i -> parameters[i].isAnnotationPresent(Nullable.class))
          .filter(i -> !components[i].getAnnotatedType().isAnnotationPresent(Nullable.class))
          .mapToObj(i -> components[i].getName())
          .toList();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DynamicTest removal(String type, String field) {
    return dynamicTest(
        type + " without " + field,
        () -> {
          var event = golden(type);
          var removed =
              field.startsWith("payload.")
                  ? payload(event).remove(field.substring("payload.".length()))
                  : event.remove(field);
          assertThat(removed).as("field %s of the golden file", field).isNotNull();

          var errors = validate(type, event);

          assertThat(errors).extracting(Error::getKeyword).contains("required");
        });
  }

  private static Stream<String> requiredFields(String type) {
    var event = golden(type);
    var envelope = event.propertyNames().stream().filter(name -> !name.equals(OPTIONAL_FIELD));
    var defaulted = defaultedComponents(EventTypes.classOf(type).orElseThrow());
    var payload =
        event.get("payload").propertyNames().stream()
            .filter(name -> !defaulted.contains(name))
            .map(name -> "payload." + name);
    return Stream.concat(envelope, payload);
  }

  private static void assertRefused(String type, Consumer<ObjectNode> change) {
    var event = golden(type);
    change.accept(event);
    assertThat(validate(type, event)).as("errors for %s", event).isNotEmpty();
  }

  private static List<Error> validate(String type, JsonNode event) {
    return schema(type).validate(event);
  }

  private static Schema schema(String type) {
    return REGISTRY.getSchema(schemaNode(type));
  }

  private static JsonNode schemaNode(String type) {
    var path = "/json-schema/events/" + type + ".schema.json";
    try (InputStream in = EventSchemasTest.class.getResourceAsStream(path)) {
      return GoldenFilesTest.tree(Objects.requireNonNull(in, path).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode golden(String type) {
    try {
      var file = GoldenFilesTest.goldenRoot().resolve("events/" + type + ".json");
      return (ObjectNode) GoldenFilesTest.tree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode payload(ObjectNode event) {
    return (ObjectNode) event.get("payload");
  }
}
