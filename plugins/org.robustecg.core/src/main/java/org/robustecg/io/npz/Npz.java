package org.robustecg.io.npz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.robustecg.io.AtomicFiles;
import org.robustecg.io.EcgFormatException;

/** numpy {@code .npz} archives (a zip of {@code name.npy} entries, as {@code numpy.savez} writes them). */
public final class Npz {

    private Npz() {
    }

    /** Writes the arrays atomically: the file appears complete or not at all. */
    public static void write(Path file, Map<String, NpyArray> arrays, boolean overwrite) throws IOException {
        AtomicFiles.write(file, overwrite, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                    byte[] bytes = Npy.encode(e.getValue());
                    ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setCrc(crc.getValue());
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        });
    }

    /** Reads every array of an archive, by name (without ".npy"), in archive order. */
    public static Map<String, NpyArray> read(Path file) throws EcgFormatException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                byte[] bytes = zip.readAllBytes();
                try {
                    arrays.put(name.substring(0, name.length() - 4), Npy.decode(bytes, name));
                } catch (IllegalArgumentException e) {
                    throw new EcgFormatException(file, "entry " + name, e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new EcgFormatException(file, null, "file not found");
        } catch (ZipException e) {
            throw new EcgFormatException(file, null, "not a valid .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw EcgFormatException.unreadable(file, e);
        }
        if (arrays.isEmpty()) {
            throw new EcgFormatException(file, null, "not a .npz archive: it holds no .npy arrays");
        }
        return arrays;
    }
}
