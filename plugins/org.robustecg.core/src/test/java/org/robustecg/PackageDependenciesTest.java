package org.robustecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the core, the command line and the KNIME bundle, read from their sources, depend on each other in
 * one direction only: no cycle, and every dependency points down the layers below. A new package needs a layer.
 */
class PackageDependenciesTest {

    /**
     * The layers, lowest first, by package below {@code org.robustecg} (a name covers its subpackages). A package may
     * use packages of its own layer (without a cycle) and of the layers below it.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("progress", "settings", "engine", "table"),
            List.of("ecg"),
            List.of("io"),
            List.of("data"),
            List.of("preprocess"),
            List.of("database"),
            List.of("objective"),
            List.of("model"),
            List.of("attack"),
            List.of("train"),
            List.of("metrics"),
            List.of("report"),
            List.of("ops"),
            List.of("node", "study"),
            List.of("cli", "knime"));

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"),
            Path.of("../org.robustecg.cli/src/main/java"), Path.of("../org.robustecg.knime/src"));

    private static final String ROOT = "org.robustecg.";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;",
            Pattern.MULTILINE);
    /** A qualified name in code: lower-case package segments, then a type. */
    private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.robustecg((?:\\.[a-z_]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])'", Pattern.DOTALL);

    /** Package dependencies: from package, to package, the classes that make them. */
    record Graph(Map<String, Map<String, Set<String>>> edges) {

        static Graph of(Map<String, String> sources) {
            Map<String, String> packageOf = new HashMap<>();
            sources.forEach((name, text) -> {
                Matcher m = PACKAGE.matcher(text);
                packageOf.put(name, m.find() ? m.group(1) : "");
            });
            Set<String> packages = new TreeSet<>(packageOf.values());
            Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
            packages.forEach(p -> edges.put(p, new TreeMap<>()));
            sources.forEach((name, text) -> {
                String from = packageOf.get(name);
                String code = COMMENTS_AND_STRINGS.matcher(text).replaceAll(" ");
                List<String> targets = new ArrayList<>();
                Matcher imports = IMPORT.matcher(code);
                while (imports.find()) {
                    targets.add(packageOfName(imports.group(1), packages));
                }
                Matcher qualified = QUALIFIED.matcher(code);
                while (qualified.find()) {
                    targets.add("org.robustecg" + qualified.group(1));
                }
                for (String to : targets) {
                    if (to != null && !to.equals(from) && packages.contains(to)) {
                        edges.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(name);
                    }
                }
            });
            return new Graph(edges);
        }

        /** The longest declared package that the imported name starts with, or null. */
        private static String packageOfName(String name, Set<String> packages) {
            for (String p = name; p.contains("."); p = p.substring(0, p.lastIndexOf('.'))) {
                if (packages.contains(p)) {
                    return p;
                }
            }
            return null;
        }

        /** Every cycle's packages, as a path from a package back to itself (one per strongly connected group). */
        List<List<String>> cycles() {
            List<List<String>> cycles = new ArrayList<>();
            for (Set<String> group : stronglyConnected()) {
                if (group.size() > 1) {
                    String start = group.iterator().next();
                    cycles.add(pathBack(start, group));
                }
            }
            return cycles;
        }

        /** Tarjan's strongly connected components. */
        private List<Set<String>> stronglyConnected() {
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> low = new HashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            Set<String> onStack = new TreeSet<>();
            List<Set<String>> groups = new ArrayList<>();
            for (String p : edges.keySet()) {
                if (!index.containsKey(p)) {
                    connect(p, index, low, stack, onStack, groups);
                }
            }
            return groups;
        }

