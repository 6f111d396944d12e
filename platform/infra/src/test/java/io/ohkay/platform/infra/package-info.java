/** Tests of the embedded infrastructure against the real broker and server they start. */
@NullMarked
package io.ohkay.platform.infra;

import org.jspecify.annotations.NullMarked;
