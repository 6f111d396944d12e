/**
 * Accounts: sign-up, sign-in, sessions, profiles and deletion over HTTP; the registration decider
 * (e-mail uniqueness) and the account decider (sessions, refresh rotation, deletion).
 */
@NullMarked
package io.ohkay.command.user;

import org.jspecify.annotations.NullMarked;
