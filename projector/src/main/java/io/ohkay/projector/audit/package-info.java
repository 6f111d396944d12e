/** The audit log of a server's moderation actions, in its own database: audit_log. */
@NullMarked
package io.ohkay.projector.audit;

import org.jspecify.annotations.NullMarked;
