/** Accounts in the auth database: users and user_profiles. */
@NullMarked
package io.ohkay.projector.user;

import org.jspecify.annotations.NullMarked;
