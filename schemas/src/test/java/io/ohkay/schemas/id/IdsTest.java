package io.ohkay.schemas.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.schemas.json.Json;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

class IdsTest {

  private static final String CANONICAL = "0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01";

  static Stream<Function<String, Object>> parsers() {
    return Stream.of(
        UserId::parse,
        ServerId::parse,
        ChannelId::parse,
        MessageId::parse,
        CommandId::parse,
        SessionId::parse,
        Ids::parseUuid);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1-1-1-1-1",
        "",
        " 0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01",
        "0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01 ",
        "{0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e01}",
        "0190f5a27b1c7d3e8f401a2b3c4d5e01",
        "0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e012",
        "0190f5a2-7b1c-7d3e-8f40-1a2b3c4d5e0g",
        "00000000-0000-0000-0000-00000000000000000"
      })
  void shouldRefuseTextWhenItIsNotACanonicalUuid(String text) {
    assertThatThrownBy(() -> Ids.parseUuid(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a UUID");
  }

  @Test
  void shouldRefuseNullWhenParsing() {
    assertThatThrownBy(() -> Ids.parseUuid(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void shouldRefuseShortFormWhenAnyIdTypeParses(Function<String, Object> parse) {
    assertThatThrownBy(() -> parse.apply("1-1-1-1-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void shouldKeepTheUuidWhenAnyIdTypeParsesCanonicalText(Function<String, Object> parse) {
    assertThat(parse.apply(CANONICAL).toString()).isEqualTo(CANONICAL);
    assertThat(parse.apply(CANONICAL.toUpperCase()).toString()).isEqualTo(CANONICAL);
  }

  @Test
  void shouldSerializeAnIdAsTheBareUuidWhenWrittenAsJson() {
    var id = UserId.parse(CANONICAL);

    assertThat(new String(Json.write(id), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("\"" + CANONICAL + "\"");
    assertThat(Json.read(Json.write(id), UserId.class)).isEqualTo(id);
  }

  @Test
  void shouldRefuseShortFormWhenReadFromJson() {
    assertThatThrownBy(() -> Json.read("\"1-1-1-1-1\"".getBytes(), UserId.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void shouldDeriveTheSameEventIdWhenCommandAndIndexAreTheSame() {
    var command = CommandId.parse(CANONICAL);

    assertThat(Ids.eventId(command, 2)).isEqualTo(Ids.eventId(CommandId.parse(CANONICAL), 2));
    assertThat(Ids.eventId(command, 0)).isNotEqualTo(Ids.eventId(command, 1));
    assertThat(Ids.eventId(command, 0))
        .isNotEqualTo(Ids.eventId(new CommandId(UUID.randomUUID()), 0));
  }

  @Test
  void shouldRefuseNullWhenWrappingAUuid() {
    assertThatThrownBy(() -> new ServerId(null)).isInstanceOf(NullPointerException.class);
  }
}
