/** Tests of the pure projection contract. */
@NullMarked
package io.ohkay.projector.projection;

import org.jspecify.annotations.NullMarked;
