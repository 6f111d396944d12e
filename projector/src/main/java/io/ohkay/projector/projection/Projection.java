package io.ohkay.projector.projection;

import io.ohkay.schemas.event.Event;
import java.util.ArrayList;
import java.util.List;

/** Maps one event to the writes that record it in one kind of database: pure, no I/O, no clock. */
@FunctionalInterface
public interface Projection {

  /** The writes recording {@code event}; empty when this projection ignores it. */
  List<Write> project(Event event);

  /** The projections of one database, each applied to every event, in the given order. */
  static Projection of(List<Projection> parts) {
    var copy = List.copyOf(parts);
    return event -> {
      var writes = new ArrayList<Write>();
      copy.forEach(part -> writes.addAll(part.project(event)));
      return writes;
    };
  }
}
