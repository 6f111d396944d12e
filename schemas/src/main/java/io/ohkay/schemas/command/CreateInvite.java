package io.ohkay.schemas.command;

import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code invite.create.v1}: a member creates an invite code to the server, valid until {@code
 * expiresAt} (null: never) for at most {@code maxUses} joins (null: unlimited), and sends it to
 * {@code inviteeId} when one is named (an optional field added to v1; older records have none).
 */
public record CreateInvite(
    ServerId serverId,
    String code,
    @Nullable Instant expiresAt,
    @Nullable Integer maxUses,
    @Nullable UserId inviteeId)
    implements ServerCommand {

  public CreateInvite {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(code, "code");
  }

  /** An invite sent to nobody: a code to share. */
  public CreateInvite(
      ServerId serverId, String code, @Nullable Instant expiresAt, @Nullable Integer maxUses) {
    this(serverId, code, expiresAt, maxUses, null);
  }
}
