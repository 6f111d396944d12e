/** Settings shared by the platform's modules that their own prefixes cannot reference. */
@NullMarked
package io.ohkay.platform.settings;

import org.jspecify.annotations.NullMarked;
