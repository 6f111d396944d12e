package io.ohkay.projector.rebuild;

import io.ohkay.schemas.id.ServerId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to rebuild.
 *
 * @param kind which database
 * @param server the server, for {@link RebuildKind#SERVER} only
 * @param targetDatabase the database to fill: created and migrated if absent; should be fresh
 * @param untilOffset if set, only records below this offset of each partition are replayed
 * @param untilTime if set, only records with a timestamp up to this instant are replayed
 */
public record RebuildRequest(
    RebuildKind kind,
    @Nullable ServerId server,
    String targetDatabase,
    @Nullable Long untilOffset,
    @Nullable Instant untilTime) {

  public RebuildRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetDatabase, "targetDatabase");
    if ((kind == RebuildKind.SERVER) != (server != null)) {
      throw new IllegalArgumentException("a server is required for, and only for, kind SERVER");
    }
    if (untilOffset != null && untilTime != null) {
      throw new IllegalArgumentException("give an offset or a time to stop at, not both");
    }
  }

  /** Everything up to the end of the topic as it is when the rebuild starts. */
  public static RebuildRequest of(RebuildKind kind, @Nullable ServerId server, String target) {
    return new RebuildRequest(kind, server, target, null, null);
  }
}
