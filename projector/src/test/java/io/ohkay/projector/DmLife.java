package io.ohkay.projector;

import io.ohkay.schemas.event.ConversationOpened;
import io.ohkay.schemas.event.ConversationRead;
import io.ohkay.schemas.event.DirectMessageDeleted;
import io.ohkay.schemas.event.DirectMessageSent;
import io.ohkay.schemas.event.DmEvent;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.UserBlocked;
import io.ohkay.schemas.event.UserUnblocked;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.MessageId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The direct messages of Ann, Ben and Cy, every DM event type, the conversations' events
 * interleaved. Each event of {@link #annBen()} happens at {@link TestEvents#AT} plus its seq in
 * seconds, of {@link #benCy()} 100 s later, of {@link #cyAnn()} 200 s later.
 *
 * <p>Ann and Ben: 1 Ann opens; 2 Ann sends "hi ben" (Ben offline); 3 Ben "hi ann"; 4 Ben reads; 5
 * Ann "are you there"; 6 Ann "oops" (Ben offline); 7 Ann deletes "oops"; 8 Ann reads; 9 Ben "later"
 * (Ann offline); 10 Ben blocks Ann; 11 Ben unblocks her; 12 Ann blocks Ben. Ben and Cy: 1 Cy opens;
 * 2 Cy "ping" (Ben offline); 3 Ben reads; 4 Cy "pong". Cy and Ann, never opened: 1 Cy blocks Ann; 2
 * Cy reads (nothing to read); 3 Cy unblocks; 4 Cy blocks Ann again.
 *
 * @param ann opens the conversation with Ben, blocks him last
 * @param ben reads, is blocked by Ann
 * @param cy opens the conversation with Ben; blocks Ann without a conversation
 * @param annBen seq 1 to 12
 * @param benCy seq 1 to 4
 * @param cyAnn seq 1 to 4, never opened
 * @param events every event, the conversations' interleaved
 */
public record DmLife(
    UserId ann,
    UserId ben,
    UserId cy,
    ConversationId annBen,
    ConversationId benCy,
    ConversationId cyAnn,
    List<Event> events) {

  public static DmLife create() {
    var ann = new UserId(UUID.randomUUID());
    var ben = new UserId(UUID.randomUUID());
    var cy = new UserId(UUID.randomUUID());
    var annBen = ConversationId.between(ann, ben);
    var benCy = ConversationId.between(ben, cy);
    var cyAnn = ConversationId.between(cy, ann);
    var oops = new MessageId(UUID.randomUUID());
    var first = new Conversation(annBen, 0);
    first.add(ann, new ConversationOpened(annBen, ann, ben));
    first.add(ann, sent(annBen, ann, ben, "hi ben", true));
    first.add(ben, sent(annBen, ben, ann, "hi ann", false));
    first.add(ben, new ConversationRead(annBen, ben));
    first.add(ann, sent(annBen, ann, ben, "are you there", false));
    first.add(ann, new DirectMessageSent(annBen, oops, ann, ben, "oops", true));
    first.add(ann, new DirectMessageDeleted(annBen, oops, ann, ben));
    first.add(ann, new ConversationRead(annBen, ann));
    first.add(ben, sent(annBen, ben, ann, "later", true));
    first.add(ben, new UserBlocked(annBen, ben, ann));
    first.add(ben, new UserUnblocked(annBen, ben, ann));
    first.add(ann, new UserBlocked(annBen, ann, ben));
    var second = new Conversation(benCy, 100);
    second.add(cy, new ConversationOpened(benCy, cy, ben));
    second.add(cy, sent(benCy, cy, ben, "ping", true));
    second.add(ben, new ConversationRead(benCy, ben));
    second.add(cy, sent(benCy, cy, ben, "pong", false));
    var third = new Conversation(cyAnn, 200);
    third.add(cy, new UserBlocked(cyAnn, cy, ann));
    third.add(cy, new ConversationRead(cyAnn, cy));
    third.add(cy, new UserUnblocked(cyAnn, cy, ann));
    third.add(cy, new UserBlocked(cyAnn, cy, ann));
    return new DmLife(
        ann,
        ben,
        cy,
        annBen,
        benCy,
        cyAnn,
        interleave(List.of(first.events, second.events, third.events)));
  }

  private static DirectMessageSent sent(
      ConversationId conversation, UserId author, UserId recipient, String content, boolean off) {
    return new DirectMessageSent(
        conversation, new MessageId(UUID.randomUUID()), author, recipient, content, off);
  }

  /** When the event {@code seq} of {@code conversation} happened. */
  public Instant at(ConversationId conversation, long seq) {
    return of(conversation, seq).occurredAt();
  }

  /** The event {@code seq} of {@code conversation}. */
  public Event of(ConversationId conversation, long seq) {
    return events.stream()
        .filter(e -> e.aggregateId().equals(conversation.value()) && e.seq() == seq)
        .findFirst()
        .orElseThrow();
  }

  /** The last seq of {@code conversation}. */
  public long lastSeq(ConversationId conversation) {
    return events.stream()
        .filter(e -> e.aggregateId().equals(conversation.value()))
        .mapToLong(Event::seq)
        .max()
        .orElseThrow();
  }

  /** The smaller of two user ids as PostgreSQL orders uuids: unsigned, byte by byte. */
  public static UserId low(UserId one, UserId other) {
    var a = one.value();
    var b = other.value();
    var byHigh = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    var compared =
        byHigh != 0
            ? byHigh
            : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    return compared <= 0 ? one : other;
  }

  private static List<Event> interleave(List<List<Event>> conversations) {
    var all = new ArrayList<Event>();
    var total = conversations.stream().mapToInt(List::size).sum();
    for (int i = 0; all.size() < total; i++) {
      for (var conversation : conversations) {
        if (i < conversation.size()) {
          all.add(conversation.get(i));
        }
      }
    }
    return List.copyOf(all);
  }

  /** One conversation's events, seq 1 onwards, each at its base plus its seq in seconds. */
  private static final class Conversation {
    private final ConversationId id;
    private final long base;
    private final List<Event> events = new ArrayList<>();

    Conversation(ConversationId id, long base) {
      this.id = id;
      this.base = base;
    }

    void add(UserId actor, DmEvent payload) {
      var seq = events.size() + 1L;
      events.add(
          Event.decided(
              new CommandId(UUID.randomUUID()),
              0,
              id.value(),
              seq,
              TestEvents.AT.plusSeconds(base + seq),
              actor,
              payload));
    }
  }
}
