package io.ohkay.projector;

import io.ohkay.projector.apply.AppliedSeqs;
import io.ohkay.projector.db.Databases;
import io.ohkay.projector.kafka.ConsumerStatus;
import io.ohkay.projector.kafka.EventsConsumer;
import io.ohkay.projector.projection.DatabaseNames;
import io.ohkay.schemas.id.ConversationId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.placement.ServerCredentials;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * The projector: at start it creates and migrates the auth, registry and DM databases, then runs
 * one consumer thread per events topic. Server databases are created and migrated when their
 * server's first event is applied, before any of its rows is written. Also answers what has been
 * applied.
 */
public final class Projector implements SmartLifecycle, ProjectorStatus {

  /** Starts before the web server (so tables exist before the first query), stops after it. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private final ProjectorProperties properties;
  private final AppliedSeqs appliedSeqs = new AppliedSeqs();
  private @Nullable RunningProjector running;

  public Projector(ProjectorProperties properties) {
    this.properties = properties;
  }

  /** The database names this projector writes. */
  public DatabaseNames databaseNames() {
    return new DatabaseNames(properties.databasePrefix());
  }

  /**
   * Provisions the auth, registry and DM databases and starts the consumers; fails (naming the
   * cause) when PostgreSQL cannot be reached.
   */
  @Override
  public synchronized void start() {
    if (running != null) {
      return;
    }
    var databases =
        new Databases(
            properties.postgres().endpoint(),
            properties.clusterEndpoints(),
            properties.maxServerPools());
    try {
      var credentials = ServerCredentials.loadOrGenerate(properties.placementKeyFile());
      running = RunningProjector.start(properties, databases, credentials, appliedSeqs);
    } catch (SQLException | RuntimeException e) {
      databases.close();
      throw new ProjectorUnavailableException("projector could not start: " + e.getMessage(), e);
    }
  }

  /** Finishes the current batches, then stops the threads and closes the pools. */
  @Override
  public void stop() {
    var stopped = take();
    if (stopped != null) {
      stopped.stop();
    }
  }

  /**
   * Stops as a crash would: threads are interrupted mid-batch and every pool is closed at once,
   * aborting open transactions. For tests proving that nothing depends on a graceful stop.
   */
  void abort() throws InterruptedException {
    var aborted = take();
    if (aborted != null) {
      aborted.abort();
    }
  }

  private synchronized @Nullable RunningProjector take() {
    var current = running;
    running = null;
    return current;
  }

  @Override
  public synchronized boolean isRunning() {
    return running != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  @Override
  public long appliedSeq(ServerId serverId) {
    try {
      return current().servers().appliedSeq(serverId);
    } catch (SQLException e) {
      throw new ProjectorUnavailableException("registry cannot be read", e);
    }
  }

  @Override
  public long appliedSeq(UserId userId) {
    try {
      return current().auth().appliedSeq(userId);
    } catch (SQLException e) {
      throw new ProjectorUnavailableException("auth database cannot be read", e);
    }
  }

  @Override
  public long appliedSeq(ConversationId conversationId) {
    try {
      return current().dms().appliedSeq(conversationId);
    } catch (SQLException e) {
      throw new ProjectorUnavailableException("DM database cannot be read", e);
    }
  }

  @Override
  public CompletableFuture<Long> whenApplied(ServerId serverId, long seq) {
    var servers = current().servers();
    return appliedSeqs.await(serverId.value(), seq, () -> servers.appliedSeq(serverId));
  }

  @Override
  public CompletableFuture<Long> whenApplied(UserId userId, long seq) {
    var auth = current().auth();
    return appliedSeqs.await(userId.value(), seq, () -> auth.appliedSeq(userId));
  }

  @Override
  public CompletableFuture<Long> whenApplied(ConversationId conversationId, long seq) {
    var dms = current().dms();
    return appliedSeqs.await(conversationId.value(), seq, () -> dms.appliedSeq(conversationId));
  }

  @Override
  public boolean caughtUpTo(Map<TopicPartition, Long> endOffsets) {
    var current = current();
    try {
      var stored = new HashMap<TopicPartition, Long>();
      stored.putAll(current.auth().storedOffsets(endOffsets.keySet()));
      stored.putAll(current.servers().storedOffsets(endOffsets.keySet()));
      stored.putAll(current.dms().storedOffsets(endOffsets.keySet()));
      return endOffsets.entrySet().stream()
          .allMatch(end -> stored.getOrDefault(end.getKey(), 0L) >= end.getValue());
    } catch (SQLException e) {
      throw new ProjectorUnavailableException("positions cannot be read", e);
    }
  }

  @Override
  public synchronized List<ConsumerStatus> consumers() {
    return running == null
        ? List.of()
        : running.consumers().stream().map(EventsConsumer::status).toList();
  }

  /** The databases that currently have a pool (auth, registry, DMs, recently written servers). */
  Map<String, DataSource> openDatabases() {
    RunningProjector current;
    synchronized (this) {
      current = running;
    }
    return current == null ? Map.of() : current.databases().openPools();
  }

  private synchronized RunningProjector current() {
    if (running == null) {
      throw new ProjectorUnavailableException("projector is not running");
    }
    return running;
  }
}
