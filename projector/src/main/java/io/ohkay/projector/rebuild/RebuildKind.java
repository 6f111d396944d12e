package io.ohkay.projector.rebuild;

import io.ohkay.projector.db.DatabaseKind;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.topic.Topic;
import io.ohkay.schemas.topic.Topics;

/** Which database a rebuild produces, and from which events topic. */
public enum RebuildKind {
  /** The auth database, from the auth events. */
  AUTH(Topics.AUTH_EVENTS, DatabaseKind.AUTH),
  /** The registry, from the server events. */
  REGISTRY(Topics.SERVER_EVENTS, DatabaseKind.REGISTRY),
  /** One server's own database, from that server's events only. */
  SERVER(Topics.SERVER_EVENTS, DatabaseKind.SERVER);

  private final Topic<Event> topic;
  private final DatabaseKind databaseKind;

  RebuildKind(Topic<Event> topic, DatabaseKind databaseKind) {
    this.topic = topic;
    this.databaseKind = databaseKind;
  }

  /** The events topic replayed. */
  public Topic<Event> topic() {
    return topic;
  }

  /** The schema the target database is migrated to. */
  public DatabaseKind databaseKind() {
    return databaseKind;
  }
}
