package org.robustecg.node;

import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * KNIME workflow folders of RobustECG nodes (workflow.knime + one settings.xml per node, KNIME's XML config
 * format): written from node, settings and connection lists, and read back to check them.
 */
final class WorkflowFiles {

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config xmlns=\"http://www.knime.org/"
            + "2008/09/XMLConfig\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
            + "http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"%s\">\n";

    /** A node: id, catalog entry, label (the node's name in the workflow), settings, position. */
    record WorkflowNode(int id, NodeCatalog.Entry entry, String label, Map<String, ?> settings, int x, int y) {

        String folder() {
            return entry.step().name() + " (#" + id + ")";
        }
    }

    /** A connection between data ports (0-based; -1 is the flow-variable port, which the file numbers 0). */
    record Link(int from, int fromPort, int to, int toPort) {
    }

    /** A workflow as read back: factory, typed settings and saved state per node, and its connections. */
    record Parsed(Map<Integer, String> factories, Map<Integer, Map<String, Object>> settings,
            Map<Integer, String> states, List<Link> links) {
    }

    private WorkflowFiles() {
    }

    /**
     * The state KNIME gives each node when it loads the workflow (it configures every node whose inputs all have
     * a spec): CONFIGURED if every required input is connected to a CONFIGURED node with a known output spec
     * (flow-variable connections only need the node CONFIGURED) and the step configures; IDLE otherwise. A node
     * saved in another state is re-configured on load, logged ("State has changed") and marked changed.
     *
     * @param localPaths the settings with knime:// URLs replaced by the local paths KNIME would resolve
     */
    static Map<Integer, String> loadStates(Map<Integer, NodeStep> steps, Map<Integer, ? extends Map<String, ?>> settings,
            List<Link> links, UnaryOperator<Map<String, ?>> localPaths) {
        Map<Integer, List<Object>> specs = new LinkedHashMap<>();
        Map<Integer, String> states = new LinkedHashMap<>();
        while (states.size() < steps.size()) {
            for (Map.Entry<Integer, NodeStep> n : steps.entrySet()) {
                int id = n.getKey();
                List<Link> in = links.stream().filter(l -> l.to() == id).toList();
                if (states.containsKey(id) || !in.stream().allMatch(l -> states.containsKey(l.from()))) {
                    continue;
                }
                NodeStep step = n.getValue();
                List<Object> inSpecs = new ArrayList<>();
                boolean ready = in.stream().allMatch(l -> specs.containsKey(l.from()));
                for (int p = 0; p < step.inputs().size() && ready; p++) {
                    final int port = p;
                    Link l = in.stream().filter(k -> k.toPort() == port).findFirst().orElse(null);
                    Object spec = l == null ? null : specs.get(l.from()).get(l.fromPort());
                    ready = spec != null || l == null && step.inputs().get(p).optional();
                    inSpecs.add(spec);
                }
                List<Object> out = null;
                if (ready) {
                    try {
                        out = step.configure(Values.of(step.schema(), Face.NODE, localPaths.apply(settings.get(id))),
                                inSpecs);
                    } catch (IllegalArgumentException e) {
                        out = null;
                    }
                }
                if (out != null) {
                    specs.put(id, out);
                }
                states.put(id, out != null ? "CONFIGURED" : "IDLE");
            }
        }
        return states;
    }

