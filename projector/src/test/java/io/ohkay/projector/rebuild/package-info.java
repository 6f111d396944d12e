/** Tests of rebuild, verify and the CLI. */
@NullMarked
package io.ohkay.projector.rebuild;

import org.jspecify.annotations.NullMarked;
