/**
 * The "sign-in" scenario: the platform's sign-in rate held in open loop, next to one bare password
 * verification on the same machine (the physical floor).
 */
@NullMarked
package io.ohkay.bench.signin;

import org.jspecify.annotations.NullMarked;
