/**
 * Where a server's database lives and how its credentials are kept: the per-server role and its
 * password, sealed with AES-256-GCM envelope encryption for the registry.
 */
@NullMarked
package io.ohkay.schemas.placement;

import org.jspecify.annotations.NullMarked;
