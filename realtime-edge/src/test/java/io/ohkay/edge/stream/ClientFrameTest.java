package io.ohkay.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientFrameTest {

  @Test
  void shouldReadEveryFrameTypeWhenWellFormed() {
    var server = UUID.randomUUID();
    var channel = UUID.randomUUID();
    var conversation = UUID.randomUUID();

    assertThat(ClientFrame.parse("{\"type\":\"start\"}")).isEqualTo(new ClientFrame.Start(null));
    assertThat(ClientFrame.parse("{\"type\":\"resume\",\"cursor\":\"2.c.s0\"}"))
        .isEqualTo(new ClientFrame.Start("2.c.s0"));
    assertThat(
            ClientFrame.parse(
                "{\"type\":\"typing\",\"serverId\":\""
                    + server
                    + "\",\"channelId\":\""
                    + channel
                    + "\"}"))
        .isEqualTo(new ClientFrame.TypingInChannel(new ServerId(server), new ChannelId(channel)));
    assertThat(
            ClientFrame.parse("{\"type\":\"typing\",\"conversationId\":\"" + conversation + "\"}"))
        .isEqualTo(new ClientFrame.TypingInConversation(new ConversationId(conversation)));
    assertThat(ClientFrame.parse("{\"type\":\"presence\",\"status\":\"idle\"}"))
        .isEqualTo(new ClientFrame.Presence(true));
    assertThat(ClientFrame.parse("{\"type\":\"presence\",\"status\":\"online\"}"))
        .isEqualTo(new ClientFrame.Presence(false));
  }

  @Test
  void shouldRefuseWithACodeWhenMalformedUnknownIncompleteOrAmbiguous() {
    var id = UUID.randomUUID();
    var refusals =
        Map.ofEntries(
            Map.entry("{\"type\":", ErrorCode.MALFORMED_JSON),
            Map.entry("[\"start\"]", ErrorCode.MALFORMED_JSON),
            Map.entry("\"start\"", ErrorCode.MALFORMED_JSON),
            Map.entry("{}", ErrorCode.VALIDATION_FAILED),
            Map.entry("{\"type\":\"subscribe\"}", ErrorCode.VALIDATION_FAILED),
            Map.entry("{\"type\":[\"start\"]}", ErrorCode.VALIDATION_FAILED),
            Map.entry("{\"type\":\"resume\"}", ErrorCode.VALIDATION_FAILED),
            Map.entry("{\"type\":\"resume\",\"cursor\":\" \"}", ErrorCode.VALIDATION_FAILED),
            Map.entry("{\"type\":\"resume\",\"cursor\":5}", ErrorCode.VALIDATION_FAILED),
            Map.entry(
                "{\"type\":\"typing\",\"serverId\":\"" + id + "\"}", ErrorCode.VALIDATION_FAILED),
            Map.entry(
                "{\"type\":\"typing\",\"serverId\":\""
                    + id
                    + "\",\"conversationId\":\""
                    + id
                    + "\"}",
                ErrorCode.VALIDATION_FAILED),
            Map.entry(
                "{\"type\":\"typing\",\"serverId\":\"x\",\"channelId\":\"" + id + "\"}",
                ErrorCode.INVALID_ID),
            Map.entry("{\"type\":\"typing\",\"conversationId\":\"x\"}", ErrorCode.INVALID_ID),
            Map.entry("{\"type\":\"presence\",\"status\":\"away\"}", ErrorCode.VALIDATION_FAILED));

    refusals.forEach(
        (text, code) ->
            assertThatThrownBy(() -> ClientFrame.parse(text))
                .as(text)
                .isInstanceOfSatisfying(
                    ProblemException.class,
                    problem -> assertThat(problem.code()).as(text).isEqualTo(code)));
  }
}
