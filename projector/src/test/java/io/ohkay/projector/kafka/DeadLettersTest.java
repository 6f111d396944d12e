package io.ohkay.projector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  @Test
  void shouldKeepRecordAndAddOriginHeadersWhenDeadLettering() {
    var headers = new RecordHeaders();
    headers.add("ce_type", utf8("message.posted.v1"));
    var record =
        new ConsumerRecord<>(
            "p.ohkay.server.events",
            4,
            42L,
            1_700_000_000_000L,
            TimestampType.CREATE_TIME,
            3,
            5,
            utf8("key"),
            utf8("value"),
            headers,
            Optional.empty());

    var dead =
        DeadLetters.toDeadLetter(
            "p.ohkay.server.events.dlq",
            new Undecodable(record, new IllegalArgumentException("unknown event type: x")));

    assertThat(dead.topic()).isEqualTo("p.ohkay.server.events.dlq");
    assertThat(dead.key()).isEqualTo(utf8("key"));
    assertThat(dead.value()).isEqualTo(utf8("value"));
    assertThat(dead.timestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(header(dead.headers(), "ce_type")).isEqualTo("message.posted.v1");
    assertThat(header(dead.headers(), DeadLetters.ORIGINAL_TOPIC))
        .isEqualTo("p.ohkay.server.events");
    assertThat(header(dead.headers(), DeadLetters.ORIGINAL_PARTITION)).isEqualTo("4");
    assertThat(header(dead.headers(), DeadLetters.ORIGINAL_OFFSET)).isEqualTo("42");
    assertThat(header(dead.headers(), DeadLetters.EXCEPTION_CLASS))
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(header(dead.headers(), DeadLetters.EXCEPTION_MESSAGE))
        .isEqualTo("unknown event type: x");
  }

  private static String header(org.apache.kafka.common.header.Headers headers, String key) {
    return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
