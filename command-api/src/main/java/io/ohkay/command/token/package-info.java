/** Issuing access tokens (ES256 JWTs) and refresh tokens (MACs) for signed-in users. */
@NullMarked
package io.ohkay.command.token;

import org.jspecify.annotations.NullMarked;
