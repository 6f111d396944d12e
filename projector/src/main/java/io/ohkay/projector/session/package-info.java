/** Sessions in the auth database: sessions and login_history. */
@NullMarked
package io.ohkay.projector.session;

import org.jspecify.annotations.NullMarked;
