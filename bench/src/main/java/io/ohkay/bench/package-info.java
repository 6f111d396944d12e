/** The benchmark command line: which scenarios exist and which targets they can measure. */
@NullMarked
package io.ohkay.bench;

import org.jspecify.annotations.NullMarked;
