/** Tests of the auth database projections. */
@NullMarked
package io.ohkay.projector.user;

import org.jspecify.annotations.NullMarked;
