/**
 * Support for generated code: reading wire values strictly, building violation lists without
 * allocating on the valid path, checking open JSON values, JSON Pointers and key suggestions.
 *
 * <p>These are public because generated validators in other packages call them; they are not meant
 * to be called by hand, and may change between minor versions.
 */
package dev.eventschema.support;
