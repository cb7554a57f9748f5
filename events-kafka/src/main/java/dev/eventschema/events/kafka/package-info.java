/**
 * The engine's messages on Kafka, for producers and consumers alike (docs/fleet.md): {@link
 * dev.eventschema.events.kafka.CloudEventMapping} turns an accepted event, a rejection or a telemetry
 * snapshot of one engine into a CloudEvent (structured JSON mode) and gives its record key; {@link
 * dev.eventschema.events.kafka.FleetRecordDecoder} turns a consumed record back into a {@link
 * dev.eventschema.events.kafka.FleetRecord}, checked by the generated validators of {@code
 * engine-events}, or into a rejection with source {@code consumer}.
 *
 * <p>A producer sends the mapping's CloudEvents with the CloudEvents Kafka binding's serializer in
 * structured mode ({@code io.cloudevents.kafka.CloudEventSerializer}, {@code
 * cloudevents.serializer.encoding=STRUCTURED}, {@code
 * cloudevents.serializer.event_format=application/cloudevents+json}); a consumer reads values as
 * bytes ({@code ByteArrayDeserializer}), so that a broken record reaches the decoder, and is shown,
 * rather than stopping the consumer in its deserializer.
 */
package dev.eventschema.events.kafka;