    static void write(Path folder, List<WorkflowNode> nodes, List<Link> links, UnaryOperator<Map<String, ?>> localPaths)
            throws IOException {
        Map<Integer, NodeStep> steps = new LinkedHashMap<>();
        Map<Integer, Map<String, ?>> settings = new LinkedHashMap<>();
        nodes.forEach(n -> {
            steps.put(n.id(), n.entry().step());
            settings.put(n.id(), n.settings());
        });
        Map<Integer, String> states = loadStates(steps, settings, links, localPaths);
        Files.createDirectories(folder);
        StringBuilder w = new StringBuilder(String.format(HEADER, "workflow.knime"));
        entry(w, 1, "created_by", "xstring", "5.5.0");
        entry(w, 1, "created_by_nightly", "xboolean", "false");
        entry(w, 1, "version", "xstring", "5.1.0");
        w.append("    <entry key=\"name\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n");
        w.append("    <entry key=\"customDescription\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n");
        entry(w, 1, "state", "xstring", states.containsValue("IDLE") ? "IDLE" : "CONFIGURED");
        w.append("    <config key=\"workflow_credentials\"/>\n    <config key=\"nodes\">\n");
        for (WorkflowNode n : nodes) {
            w.append("        <config key=\"node_").append(n.id()).append("\">\n");
            entry(w, 3, "id", "xint", Integer.toString(n.id()));
            entry(w, 3, "node_settings_file", "xstring", n.folder() + "/settings.xml");
            entry(w, 3, "node_is_meta", "xboolean", "false");
            entry(w, 3, "node_type", "xstring", "NativeNode");
            entry(w, 3, "ui_classname", "xstring", "org.knime.core.node.workflow.NodeUIInformation");
            w.append("            <config key=\"ui_settings\">\n                <config key=\"extrainfo.node.bounds\">\n");
            entry(w, 5, "array-size", "xint", "4");
            int[] bounds = {n.x(), n.y(), 110, 80};
            for (int i = 0; i < 4; i++) {
                entry(w, 5, Integer.toString(i), "xint", Integer.toString(bounds[i]));
            }
            w.append("                </config>\n            </config>\n        </config>\n");
            writeSettings(folder.resolve(n.folder()), n, states.get(n.id()));
        }
        w.append("    </config>\n    <config key=\"connections\">\n");
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            w.append("        <config key=\"connection_").append(i).append("\">\n");
            entry(w, 3, "sourceID", "xint", Integer.toString(l.from()));
            entry(w, 3, "destID", "xint", Integer.toString(l.to()));
            entry(w, 3, "sourcePort", "xint", Integer.toString(l.fromPort() + 1));
            entry(w, 3, "destPort", "xint", Integer.toString(l.toPort() + 1));
            w.append("        </config>\n");
        }
        w.append("    </config>\n</config>\n");
        Files.writeString(folder.resolve("workflow.knime"), w, StandardCharsets.UTF_8);
    }

    private static void writeSettings(Path folder, WorkflowNode n, String state) throws IOException {
        Files.createDirectories(folder);
        Values values = Values.of(n.entry().step().schema(), Face.NODE, n.settings());
        StringBuilder s = new StringBuilder(String.format(HEADER, "settings.xml"));
        entry(s, 1, "node_file", "xstring", "settings.xml");
        s.append("    <config key=\"flow_stack\"/>\n    <config key=\"internal_node_subsettings\">\n");
        entry(s, 2, "memory_policy", "xstring", "CacheSmallInMemory");
        s.append("    </config>\n    <config key=\"model\">\n");
        for (Parameter o : n.entry().step().schema().on(Face.NODE)) {
            Object v = values.asMap().get(o.key());
            // An optional number is a text field in KNIME: empty when unset.
            String type = o.optional() ? "xstring" : switch (o.type()) {
                case INTEGER -> "xint";
                case NUMBER -> "xdouble";
                case BOOLEAN -> "xboolean";
                default -> "xstring";
            };
            entry(s, 2, o.key(), type, v == null ? "" : String.valueOf(v));
        }
        s.append("    </config>\n");
        s.append("    <config key=\"nodeAnnotation\">\n");
        entry(s, 2, "text", "xstring", n.label());
        entry(s, 2, "contentType", "xstring", "text/plain");
        entry(s, 2, "bgcolor", "xint", "16777215");
        entry(s, 2, "x-coordinate", "xint", Integer.toString(n.x() - 20));
        entry(s, 2, "y-coordinate", "xint", Integer.toString(n.y() + 80));
        entry(s, 2, "width", "xint", "150");
        entry(s, 2, "height", "xint", "28");
        entry(s, 2, "alignment", "xstring", "CENTER");
        entry(s, 2, "borderSize", "xint", "0");
        entry(s, 2, "borderColor", "xint", "0");
        entry(s, 2, "defFontSize", "xint", "-1");
        entry(s, 2, "annotation-version", "xint", "-1");
        s.append("        <config key=\"styles\"/>\n    </config>\n");
        s.append("    <entry key=\"customDescription\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n");
        entry(s, 1, "state", "xstring", state);
        entry(s, 1, "factory", "xstring", n.entry().factory());
        entry(s, 1, "node-name", "xstring", n.entry().step().name());
        entry(s, 1, "node-bundle-name", "xstring", "RobustECG KNIME nodes");
        entry(s, 1, "node-bundle-symbolic-name", "xstring", "org.robustecg.knime");
        entry(s, 1, "node-bundle-vendor", "xstring", "RobustECG");
        entry(s, 1, "node-bundle-version", "xstring", "0.1.0");
        entry(s, 1, "node-feature-name", "xstring", "RobustECG nodes for KNIME Analytics Platform");
        entry(s, 1, "node-feature-symbolic-name", "xstring", "org.robustecg.knime.feature.feature.group");
        entry(s, 1, "node-feature-vendor", "xstring", "RobustECG");
        entry(s, 1, "node-feature-version", "xstring", "0.1.0");
        s.append("    <config key=\"factory_settings\"/>\n");
        entry(s, 1, "name", "xstring", n.entry().step().name());
        entry(s, 1, "hasContent", "xboolean", "false");
        entry(s, 1, "isInactive", "xboolean", "false");
        s.append("    <config key=\"ports\"/>\n    <config key=\"filestores\">\n");
        s.append("        <entry key=\"file_store_location\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n");
        s.append("        <entry key=\"file_store_id\" type=\"xstring\" isnull=\"true\" value=\"\"/>\n");
        s.append("    </config>\n</config>\n");
        Files.writeString(folder.resolve("settings.xml"), s, StandardCharsets.UTF_8);
    }

    private static void entry(StringBuilder b, int depth, String key, String type, String value) {
        b.append("    ".repeat(depth)).append("<entry key=\"").append(key).append("\" type=\"").append(type)
                .append("\" value=\"").append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;").replace("\n", "%%00010")).append("\"/>\n");
    }

    /** Reads a workflow folder: every node's factory and model settings, and the connections. */
    static Parsed read(Path folder) throws Exception {
        Document workflow = parse(folder.resolve("workflow.knime"));
        Map<Integer, String> factories = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> settings = new LinkedHashMap<>();
        Map<Integer, String> states = new LinkedHashMap<>();
        Element nodes = child(workflow.getDocumentElement(), "nodes");
        for (Element node : children(nodes)) {
            int id = Integer.parseInt(entries(node).get("id").toString());
            Document s = parse(folder.resolve(entries(node).get("node_settings_file").toString()));
            factories.put(id, entries(s.getDocumentElement()).get("factory").toString());
            states.put(id, entries(s.getDocumentElement()).get("state").toString());
            settings.put(id, entries(child(s.getDocumentElement(), "model")));
        }
        List<Link> links = new ArrayList<>();
        for (Element c : children(child(workflow.getDocumentElement(), "connections"))) {
            Map<String, Object> e = entries(c);
            links.add(new Link((Integer) e.get("sourceID"), (Integer) e.get("sourcePort") - 1, (Integer) e.get("destID"),
                    (Integer) e.get("destPort") - 1));
        }
        return new Parsed(factories, settings, states, links);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String key) {
        for (Element e : children(parent)) {
            if (e.getLocalName().equals("config") && key.equals(e.getAttribute("key"))) {
                return e;
            }
        }
        throw new IllegalArgumentException("no config '" + key + "'");
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("config")) {
                list.add(e);
            }
        }
        return list;
    }

    /** The typed entries directly under a config element. */
    private static Map<String, Object> entries(Element parent) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("entry")) {
                String v = e.getAttribute("value").replace("%%00010", "\n");
                map.put(e.getAttribute("key"), switch (e.getAttribute("type")) {
                    case "xint" -> Integer.parseInt(v);
                    case "xdouble" -> Double.parseDouble(v);
                    case "xboolean" -> Boolean.parseBoolean(v);
                    default -> v;
                });
            }
        }
        return map;
    }
}
