package org.robustecg.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one operation, each declared once. The command line, the KNIME nodes and the study files
 * derive their options, settings, dialogs, descriptions and keys from it, and check values with it
 * ({@link Values}).
 *
 * @param operation  what the operation is called (e.g. "attack")
 * @param parameters its parameters, in the order faces show them
 */
public record Schema(String operation, List<Parameter> parameters) {

    public Schema {
        parameters = List.copyOf(parameters);
        Map<String, Parameter> seen = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (seen.put(p.key(), p) != null) {
                throw new IllegalArgumentException(operation + ": parameter " + p.key() + " declared twice");
            }
            if (!p.optional()) {
                Values.check(p, p.defaultValue(), p.key(), false);
            }
        }
    }

    /** The parameters offered on a face, in order. */
    public List<Parameter> on(Face face) {
        return parameters.stream().filter(p -> p.on(face)).toList();
    }

    /** The keys offered on a face, in order. */
    public List<String> keys(Face face) {
        return on(face).stream().map(Parameter::key).toList();
    }

    public Parameter get(String key) {
        for (Parameter p : parameters) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException(operation + " has no parameter " + key);
    }
}
