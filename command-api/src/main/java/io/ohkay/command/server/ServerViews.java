package io.ohkay.command.server;

import io.ohkay.schemas.event.ChannelCreated;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.MessageEdited;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.event.ServerCreated;
import io.ohkay.schemas.event.ServerUpdated;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON a client receives for the resources a server command created. */
final class ServerViews {

  private ServerViews() {}

  static Map<String, Object> created(CommandOutcome outcome) {
    var body = new LinkedHashMap<String, Object>();
    List<Map<String, Object>> channels = new java.util.ArrayList<>();
    for (Event event : outcome.events()) {
      switch (event.payload()) {
        case ServerCreated server -> {
          body.put("id", server.serverId());
          body.put("name", server.name());
          body.put("ownerId", server.ownerId());
          body.put("cluster", server.cluster());
          body.put("createdAt", event.occurredAt());
        }
        case ChannelCreated channel -> channels.add(channel(channel));
        default -> {}
      }
    }
    body.put("channels", channels);
    return body;
  }

  static Map<String, Object> message(CommandOutcome outcome) {
    var event = outcome.events().getFirst();
    var posted = (MessagePosted) event.payload();
    var body = new LinkedHashMap<String, Object>();
    body.put("id", posted.messageId());
    body.put("serverId", posted.serverId());
    body.put("channelId", posted.channelId());
    body.put("authorId", posted.authorId());
    body.put("content", posted.content());
    body.put("createdAt", event.occurredAt());
    body.put("seq", event.seq());
    return body;
  }

  /**
   * An edited message: the posted view's fields the edit knows (its creation time and seq stay
   * those of the post, which the command side does not keep), with {@code editedAt}.
   */
  static Map<String, Object> edited(CommandOutcome outcome) {
    var event = outcome.events().getFirst();
    var edited = (MessageEdited) event.payload();
    var body = new LinkedHashMap<String, Object>();
    body.put("id", edited.messageId());
    body.put("serverId", edited.serverId());
    body.put("channelId", edited.channelId());
    if (event.actorId() != null) {
      body.put("authorId", event.actorId());
    }
    body.put("content", edited.content());
    body.put("editedAt", event.occurredAt());
    return body;
  }

  /** The server's profile after an update. */
  static Map<String, Object> updated(CommandOutcome outcome) {
    var updated = (ServerUpdated) outcome.events().getFirst().payload();
    var body = new LinkedHashMap<String, Object>();
    body.put("id", updated.serverId());
    body.put("name", updated.name());
    body.put("description", updated.description());
    return body;
  }

  private static Map<String, Object> channel(ChannelCreated channel) {
    var body = new LinkedHashMap<String, Object>();
    body.put("id", channel.channelId());
    body.put("name", channel.name());
    body.put("position", channel.position());
    return body;
  }
}
