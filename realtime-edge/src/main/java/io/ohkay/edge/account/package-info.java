/**
 * Accounts as clients read them: public profiles (a deleted author still renders), the caller's own
 * profile and the session of the caller's token, from the accounts database.
 */
@NullMarked
package io.ohkay.edge.account;

import org.jspecify.annotations.NullMarked;
