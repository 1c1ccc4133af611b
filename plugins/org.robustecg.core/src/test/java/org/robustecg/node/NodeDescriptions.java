package org.robustecg.node;

import java.util.List;
import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;

/**
 * A node's description in KNIME's node description schema (v4.1), written from its step: the introduction,
 * every setting of its schema with its key, default and unit, every port and view. The KNIME bundle holds these as {@code
 * <Factory>.xml} files; a test keeps them equal to what this writes, so they cannot drift from the settings.
 */
public final class NodeDescriptions {

    private NodeDescriptions() {
    }

    public static String xml(NodeCatalog.Entry entry) {
        NodeStep step = entry.step();
        String type = entry.type();
        String icon = "./" + entry.icon();
        List<String> views = entry.views();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<knimeNode icon=\"").append(icon).append("\" type=\"").append(type)
                .append("\" xmlns=\"http://knime.org/node/v4.1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"http://knime.org/node/v4.1 http://knime.org/node/v4.1.xsd\">\n");
        x.append("  <name>").append(escape(step.name())).append("</name>\n");
        String intro = step.description();
        x.append("  <shortDescription>").append(escape(intro.split("(?<=\\.)\\s+(?=[A-Z])")[0]))
                .append("</shortDescription>\n");
        x.append("  <fullDescription>\n    <intro>").append(escape(intro)).append("</intro>\n");
        for (Parameter p : step.schema().on(Face.NODE)) {
            String values = p.type() == Parameter.Type.CHOICE ? " One of: " + String.join(", ", p.choices()) + "." : "";
            String unit = p.unit().isEmpty() ? "" : " " + p.unit();
            String def = p.optional() ? " Leave it empty to leave it unset."
                    : p.defaultText().isEmpty() ? "" : " Default: " + escape(p.defaultText()) + escape(unit) + ".";
            x.append("    <option name=\"").append(escape(p.label())).append("\">").append(escape(p.description()))
                    .append(values).append(def).append(" Settings key (flow variable): ").append(p.key())
                    .append(".</option>\n");
        }
        x.append("  </fullDescription>\n  <ports>\n");
        port(x, "inPort", step.inputs());
        port(x, "outPort", step.outputs());
        x.append("  </ports>\n");
        if (!views.isEmpty()) {
            x.append("  <views>\n");
            for (int i = 0; i < views.size(); i++) {
                x.append("    <view index=\"").append(i).append("\" name=\"").append(escape(views.get(i)))
                        .append("\">").append(escape(views.get(i))).append("</view>\n");
            }
            x.append("  </views>\n");
        }
        x.append("</knimeNode>\n");
        return x.toString();
    }

    private static void port(StringBuilder x, String element, List<Port> ports) {
        for (int i = 0; i < ports.size(); i++) {
            Port p = ports.get(i);
            x.append("    <").append(element).append(" index=\"").append(i).append("\" name=\"").append(escape(p.name()))
                    .append("\">").append(escape(p.description())).append(p.optional() ? " (optional)" : "")
                    .append("</").append(element).append(">\n");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
