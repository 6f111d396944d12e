/**
 * What the load harness needs from a system it measures: where to post and listen (messages), or
 * where to sign up and sign in (accounts).
 */
@NullMarked
package io.ohkay.bench.target;

import org.jspecify.annotations.NullMarked;
