/**
 * The caller's own notifications (mentions, direct messages while offline, invites) as the accounts
 * database holds them, each with its read time from the read markers and the read-all watermark.
 */
@NullMarked
package io.ohkay.edge.notification;

import org.jspecify.annotations.NullMarked;
