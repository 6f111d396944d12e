/**
 * Notifications of accounts in the auth database, projected from the server events: notifications.
 */
@NullMarked
package io.ohkay.projector.notification;

import org.jspecify.annotations.NullMarked;
