/** Tests of the channel projection. */
@NullMarked
package io.ohkay.projector.channel;

import org.jspecify.annotations.NullMarked;
