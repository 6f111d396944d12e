package io.ohkay.command.server;

import io.ohkay.command.decider.Decision;
import io.ohkay.schemas.command.DeleteMessage;
import io.ohkay.schemas.command.EditMessage;
import io.ohkay.schemas.command.MarkChannelRead;
import io.ohkay.schemas.command.PostMessage;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.ChannelRead;
import io.ohkay.schemas.event.EventPayload;
import io.ohkay.schemas.event.MembersMentioned;
import io.ohkay.schemas.event.MessageDeleted;
import io.ohkay.schemas.event.MessageEdited;
import io.ohkay.schemas.event.MessagePosted;
import io.ohkay.schemas.id.ChannelId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.permission.Permission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Message decisions: post (VIEW_CHANNEL and SEND_MESSAGES), edit (the author only), delete (the
 * author, or MANAGE_MESSAGES in the channel) and mark a channel read (VIEW_CHANNEL). Each is
 * decided on the message's own facts, the state's {@code message} part.
 */
final class MessageRules {

  /** At most this many members are notified of one message. */
  static final int MAX_MENTIONS = 50;

  private static final Pattern MENTION =
      Pattern.compile(
          "<@([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})>");

  private MessageRules() {}

  static Decision post(PostMessage command, UserId actor, ServerState state) {
    var refusal = Guards.holdsIn(actor, command.channelId(), Permission.SEND_MESSAGES, state);
    if (refusal != null) {
      return refusal;
    }
    var known = state.message();
    if (known != null && known.id().equals(command.messageId())) {
      return Decision.reject(ErrorCode.MESSAGE_ALREADY_EXISTS, "Message id already used.");
    }
    var events = new ArrayList<EventPayload>();
    events.add(
        new MessagePosted(
            command.serverId(),
            command.channelId(),
            command.messageId(),
            actor,
            command.content()));
    var mentioned = mentioned(command.content(), actor, command.channelId(), state);
    if (!mentioned.isEmpty()) {
      events.add(
          new MembersMentioned(
              command.serverId(), command.channelId(), command.messageId(), mentioned));
    }
    return new Decision.Accept(events, List.of());
  }

  static Decision edit(EditMessage command, UserId actor, ServerState state) {
    var refusal = existing(actor, command.channelId(), command.messageId(), state);
    if (refusal != null) {
      return refusal;
    }
    if (!actor.equals(authorOf(state))) {
      return Decision.reject(ErrorCode.MISSING_PERMISSION, "Only the author edits a message.");
    }
    return Decision.accept(
        new MessageEdited(
            command.serverId(), command.channelId(), command.messageId(), command.content()));
  }

  static Decision delete(DeleteMessage command, UserId actor, ServerState state) {
    var refusal = existing(actor, command.channelId(), command.messageId(), state);
    if (refusal != null) {
      return refusal;
    }
    if (!actor.equals(authorOf(state))
        && !state.permissionsIn(actor, command.channelId()).has(Permission.MANAGE_MESSAGES)) {
      return Guards.missing(Permission.MANAGE_MESSAGES);
    }
    return Decision.accept(
        new MessageDeleted(command.serverId(), command.channelId(), command.messageId()));
  }

  static Decision read(MarkChannelRead command, UserId actor, ServerState state) {
    var refusal = Guards.holdsIn(actor, command.channelId(), null, state);
    return refusal != null
        ? refusal
        : Decision.accept(new ChannelRead(command.serverId(), command.channelId(), actor));
  }

  /**
   * Members named {@code <@id>} in {@code content}, in order and once each, but neither the author
   * nor anyone who cannot view the channel; at most {@link #MAX_MENTIONS}.
   */
  static List<UserId> mentioned(
      String content, UserId author, ChannelId channel, ServerState state) {
    var found = new LinkedHashSet<UserId>();
    var matcher = MENTION.matcher(content);
    while (matcher.find() && found.size() < MAX_MENTIONS) {
      var user = new UserId(UUID.fromString(matcher.group(1)));
      if (!user.equals(author) && state.isMember(user) && state.canView(user, channel)) {
        found.add(user);
      }
    }
    return List.copyOf(found);
  }

  /** Refused unless the actor sees the channel and the message lives in it, undeleted. */
  private static @Nullable Decision existing(
      UserId actor, ChannelId channel, MessageId id, ServerState state) {
    var refusal = Guards.holdsIn(actor, channel, null, state);
    if (refusal != null) {
      return refusal;
    }
    var message = state.message();
    if (message == null
        || !message.id().equals(id)
        || !message.channelId().equals(channel)
        || message.deleted()) {
      return Decision.reject(ErrorCode.MESSAGE_NOT_FOUND, "No such message in this channel.");
    }
    return null;
  }

  private static @Nullable UserId authorOf(ServerState state) {
    var message = state.message();
    return message == null ? null : message.authorId();
  }
}
