/** Platform-wide HTTP: the aggregated health endpoint and problem+json for unmatched requests. */
@NullMarked
package io.ohkay.platform.web;

import org.jspecify.annotations.NullMarked;
