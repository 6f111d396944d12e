/** Tests of the message projection. */
@NullMarked
package io.ohkay.projector.message;

import org.jspecify.annotations.NullMarked;
