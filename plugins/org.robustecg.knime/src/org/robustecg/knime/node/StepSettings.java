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
import org.robustecg.node.Option;
import org.robustecg.node.OptionValues;

/**
 * A node's settings as KNIME settings models, one per core option with the option's key: what the dialog
 * edits, what settings.xml stores and what flow variables override.
 */
final class StepSettings {

    private final List<Option> options;
    private final Map<String, SettingsModel> models = new LinkedHashMap<>();

    StepSettings(List<Option> options) {
        this.options = options;
        for (Option o : options) {
            models.put(o.key(), model(o));
        }
    }

    static SettingsModel model(Option o) {
        return switch (o.kind()) {
            case INTEGER -> new SettingsModelIntegerBounded(o.key(), (Integer) o.defaultValue(), (int) o.min(),
                    (int) o.max());
            case NUMBER -> new SettingsModelDoubleBounded(o.key(), (Double) o.defaultValue(), o.min(), o.max());
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
    OptionValues values() throws InvalidSettingsException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option o : options) {
            SettingsModel m = models.get(o.key());
            values.put(o.key(), switch (o.kind()) {
                case INTEGER -> ((SettingsModelIntegerBounded) m).getIntValue();
                case NUMBER -> ((SettingsModelDoubleBounded) m).getDoubleValue();
                case BOOLEAN -> ((SettingsModelBoolean) m).getBooleanValue();
                case FILE, FOLDER -> localPath(o, ((SettingsModelString) m).getStringValue());
                default -> ((SettingsModelString) m).getStringValue();
            });
        }
        try {
            return new OptionValues(options, values);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** A URL (knime://, file:, ...) as the local path KNIME resolves it to; other text is a path already. */
    private static String localPath(Option o, String value) throws InvalidSettingsException {
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
        for (Option o : options) {
            if (!settings.containsKey(o.key())) {
                continue;
            }
            models.get(o.key()).validateSettings(settings);
            values.put(o.key(), switch (o.kind()) {
                case INTEGER -> settings.getInt(o.key());
                case NUMBER -> settings.getDouble(o.key());
                case BOOLEAN -> settings.getBoolean(o.key());
                default -> settings.getString(o.key());
            });
        }
        try {
            new OptionValues(options, values);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    void load(NodeSettingsRO settings) throws InvalidSettingsException {
        for (Option o : options) {
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
