package org.robustecg.knime.node;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.util.FileUtil;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;

/**
 * A node's settings as KNIME settings models, one per parameter of the step's schema with the parameter's key:
 * what the dialog edits, what settings.xml stores and what flow variables override. An optional number is a text
 * field, empty while unset.
 */
final class StepSettings {

    private final Schema schema;
    private final List<Parameter> options;
    private final Map<String, SettingsModel> models = new LinkedHashMap<>();

    StepSettings(Schema schema) {
        this.schema = schema;
        this.options = schema.on(Face.NODE);
        for (Parameter o : options) {
            models.put(o.key(), model(o));
        }
    }

    static SettingsModel model(Parameter o) {
        if (o.optional()) {
            return new SettingsModelString(o.key(), "");
        }
        return switch (o.type()) {
            case INTEGER -> new SettingsModelIntegerBounded(o.key(), (Integer) o.defaultValue(), (int) o.range().min(),
                    (int) o.range().max());
            case NUMBER -> new SettingsModelDoubleBounded(o.key(), (Double) o.defaultValue(), o.range().min(),
                    o.range().max());
            case BOOLEAN -> new SettingsModelBoolean(o.key(), (Boolean) o.defaultValue());
            default -> new SettingsModelString(o.key(), (String) o.defaultValue());
        };
    }

    SettingsModel get(String key) {
        return models.get(key);
    }

    /**
     * The current values, checked by the core. Files and folders given as KNIME URLs (e.g.
     * {@code knime://knime.workflow/data/mitdb}) become local paths.
     */
    Values values() throws InvalidSettingsException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter o : options) {
            SettingsModel m = models.get(o.key());
            Object value;
            if (o.optional()) {
                value = ((SettingsModelString) m).getStringValue();
            } else {
                value = switch (o.type()) {
                    case INTEGER -> ((SettingsModelIntegerBounded) m).getIntValue();
                    case NUMBER -> ((SettingsModelDoubleBounded) m).getDoubleValue();
                    case BOOLEAN -> ((SettingsModelBoolean) m).getBooleanValue();
                    case FILE, FOLDER -> localPath(o, ((SettingsModelString) m).getStringValue());
                    default -> ((SettingsModelString) m).getStringValue();
                };
            }
            values.put(o.key(), value);
        }
        try {
            return Values.of(schema, Face.NODE, values);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** A URL (knime://, file:, ...) as the local path KNIME resolves it to; other text is a path already. */
    private static String localPath(Parameter o, String value) throws InvalidSettingsException {
        if (!value.strip().matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
            return value;
        }
        Path path;
        try {
            path = FileUtil.resolveToPath(FileUtil.toURL(value.strip()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new InvalidSettingsException("'" + o.label() + "': cannot resolve " + value + " to a local path: "
                    + e.getMessage(), e);
        }
        if (path == null) {
            throw new InvalidSettingsException("'" + o.label() + "': not a local file: " + value.strip()
                    + " (choose a file of this computer, a file: URL or a knime:// URL of a local workspace)");
        }
        return path.toString();
    }

    void save(NodeSettingsWO settings) {
        models.values().forEach(m -> m.saveSettingsTo(settings));
    }

    /**
     * Checks stored (or flow-variable) values with the core's rules, so a bad value fails here, named. One rule for
     * validating and loading: a key missing from settings saved by an older version takes its default (settings
     * added later do not break saved workflows).
     */
    void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter o : options) {
            if (!settings.containsKey(o.key())) {
                continue;
            }
            models.get(o.key()).validateSettings(settings);
            Object value;
            if (o.optional()) {
                value = settings.getString(o.key());
            } else {
                value = switch (o.type()) {
                    case INTEGER -> settings.getInt(o.key());
                    case NUMBER -> settings.getDouble(o.key());
                    case BOOLEAN -> settings.getBoolean(o.key());
                    default -> settings.getString(o.key());
                };
            }
            values.put(o.key(), value);
        }
        try {
            Values.of(schema, Face.NODE, values);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    void load(NodeSettingsRO settings) throws InvalidSettingsException {
        for (Parameter o : options) {
            SettingsModel m = models.get(o.key());
            if (settings.containsKey(o.key())) {
                m.loadSettingsFrom(settings);
            } else {
                NodeSettings defaults = new NodeSettings("defaults");
                model(o).saveSettingsTo(defaults);
                m.loadSettingsFrom(defaults);
            }
        }
    }
}
