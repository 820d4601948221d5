package io.auditline.platform.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;

/** Jackson bindings for {@link Duration} ({@code 30s}) and {@link DataSize} ({@code 4MiB}) in config. */
final class ConfigModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  ConfigModule() {
    super("auditline-config");
    addDeserializer(Duration.class, new DurationDeserializer());
    addSerializer(Duration.class, new DurationSerializer());
    addDeserializer(DataSize.class, new DataSizeDeserializer());
    addSerializer(DataSize.class, new DataSizeSerializer());
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
          || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        // A bare number has no unit; asking for one avoids guessing seconds vs milliseconds.
        return (Duration) ctx.handleWeirdNumberValue(Duration.class, p.getNumberValue(),
            "a duration needs a unit, like 30s, 250ms, 5m, 2h, 1d or ISO-8601");
      }
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration) ctx.handleUnexpectedToken(Duration.class, p);
      }
      try {
        return Durations.parse(p.getText());
      } catch (IllegalArgumentException e) {
        return (Duration) ctx.handleWeirdStringValue(Duration.class, p.getText(), e.getMessage());
      }
    }
  }

  private static final class DurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(Durations.format(value));
    }
  }

  private static final class DataSizeDeserializer extends JsonDeserializer<DataSize> {
    @Override
    public DataSize deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getText() : p.getValueAsString();
      if (text == null) {
        return (DataSize) ctx.handleUnexpectedToken(DataSize.class, p);
      }
      try {
        return DataSize.parse(text);
      } catch (IllegalArgumentException e) {
        return (DataSize) ctx.handleWeirdStringValue(DataSize.class, text, e.getMessage());
      }
    }
  }

  private static final class DataSizeSerializer extends JsonSerializer<DataSize> {
    @Override
    public void serialize(DataSize value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }
}
