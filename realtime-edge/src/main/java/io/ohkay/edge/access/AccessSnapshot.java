package io.ohkay.edge.access;

import io.ohkay.schemas.access.AccessModel;

/**
 * A server's permissions as one read of its database saw them.
 *
 * @param seq the server's last seq that read reflects ({@code aggregate_versions}; 0 before any)
 * @param model who may do what at that seq
 */
public record AccessSnapshot(long seq, AccessModel model) {}