        private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                Set<String> onStack, List<Set<String>> groups) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : edges.get(v).keySet()) {
                if (!index.containsKey(w)) {
                    connect(w, index, low, stack, onStack, groups);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> group = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    group.add(w);
                } while (!w.equals(v));
                groups.add(group);
            }
        }

        /** A shortest path inside the group from start back to start (breadth first). */
        private List<String> pathBack(String start, Set<String> group) {
            Map<String, String> previous = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String v = queue.poll();
                for (String w : edges.get(v).keySet()) {
                    if (!group.contains(w)) {
                        continue;
                    }
                    if (w.equals(start)) {
                        List<String> path = new ArrayList<>(List.of(start));
                        for (String p = v; !p.equals(start); p = previous.get(p)) {
                            path.add(1, p);
                        }
                        path.add(start);
                        return path;
                    }
                    if (!previous.containsKey(w)) {
                        previous.put(w, v);
                        queue.add(w);
                    }
                }
            }
            throw new IllegalStateException("no way back to " + start);
        }

        /** The path with the classes behind each step, e.g. "model -> train (ModelInfo) -> model (Learner)". */
        String describe(List<String> path) {
            StringBuilder s = new StringBuilder(shortName(path.get(0)));
            for (int i = 1; i < path.size(); i++) {
                s.append(" -> ").append(shortName(path.get(i))).append(" (")
                        .append(String.join(", ", edges.get(path.get(i - 1)).get(path.get(i)))).append(')');
            }
            return s.toString();
        }
    }

    private static String shortName(String pkg) {
        return pkg.startsWith(ROOT) ? pkg.substring(ROOT.length()) : pkg;
    }

    /** The layer of a package, or -1 if none is declared for it. */
    static int layer(String pkg) {
        String name = shortName(pkg);
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                if (name.equals(p) || name.startsWith(p + ".")) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Source name (file without .java, by path) to text, of every module present. */
    private static Map<String, String> sources(List<Path> roots) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = f.getFileName().toString().replace(".java", "");
                    sources.put(root.relativize(f).toString().replace(".java", "") + ":" + name,
                            Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return sources;
    }

    /** The graph with each source named by its class only. */
    private static Graph graph() throws IOException {
        Map<String, String> byClass = new TreeMap<>();
        sources(SOURCES).forEach((key, text) -> byClass.put(key.substring(key.indexOf(':') + 1) + "@" + key, text));
        Graph g = Graph.of(byClass);
        g.edges().values().forEach(targets -> targets.replaceAll((to, names) -> {
            Set<String> simple = new TreeSet<>();
            names.forEach(n -> simple.add(n.substring(0, n.indexOf('@'))));
            return simple;
        }));
        return g;
    }

    @Test
    void noPackageCycle() throws IOException {
        Graph g = graph();
        assertTrue(g.edges().containsKey("org.robustecg.model"), "the core's sources are read: " + g.edges().keySet());
        List<String> cycles = g.cycles().stream().map(g::describe).toList();
        assertEquals(List.of(), cycles, "package cycles:\n" + String.join("\n", cycles));
    }

    @Test
    void everyPackageHasALayerAndUsesOnlyItsOwnAndLowerLayers() throws IOException {
        Graph g = graph();
        List<String> problems = new ArrayList<>();
        g.edges().forEach((from, targets) -> {
            if (layer(from) < 0) {
                problems.add(shortName(from) + " has no layer: add it to LAYERS");
            }
            targets.forEach((to, classes) -> {
                if (layer(from) >= 0 && layer(to) > layer(from)) {
                    problems.add(shortName(from) + " uses the higher " + shortName(to) + " (" + String.join(", ",
                            classes) + ")");
                }
            });
        });
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void theCoreUsesNeitherTheCommandLineNorKnime() throws IOException {
        List<String> found = new ArrayList<>();
        sources(List.of(SOURCES.get(0))).forEach((name, text) -> {
            Matcher imports = IMPORT.matcher(COMMENTS_AND_STRINGS.matcher(text).replaceAll(" "));
            while (imports.find()) {
                String target = imports.group(1);
                if (target.startsWith("org.knime.") || target.startsWith("picocli.")
                        || target.startsWith("org.robustecg.cli.") || target.startsWith("org.robustecg.knime.")) {
                    found.add(name + " imports " + target);
                }
            }
        });
        assertEquals(List.of(), found);
    }

    @Test
    void findsACycleThroughImportsAndQualifiedNames() {
        Graph g = Graph.of(Map.of(
                "A", "package org.robustecg.a;\nimport org.robustecg.b.B;\nclass A { B b; }",
                "B", "package org.robustecg.b;\n// org.robustecg.a.A in a comment does not count\n"
                        + "class B { Object x = org.robustecg.c.C.of(); String s = \"org.robustecg.a.A\"; }",
                "C", "package org.robustecg.c;\nimport static org.robustecg.a.A.run;\nclass C { }",
                "D", "package org.robustecg.d;\nimport org.robustecg.a.*;\nclass D { }"));
        assertEquals(List.of(List.of("org.robustecg.a", "org.robustecg.b", "org.robustecg.c", "org.robustecg.a")),
                g.cycles());
        assertEquals("a -> b (A) -> c (B) -> a (C)", g.describe(g.cycles().get(0)));
        assertEquals(Set.of("org.robustecg.a"), g.edges().get("org.robustecg.d").keySet());
        assertEquals(7, layer("org.robustecg.model"));
        assertEquals(2, layer("org.robustecg.io.wfdb"));
        assertEquals(-1, layer("org.robustecg.nothing"));
    }
}
