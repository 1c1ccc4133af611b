package org.robustecg.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * JSON that strict parsers accept (RFC 8259): a missing or undefined number (NaN, an infinity) is written as
 * null, never as the bare NaN or Infinity that JavaScript's JSON.parse and most other parsers reject.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A pretty-printing Gson writing non-finite numbers as null. */
    public static Gson gson() {
        TypeAdapter<Double> doubles = new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, Double value) throws IOException {
                if (value == null || !Double.isFinite(value)) {
                    out.nullValue();
                } else {
                    out.value(value.doubleValue());
                }
            }

            @Override
            public Double read(JsonReader in) throws IOException {
                if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                    in.nextNull();
                    return Double.NaN;
                }
                return in.nextDouble();
            }
        };
        TypeAdapter<Float> floats = new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, Float value) throws IOException {
                doubles.write(out, value == null ? null : value.doubleValue());
            }

            @Override
            public Float read(JsonReader in) throws IOException {
                return doubles.read(in).floatValue();
            }
        };
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
                .registerTypeAdapter(Double.class, doubles).registerTypeAdapter(double.class, doubles)
                .registerTypeAdapter(Float.class, floats).registerTypeAdapter(float.class, floats).create();
    }
}
