package org.robustecg.knime.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import javax.swing.JComponent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.robustecg.node.ModelPort;

/**
 * A trained RobustECG model flowing between nodes: the bytes of its model file (saved with the workflow) and
 * its spec. Nodes work on a {@link ModelPort}, a copy of the file in a temporary folder.
 */
public final class ModelPortObject extends AbstractPortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ModelPortObject.class);

    private static final String ENTRY = "model.recg";

    private byte[] file;
    private ModelPortObjectSpec spec;

    /** Framework constructor (then {@link #load}). */
    public ModelPortObject() {
    }

    public ModelPortObject(ModelPort model) throws IOException {
        this.file = Files.readAllBytes(model.file());
        this.spec = new ModelPortObjectSpec(model.spec());
    }

    /** The model as a file in the given folder, for the core. */
    public ModelPort toModelPort(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path copy = Files.createTempFile(folder, "model-", ".recg");
        Files.write(copy, file);
        return new ModelPort(copy, spec.spec().info());
    }

    @Override
    public String getSummary() {
        return new ModelPort(null, spec.spec().info()).summary();
    }

    @Override
    public ModelPortObjectSpec getSpec() {
        return spec;
    }

    @Override
    public JComponent[] getViews() {
        return spec.getViews();
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(ENTRY));
        out.write(file);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec portSpec, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null || !ENTRY.equals(entry.getName())) {
            throw new IOException("not a RobustECG model port (no " + ENTRY + " entry)");
        }
        file = in.readAllBytes();
        spec = (ModelPortObjectSpec) portSpec;
    }

    /** Framework serializer. */
    public static final class Serializer extends AbstractPortObjectSerializer<ModelPortObject> {
    }
}
