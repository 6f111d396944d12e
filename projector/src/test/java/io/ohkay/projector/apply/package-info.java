/** Tests of the seq guard and the appliers. */
@NullMarked
package io.ohkay.projector.apply;

import org.jspecify.annotations.NullMarked;
