package io.ohkay.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.MemberJoined;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedRecordTest {

  private final UUID server = UUID.randomUUID();
  private final UUID user = UUID.randomUUID();

  @Test
  void shouldKeepTheEnvelopeByteForByteWhenParsing() {
    var event =
        Event.decided(
            new CommandId(UUID.randomUUID()),
            0,
            server,
            7,
            Instant.parse("2030-01-01T00:00:00Z"),
            new UserId(user),
            new MemberJoined(new ServerId(server), new UserId(user)));
    var bytes = Json.write(event);

    var record = FeedRecord.parse("t", 4, 99, bytes);

    assertThat(record.type()).isEqualTo("member.joined.v1");
    assertThat(record.aggregateId()).isEqualTo(server);
    assertThat(record.seq()).isEqualTo(7);
    assertThat(record.json()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    assertThat(record.payloadId("userId")).isEqualTo(user);
    assertThat(record.payloadId("missing")).isNull();
    assertThat(record.next()).isEqualTo(new FeedPosition("t", 4, 100));
  }

  @Test
  void shouldAcceptEventTypesThisEdgeDoesNotKnowWhenTheEnvelopeIsValid() {
    var json =
        "{\"type\":\"message.reacted.v9\",\"aggregateId\":\""
            + server
            + "\",\"seq\":3,\"payload\":{\"emoji\":\"+1\"}}";

    var record = FeedRecord.parse("t", 0, 0, json.getBytes(StandardCharsets.UTF_8));

    assertThat(record.type()).isEqualTo("message.reacted.v9");
  }

  @Test
  void shouldRefuseRecordsThatAreNotEnvelopesWhenParsing() {
    var valid = "\"aggregateId\":\"" + server + "\",\"seq\":1,\"payload\":{}";
    for (var value :
        List.of(
            "not json",
            "[]",
            "{" + valid + "}",
            "{\"type\":\"\"," + valid + "}",
            "{\"type\":\"x\",\"aggregateId\":\"nope\",\"seq\":1,\"payload\":{}}",
            "{\"type\":\"x\",\"aggregateId\":\"" + server + "\",\"seq\":\"1\",\"payload\":{}}",
            "{\"type\":\"x\",\"aggregateId\":\"" + server + "\",\"seq\":1}")) {
      assertThatIllegalArgumentException()
          .as(value)
          .isThrownBy(() -> FeedRecord.parse("t", 0, 0, value.getBytes(StandardCharsets.UTF_8)));
    }
    assertThatIllegalArgumentException().isThrownBy(() -> FeedRecord.parse("t", 0, 0, null));
  }
}
