/**
 * The pure projection contract: an event becomes SQL writes, grouped per statement into one batch.
 */
@NullMarked
package io.ohkay.projector.projection;

import org.jspecify.annotations.NullMarked;
