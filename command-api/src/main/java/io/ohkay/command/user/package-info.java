/** Accounts: sign-up over HTTP and the registration decider (e-mail uniqueness). */
@NullMarked
package io.ohkay.command.user;

import org.jspecify.annotations.NullMarked;
