/**
 * The access-token and stream-ticket contract: claims every service verifies with the public key
 * alone.
 */
@NullMarked
package io.ohkay.schemas.token;

import org.jspecify.annotations.NullMarked;
