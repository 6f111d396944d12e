/** Tests of the notifications projection. */
@NullMarked
package io.ohkay.projector.notification;

import org.jspecify.annotations.NullMarked;
