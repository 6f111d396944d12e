package io.ohkay.schemas.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A conversation or server command lacking a field its deciders need does not read (so the decider
 * shell dead-letters it instead of deciding with a null), while a {@code @Nullable} field may be
 * absent, as in records written before it was added.
 */
class RequiredFieldsTest {

  private static final String OPEN =
      """
      {"type":"dm.open.v1","commandId":"0190f5a2-7b1c-7d3e-8f40-00000000c00a",
       "actorId":"0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01","issuedAt":"2026-01-19T12:00:00Z",
       "payload":{}}
      """;

  @Test
  void shouldRefuseToReadWhenADmCommandHasAnEmptyPayload() {
    assertThatThrownBy(() -> Json.read(bytes(OPEN), Command.class))
        .isInstanceOf(RuntimeException.class)
        .hasStackTraceContaining("conversationId");
  }

  @Test
  void shouldRefuseToBuildWhenADirectMessageHasNoContent() {
    var golden = golden(CommandTypes.SEND_DIRECT_MESSAGE);
    golden.withObject("payload").remove("content");

    assertThatThrownBy(() -> Json.read(Json.write(golden), Command.class))
        .hasStackTraceContaining("content");
  }

  @TestFactory
  Stream<DynamicTest> shouldReadOnlyWhenTheRemovedFieldIsNullableForEveryDmAndServerCommand() {
    return Stream.of(DmCommand.class, ServerCommand.class)
        .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
        .flatMap(
            type ->
                Arrays.stream(type.getRecordComponents())
                    .filter(component -> !component.getType().isPrimitive())
                    .map(component -> dynamicTest(name(type, component), () -> remove(component))));
  }

  private static void remove(RecordComponent component) {
    var type = typeNamed(component.getDeclaringRecord());
    var command = golden(type);
    var payload = command.withObject("payload");
    if (!payload.has(component.getName())) {
      assertThat(nullable(component)).as("%s may lack %s", type, component.getName()).isTrue();
      return;
    }
    payload.remove(component.getName());

    if (nullable(component)) {
      assertThat(Json.read(Json.write(command), Command.class).payload()).isNotNull();
    } else {
      assertThatThrownBy(() -> Json.read(Json.write(command), Command.class))
          .as("%s without %s", type, component.getName())
          .hasStackTraceContaining(component.getName());
    }
  }

  /** Whether the canonical constructor takes null for the component (kept null or defaulted). */
  private static boolean nullable(RecordComponent component) {
    var record = component.getDeclaringRecord();
    var components = record.getRecordComponents();
    var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      var parameters = record.getDeclaredConstructor(types).getAnnotatedParameterTypes();
      var names = Arrays.stream(components).map(RecordComponent::getName).toList();
      return parameters[names.indexOf(component.getName())].isAnnotationPresent(Nullable.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The type string of a payload class, from the catalogue. */
  private static String typeNamed(Class<?> type) {
    for (var field : CommandTypes.class.getFields()) {
      try {
        if (field.get(null) instanceof String name
            && CommandTypes.classOf(name).filter(type::equals).isPresent()) {
          return name;
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("not in the catalogue: " + type);
  }

  private static String name(Class<?> type, RecordComponent component) {
    return type.getSimpleName() + " without " + component.getName();
  }

  private static ObjectNode golden(String type) {
    var path = "/golden/commands/" + type + ".json";
    try (InputStream in = RequiredFieldsTest.class.getResourceAsStream(path)) {
      return (ObjectNode) Json.mapper().readTree(Objects.requireNonNull(in, path).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
