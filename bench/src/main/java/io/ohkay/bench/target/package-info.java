/** What the load harness needs from a system it measures: where to post and where to listen. */
@NullMarked
package io.ohkay.bench.target;

import org.jspecify.annotations.NullMarked;
