/**
 * Notifications of accounts in the auth database: notifications, projected from the server events,
 * and their read state, projected from the auth events.
 */
@NullMarked
package io.ohkay.projector.notification;

import org.jspecify.annotations.NullMarked;
