/** Stable error codes: business rejections and request errors, as clients see them. */
@NullMarked
package io.ohkay.schemas.error;

import org.jspecify.annotations.NullMarked;
