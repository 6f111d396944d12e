/** Tests of the direct-message projections. */
@NullMarked
package io.ohkay.projector.dm;

import org.jspecify.annotations.NullMarked;
