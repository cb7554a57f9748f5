/**
 * Every setting of an engine, as {@code @EventSchema} interfaces: {@link
 * dev.eventschema.engine.config.EngineConfig} and its sections. Their generated validators are the
 * only place a setting's rule is written; their generated builders and values are what the running
 * code receives; their {@code ...OrDefault()} methods are the only place a default is applied. {@link
 * dev.eventschema.engine.config.ConfigFile} reads a config file into the JSON object those validators
 * read. This package depends on no other package of the engine but the error type.
 */
package dev.eventschema.engine.config;
