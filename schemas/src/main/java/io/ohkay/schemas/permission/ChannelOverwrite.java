package io.ohkay.schemas.permission;

import java.util.UUID;

/**
 * A channel's exception to the server-wide permissions of a role or a member: {@code deny} is
 * removed, then {@code allow} added.
 */
public record ChannelOverwrite(
    OverwriteTarget targetType, UUID targetId, PermissionSet allow, PermissionSet deny) {}
