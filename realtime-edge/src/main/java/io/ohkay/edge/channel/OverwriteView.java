package io.ohkay.edge.channel;

import io.ohkay.schemas.permission.ChannelOverwrite;
import io.ohkay.schemas.permission.OverwriteTarget;
import io.ohkay.schemas.permission.Permission;
import java.util.List;
import java.util.UUID;

/**
 * One overwrite of a channel in {@code GET .../channels/{cid}/overwrites}, shaped like the body of
 * the {@code PUT} that sets it plus its target.
 */
record OverwriteView(
    UUID targetId, OverwriteTarget type, List<Permission> allow, List<Permission> deny) {

  static OverwriteView of(ChannelOverwrite overwrite) {
    return new OverwriteView(
        overwrite.targetId(),
        overwrite.targetType(),
        overwrite.allow().toList(),
        overwrite.deny().toList());
  }
}
