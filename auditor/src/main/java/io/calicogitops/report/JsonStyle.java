package io.calicogitops.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The product's one JSON style ({@link io.calicogitops.output.JsonStyle}), under the name the reporters import. */
public final class JsonStyle {

    public static final ObjectMapper MAPPER = io.calicogitops.output.JsonStyle.MAPPER;

    /** Two-space indent, {@code "key": value}, LF, empty containers as {} and []. */
    public static final ObjectWriter PRETTY = io.calicogitops.output.JsonStyle.PRETTY;

    private JsonStyle() {
    }
}
