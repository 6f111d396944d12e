/** Tests of decoding and dead letters. */
@NullMarked
package io.ohkay.projector.kafka;

import org.jspecify.annotations.NullMarked;
