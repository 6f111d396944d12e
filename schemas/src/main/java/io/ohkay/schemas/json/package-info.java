/** The JSON codec every service uses to read and write topic values. */
@NullMarked
package io.ohkay.schemas.json;

import org.jspecify.annotations.NullMarked;
