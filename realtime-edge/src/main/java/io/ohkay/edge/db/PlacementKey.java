package io.ohkay.edge.db;

import io.ohkay.edge.web.ProblemException;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.placement.ServerCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The placement master key as the edge reads it: from the file the projector and the command API
 * share, once it exists. The edge never makes one (a key of its own would open no sealed password):
 * while the file is missing, server reads answer {@code UNAVAILABLE} and the file is looked for
 * again on the next one, as in the all-in-one platform another service may write it a moment later.
 */
public final class PlacementKey implements Supplier<ServerCredentials> {

  private final Path file;
  private volatile @Nullable ServerCredentials credentials;

  public PlacementKey(Path file) {
    this.file = file;
  }

  @Override
  public ServerCredentials get() {
    var loaded = credentials;
    if (loaded != null) {
      return loaded;
    }
    if (!Files.exists(file)) {
      throw new ProblemException(
          ErrorCode.UNAVAILABLE, "Server databases cannot be opened yet; retry later.");
    }
    // The file exists: this only reads it.
    loaded = ServerCredentials.loadOrGenerate(file);
    credentials = loaded;
    return loaded;
  }
}
