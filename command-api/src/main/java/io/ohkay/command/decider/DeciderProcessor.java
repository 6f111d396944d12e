package io.ohkay.command.decider;

import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.event.CloudEventHeaders;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JavaType;

/**
 * The impure shell around a {@link Decider}: loads the aggregate's state (and the part the command
 * names, stored under {@code <key>#<part>}), decides, numbers the events, stores the evolved state
 * and part apart, and forwards events, follow-up commands and the outcome. Runs under
 * exactly_once_v2, so state, events, follow-ups and outcome commit together or not at all. A
 * command seen before (same command id) yields what it yielded the first time and decides nothing.
 *
 * <p>Several deciders may share one commands topic (each sees every record and decides its own
 * command types); the primary one dead-letters the records none of them can decode or would decide,
 * and each dead-letters a command of its own whose decision fails.
 */
final class DeciderProcessor<C extends CommandPayload, S>
    implements Processor<String, byte[], String, Routed> {

  private static final Logger log = LoggerFactory.getLogger(DeciderProcessor.class);

  /** Between an aggregate's key and a part's key in the state store. */
  static final String PART_SEPARATOR = "#";

  /** The name {@link #SEQ_SUFFIX} takes among the parts: no decider may name a part so. */
  private static final String SEQ_PART = "seq";

  /**
   * The key suffix of an aggregate's seq when it is ahead of its stored state: a decision whose
   * events leave the state (without its part) as it was, such as a posted message, stores only its
   * new seq there, not the whole state again (a server's state names every member).
   */
  static final String SEQ_SUFFIX = PART_SEPARATOR + SEQ_PART;

  private final Decider<C, S> decider;
  private final DeciderTopics topics;
  private final DeciderStores stores;
  private final JavaType storedType;
  private final boolean primary;
  private final Predicate<Object> decidedByAny;
  private final DecodedStates<S> decoded = new DecodedStates<>();
  private ProcessorContext<String, Routed> context;
  private KeyValueStore<String, byte[]> states;
  private ProcessedCommands processed;

  /**
   * @param primary whether this processor dead-letters for the whole topic
   * @param decidedByAny whether some decider of the topic decides a command payload
   */
  DeciderProcessor(
      Decider<C, S> decider,
      DeciderTopics topics,
      DeciderStores stores,
      boolean primary,
      Predicate<Object> decidedByAny) {
    this.decider = decider;
    this.primary = primary;
    this.decidedByAny = decidedByAny;
    this.topics = topics;
    this.stores = stores;
    this.storedType =
        Json.mapper().getTypeFactory().constructParametricType(Stored.class, decider.stateType());
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.states = context.getStateStore(stores.states());
    this.processed = new ProcessedCommands(context, stores.processed());
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      deadLetterIfPrimary(
          record, new IllegalArgumentException("a command needs its aggregate key"));
      return;
    }
    Command command;
    try {
      command = Json.read(record.value(), Command.class);
    } catch (RuntimeException e) {
      deadLetterIfPrimary(record, e);
      return;
    }
    if (!decider.commandType().isInstance(command.payload())) {
      if (!decidedByAny.test(command.payload())) {
        deadLetterIfPrimary(record, new IllegalArgumentException("not a command of this topic"));
      }
      return;
    }
    if (!repeated(command, record.timestamp())) {
      decide(record, command, decider.commandType().cast(command.payload()));
    }
  }

  /** Yields again what an already decided command yielded; false if the command is new. */
  private boolean repeated(Command command, long timestamp) {
    var previous = processed.outcomeOf(command.commandId());
    if (previous != null) {
      forward(topics.outcomes(), command.commandId().toString(), previous, timestamp);
      return true;
    }
    var forwarded = processed.forwardsOf(command.commandId());
    if (forwarded != null) {
      for (var followUp : Json.read(forwarded, SentFollowUp[].class)) {
        forward(followUp.topic(), followUp.key(), Json.write(followUp.command()), timestamp);
      }
      return true;
    }
    return false;
  }

  /**
   * Decides and does what the decision says. A decision that throws (a decider bug, a payload the
   * decider cannot handle) dead-letters the command and does nothing else, so one bad command never
   * stops the stream thread every decider shares; like an undecodable record, it is not answered.
   * The aggregate's own stored state is read outside: a state the shell cannot read is a fault of
   * the deployment, not of the command, and stops the thread as before.
   */
  private void decide(Record<String, byte[]> record, Command command, C payload) {
    var stored = load(record.key());
    Effects<S> effects;
    try {
      effects = plan(record, command, payload, stored);
    } catch (RuntimeException e) {
      log.warn(
          "command {} ({}) dead-lettered: its decision failed",
          command.commandId(),
          command.type(),
          e);
      deadLetter(record, e);
      return;
    }
    perform(record, command, effects);
  }

  /** What deciding {@code payload} does; no side effect, so it may fail at any point. */
  private Effects<S> plan(
      Record<String, byte[]> record, Command command, C payload, Stored<S> stored) {
    var key = record.key();
    var partKey = partKeyOf(key, payload);
    var state =
        partKey == null ? stored.state() : decider.withPart(stored.state(), states.get(partKey));
    var decidedAt = Instant.ofEpochMilli(record.timestamp());
    return switch (decider.decide(payload, command.actorId(), command.issuedAt(), state)) {
      case Decision.Reject reject ->
          new Effects<>(
              List.of(),
              List.of(),
              List.of(),
              rejected(key, command, payload, stored, reject, decidedAt),
              null);
      case Decision.Accept accept when accept.events().isEmpty() ->
          unchanged(key, command, payload, stored, accept, decidedAt);
      case Decision.Accept accept -> apply(key, command, stored, state, partKey, accept, decidedAt);
      case Decision.Forward hand -> handOver(key, command, stored, hand);
    };
  }

  /** Stores, publishes, appends and answers, in that order. */
  private void perform(Record<String, byte[]> record, Command command, Effects<S> effects) {
    var timestamp = record.timestamp();
    var kept = effects.kept();
    for (var write : effects.writes()) {
      states.put(write.getKey(), write.getValue());
      if (kept != null && write.getKey().equals(record.key())) {
        decoded.remember(write.getKey(), write.getValue(), kept);
      }
    }
    effects.events().forEach(event -> forwardEvent(event, timestamp));
    for (var followUp : effects.followUps()) {
      forward(followUp.topic(), followUp.key(), Json.write(followUp.command()), timestamp);
    }
    var outcome = effects.outcome();
    if (outcome == null) {
      processed.rememberForwards(command.commandId(), Json.write(effects.followUps()), timestamp);
    } else {
      answer(record, command, outcome);
    }
  }

  /** The store key of the part {@code payload} needs, or null when it needs none. */
  private @Nullable String partKeyOf(String key, C payload) {
    var part = decider.partKey(payload);
    if (SEQ_PART.equals(part)) {
      throw new IllegalStateException("a part may not be named like the seq: " + part);
    }
    return part == null ? null : key + PART_SEPARATOR + part;
  }

  private void answer(Record<String, byte[]> record, Command command, CommandOutcome outcome) {
    var bytes = Json.write(outcome);
    processed.remember(command.commandId(), bytes, record.timestamp());
    forward(topics.outcomes(), command.commandId().toString(), bytes, record.timestamp());
  }

  private CommandOutcome rejected(
      String key,
      Command command,
      C payload,
      Stored<S> stored,
      Decision.Reject reject,
      Instant decidedAt) {
    var aggregateId = decider.outcomeAggregateId(payload, key);
    return CommandOutcome.rejected(
        command.commandId(),
        aggregateId,
        untouchedSeq(aggregateId, key, stored),
        reject.code(),
        reject.detail(),
        decidedAt);
  }

  /** Accepted with no facts: nothing is stored, the position is the aggregate's as it was. */
  private Effects<S> unchanged(
      String key,
      Command command,
      C payload,
      Stored<S> stored,
      Decision.Accept accept,
      Instant decidedAt) {
    var aggregateId = decider.outcomeAggregateId(payload, key);
    var seq = untouchedSeq(aggregateId, key, stored);
    var outcome =
        CommandOutcome.accepted(command.commandId(), aggregateId, seq, List.of(), decidedAt);
    return new Effects<>(
        List.of(), List.of(), followUps(command, accept.followUps(), false), outcome, null);
  }

  /** The seq of an aggregate a decision left as it was. */
  private static long untouchedSeq(String aggregateId, String key, Stored<?> stored) {
    // Keyed by something else (an e-mail): the named aggregate was not touched, its seq is 0.
    return aggregateId.equals(key) ? stored.seq() : 0;
  }

  /**
   * @param stored the aggregate as stored, without its part
   * @param decided the state decided on: {@code stored}'s with the part, if any
   */
  private Effects<S> apply(
      String key,
      Command command,
      Stored<S> stored,
      S decided,
      @Nullable String partKey,
      Decision.Accept accept,
      Instant decidedAt) {
    var events = new ArrayList<Event>();
    var state = decided;
    var seq = stored.seq();
    for (var payload : accept.events()) {
      seq++;
      events.add(
          Event.decided(
              command.commandId(),
              events.size(),
              payload.aggregateId(),
              seq,
              command.issuedAt(),
              command.actorId(),
              payload));
      state = decider.evolve(state, payload);
    }
    var aggregateId = events.getFirst().aggregateId().toString();
    var outcome = CommandOutcome.accepted(command.commandId(), aggregateId, seq, events, decidedAt);
    var kept = new Stored<>(seq, decider.withoutPart(state));
    var stateUnchanged = kept.state().equals(stored.state());
    return new Effects<>(
        writes(key, partKey, state, kept, stateUnchanged),
        events,
        followUps(command, accept.followUps(), false),
        outcome,
        stateUnchanged ? null : kept);
  }

  private Effects<S> handOver(
      String key, Command command, Stored<S> stored, Decision.Forward hand) {
    var next = decider.stateType().cast(hand.nextState());
    var kept = new Stored<>(stored.seq(), decider.withoutPart(next));
    var write = Map.entry(key, Json.write(kept));
    return new Effects<>(
        List.of(write), List.of(), followUps(command, hand.followUps(), true), null, kept);
  }

  /**
   * Follow-ups as they are appended to the topics that decide them, with the command's actor and
   * issue time. A hand-over keeps the command id (the receiver answers it); the consequences of an
   * accepted command get ids derived from it, so their own outcomes never answer the original
   * request and a replay derives the same ids.
   */
  private List<SentFollowUp> followUps(
      Command command, List<Decision.FollowUp> followUps, boolean handOver) {
    var sent = new ArrayList<SentFollowUp>();
    for (var i = 0; i < followUps.size(); i++) {
      var followUp = followUps.get(i);
      var id = handOver ? command.commandId() : derivedId(command.commandId(), i);
      var next = new Command(id, command.actorId(), command.issuedAt(), followUp.command());
      sent.add(new SentFollowUp(topics.commandsOf(followUp.command()), followUp.key(), next));
    }
    return sent;
  }

  private static CommandId derivedId(CommandId parent, int index) {
    var name = parent + "/follow-up/" + index;
    return new CommandId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }

  /** A follow-up as written, remembered so a retried command re-sends exactly it. */
  record SentFollowUp(String topic, String key, Command command) {}

  /**
   * The entries to store: the part of {@code state}, if any, under {@code partKey}, then {@code
   * kept} (the state without its part) under {@code key}, or only its seq under {@code key}{@link
   * #SEQ_SUFFIX} when the state stored under {@code key} is still {@code kept}'s.
   */
  private List<Map.Entry<String, byte[]>> writes(
      String key, @Nullable String partKey, S state, Stored<S> kept, boolean stateUnchanged) {
    var writes = new ArrayList<Map.Entry<String, byte[]>>();
    if (partKey != null) {
      var part = decider.partOf(state);
      if (part != null) {
        writes.add(Map.entry(partKey, part));
      }
    }
    if (stateUnchanged) {
      writes.add(Map.entry(key + SEQ_SUFFIX, utf8(Long.toString(kept.seq()))));
    } else {
      writes.add(Map.entry(key, Json.write(kept)));
    }
    return writes;
  }

  /**
   * The aggregate as stored: its state under {@code key}, its seq the higher of that state's and
   * the one under {@code key}{@link #SEQ_SUFFIX} (written by decisions that left the state as it
   * was; a later change of the state stores the seq with it again, so the suffix may lag behind).
   */
  private Stored<S> load(String key) {
    var bytes = states.get(key);
    var stored = bytes == null ? new Stored<>(0, decider.initialState()) : decoded(key, bytes);
    var seqAhead = states.get(key + SEQ_SUFFIX);
    if (seqAhead != null) {
      var seq = Long.parseLong(new String(seqAhead, StandardCharsets.UTF_8));
      if (seq > stored.seq()) {
        return new Stored<>(seq, stored.state());
      }
    }
    return stored;
  }

  private Stored<S> decoded(String key, byte[] bytes) {
    var known = decoded.of(key, bytes);
    if (known != null) {
      return known;
    }
    Stored<S> stored = Json.mapper().readValue(bytes, storedType);
    decoded.remember(key, bytes, stored);
    return stored;
  }

  private void forwardEvent(Event event, long timestamp) {
    var headers = new RecordHeaders();
    CloudEventHeaders.of(event, CloudEventHeaders.DECIDER_SOURCE).forEach(headers::add);
    context.forward(
        new Record<>(
            event.aggregateId().toString(),
            new Routed(topics.events(), Json.write(event)),
            timestamp,
            headers));
  }

  private void forward(String topic, String key, byte[] value, long timestamp) {
    context.forward(new Record<>(key, new Routed(topic, value), timestamp, new RecordHeaders()));
  }

  private void deadLetterIfPrimary(Record<String, byte[]> record, Exception cause) {
    if (primary) {
      deadLetter(record, cause);
    }
  }

  /** Forwards the record as it came to the dead-letter topic, with where it came from and why. */
  private void deadLetter(Record<String, byte[]> record, Exception cause) {
    var headers = new RecordHeaders();
    context
        .recordMetadata()
        .ifPresent(
            origin -> {
              headers.add("ohkay.dlq.topic", utf8(origin.topic()));
              headers.add("ohkay.dlq.partition", utf8(Integer.toString(origin.partition())));
              headers.add("ohkay.dlq.offset", utf8(Long.toString(origin.offset())));
            });
    headers.add("ohkay.dlq.exception", utf8(cause.getClass().getName()));
    headers.add("ohkay.dlq.message", utf8(String.valueOf(cause.getMessage())));
    context.forward(
        new Record<>(
            record.key(),
            new Routed(topics.deadLetters(), record.value()),
            record.timestamp(),
            headers));
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
