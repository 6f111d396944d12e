/** Tests of the sessions and login history projections. */
@NullMarked
package io.ohkay.projector.session;

import org.jspecify.annotations.NullMarked;
