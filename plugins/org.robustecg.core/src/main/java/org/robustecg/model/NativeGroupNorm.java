package org.robustecg.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * PyTorch's fused {@code group_norm} (statistics, normalisation and per-channel affine in one kernel, and one
 * backward kernel), which DJL 0.36 does not expose. Composed from DJL's ops (layer norm, then a multiply and an
 * add), the backbone's normalisations took three times as long in a profiled training step, which is 8 to 13 %
 * slower as a whole (docs/RESULTS.md). The op is reached through a one-line TorchScript module written here, in
 * memory, per group count and device; its forward runs with autograd, so gradients flow as through any DJL op.
 */
final class NativeGroupNorm {

    private static final Map<String, PtSymbolBlock> MODULES = new ConcurrentHashMap<>();
    private static final Map<Device, NDManager> MANAGERS = new ConcurrentHashMap<>();

    private NativeGroupNorm() {}

    /** {@code group_norm(x, groups, gamma, beta, epsilon)} of {@code [B, C, W]} input; gamma and beta are {@code [C]}. */
    static NDArray apply(NDArray x, int groups, NDArray gamma, NDArray beta, float epsilon) {
        PtSymbolBlock module = MODULES.computeIfAbsent(groups + "@" + x.getDevice() + "@" + epsilon,
                key -> load(groups, epsilon, x.getDevice()));
        // isTrain = true only means "leave autograd as the caller has it": recording inside a gradient collector,
        // not outside. (The inputs' names must not contain '.', which would make them a map; block arrays have none.)
        return IValueUtils.forward(module, new NDList(x, gamma, beta), true).singletonOrThrow();
    }

    private static PtSymbolBlock load(int groups, float epsilon, Device device) {
        NDManager manager = MANAGERS.computeIfAbsent(device, d -> Engine.getInstance().newBaseManager(d));
        try {
            return JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive(groups, epsilon)), true,
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the group-norm module", e);
        }
    }

    /**
     * A TorchScript archive (format version 3) of a module without state whose forward calls
     * {@code torch.group_norm}: the code, and the pickled module object (class, {@code training = True}).
     */
    private static byte[] archive(int groups, float epsilon) throws IOException {
        String name = "GroupNorm" + groups;
        String code = "class " + name + "(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + "  def forward(self: __torch__." + name + ", x: Tensor, weight: Tensor, bias: Tensor) -> Tensor:\n"
                + "    return torch.group_norm(x, " + groups + ", weight, bias, "
                + String.format(Locale.ROOT, "%.17e", (double) epsilon) + ", True)\n";
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(new byte[] {(byte) 0x80, 2}); // pickle protocol 2
        data.write(("c__torch__\n" + name + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL class
        data.write(new byte[] {')', (byte) 0x81, '}', '(', 'X', 8, 0, 0, 0}); // () NEWOBJ, {MARK, 8-char string
        data.write("training".getBytes(StandardCharsets.US_ASCII));
        data.write(new byte[] {(byte) 0x88, 'u', 'b', '.'}); // True SETITEMS BUILD STOP
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            entry(out, "archive/data.pkl", data.toByteArray());
            entry(out, "archive/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // empty tuple
            entry(out, "archive/code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
            entry(out, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return zip.toByteArray();
    }

    private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
