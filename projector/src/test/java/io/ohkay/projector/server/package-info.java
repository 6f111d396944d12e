/** Tests of the registry projections. */
@NullMarked
package io.ohkay.projector.server;

import org.jspecify.annotations.NullMarked;
