package io.ohkay.command.decider;

import io.ohkay.schemas.command.Command;
import io.ohkay.schemas.command.CommandPayload;
import io.ohkay.schemas.event.CloudEventHeaders;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.JavaType;

/**
 * The impure shell around a {@link Decider}: loads the aggregate's state, decides, numbers the
 * events, and forwards events and the outcome. Runs under exactly_once_v2, so state, events and
 * outcome commit together or not at all. A command seen before (same command id) gets its first
 * outcome again and decides nothing.
 */
final class DeciderProcessor<C extends CommandPayload, S>
    implements Processor<String, byte[], String, Routed> {

  private final Decider<C, S> decider;
  private final DeciderTopics topics;
  private final DeciderStores stores;
  private final JavaType storedType;
  private ProcessorContext<String, Routed> context;
  private KeyValueStore<String, byte[]> states;
  private ProcessedCommands processed;

  DeciderProcessor(Decider<C, S> decider, DeciderTopics topics, DeciderStores stores) {
    this.decider = decider;
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
    Command command;
    try {
      command = Json.read(record.value(), Command.class);
    } catch (RuntimeException e) {
      deadLetter(record, e);
      return;
    }
    if (!decider.commandType().isInstance(command.payload())) {
      deadLetter(record, new IllegalArgumentException("not a command of this topic"));
      return;
    }
    var previous = processed.outcomeOf(command.commandId());
    if (previous != null) {
      forward(topics.outcomes(), command.commandId().toString(), previous, record.timestamp());
      return;
    }
    decide(record, command, decider.commandType().cast(command.payload()));
  }

  private void decide(Record<String, byte[]> record, Command command, C payload) {
    var stored = load(record.key());
    var decidedAt = Instant.ofEpochMilli(record.timestamp());
    var outcome =
        switch (decider.decide(payload, command.actorId(), stored.state())) {
          case Decision.Reject reject ->
              rejected(record.key(), command, payload, stored, reject, decidedAt);
          case Decision.Accept accept -> apply(record, command, stored, accept, decidedAt);
        };
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
    // Keyed by something else (an e-mail): the named aggregate was not touched, its seq is 0.
    var seq = aggregateId.equals(key) ? stored.seq() : 0;
    return CommandOutcome.rejected(
        command.commandId(), aggregateId, seq, reject.code(), reject.detail(), decidedAt);
  }

  private CommandOutcome apply(
      Record<String, byte[]> record,
      Command command,
      Stored<S> stored,
      Decision.Accept accept,
      Instant decidedAt) {
    var events = new ArrayList<Event>();
    var state = stored.state();
    var seq = stored.seq();
    for (var payload : accept.events()) {
      seq++;
      var event =
          Event.decided(
              command.commandId(),
              events.size(),
              payload.aggregateId(),
              seq,
              command.issuedAt(),
              command.actorId(),
              payload);
      events.add(event);
      state = decider.evolve(state, payload);
      forwardEvent(event, record.timestamp());
    }
    states.put(record.key(), Json.write(new Stored<>(seq, state)));
    var aggregateId = events.getFirst().aggregateId().toString();
    return CommandOutcome.accepted(command.commandId(), aggregateId, seq, events, decidedAt);
  }

  private Stored<S> load(String key) {
    var bytes = states.get(key);
    if (bytes == null) {
      return new Stored<>(0, decider.initialState());
    }
    return Json.mapper().readValue(bytes, storedType);
  }

  private void forwardEvent(Event event, long timestamp) {
    var headers = new RecordHeaders();
    CloudEventHeaders.of(event, "/ohkay/decider").forEach(headers::add);
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
