package org.robustecg.node;

import org.robustecg.ops.Face;
import org.robustecg.ops.Parameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The KNIME bundle (built only with -Pknime) checked from the default build: every node of the catalog has its
 * factory, icon and plugin.xml entry, and its node description equals what the core writes from its step.
 * Run with -Drobustecg.writeDescriptions=true to rewrite the descriptions after changing a step.
 */
class KnimeBundleTest {

    static final Path BUNDLE = Path.of("..", "org.robustecg.knime").toAbsolutePath().normalize();

    @Test
    void everyNodeHasFactoryIconPluginEntryAndCurrentDescription() throws IOException {
        String plugin = Files.readString(BUNDLE.resolve("plugin.xml"));
        boolean write = Boolean.getBoolean("robustecg.writeDescriptions");
        for (NodeCatalog.Entry e : NodeCatalog.entries()) {
            Path source = BUNDLE.resolve("src").resolve(e.factory().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), "factory source " + source);
            assertTrue(Files.readString(source).contains("new " + e.step().getClass().getSimpleName() + "()"),
                    e.factory() + " runs " + e.step().getClass().getSimpleName());
            assertTrue(Files.isRegularFile(source.resolveSibling(e.icon())), "icon of " + e.factory());
            assertTrue(plugin.contains("factory-class=\"" + e.factory() + "\""), "plugin.xml lists " + e.factory());
            Path xml = source.resolveSibling(e.simpleName() + ".xml");
            String expected = NodeDescriptions.xml(e);
            if (write) {
                Files.writeString(xml, expected, StandardCharsets.UTF_8);
            }
            assertTrue(Files.isRegularFile(xml), "node description " + xml);
            assertEquals(expected, Files.readString(xml, StandardCharsets.UTF_8), "node description " + xml
                    + " is out of date: run the core tests with -Drobustecg.writeDescriptions=true");
        }
    }

    @Test
    void featureDescriptionNamesEveryNode() throws IOException {
        String feature = Files.readString(BUNDLE.resolve("../../features/org.robustecg.knime.feature/feature.xml"))
                .replaceAll("\\s+", " ");
        for (NodeCatalog.Entry e : NodeCatalog.entries()) {
            assertTrue(feature.contains(e.step().name()), "feature.xml names the node " + e.step().name());
        }
    }

    @Test
    void descriptionsAreWellFormedAndNameEverySettingsKey() throws Exception {
        var builder = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        builder.setNamespaceAware(true);
        for (NodeCatalog.Entry e : NodeCatalog.entries()) {
            String xml = NodeDescriptions.xml(e);
            var doc = builder.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(
                    StandardCharsets.UTF_8)));
            assertEquals(e.step().schema().on(Face.NODE).size(), doc.getElementsByTagName("option").getLength());
            assertEquals(e.step().inputs().size(), doc.getElementsByTagName("inPort").getLength());
            assertEquals(e.step().outputs().size(), doc.getElementsByTagName("outPort").getLength());
            for (Parameter o : e.step().schema().on(Face.NODE)) {
                assertTrue(xml.contains("Settings key (flow variable): " + o.key() + "."), o.key());
            }
        }
    }
}
