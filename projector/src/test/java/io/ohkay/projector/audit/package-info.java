/** Tests of the audit log projection. */
@NullMarked
package io.ohkay.projector.audit;

import org.jspecify.annotations.NullMarked;
