package org.robustecg.node.reader;

import java.nio.file.Path;
import org.robustecg.ops.Parameter;
import org.robustecg.ops.Schema;
import org.robustecg.ops.Values;
import java.util.List;
import org.robustecg.settings.FileNames;

/**
 * Settings of the ECG Reader.
 *
 * @param format    wfdb, kaggle-csv, cpsc2018 or edf
 * @param folder    folder of WFDB records or CPSC2018 recordings
 * @param file      Kaggle heartbeat CSV or EDF file
 * @param records   record names to read; empty = every record of the folder
 * @param annotator annotation file extension of WFDB records (atr); empty = no annotations
 * @param reference CPSC2018 REFERENCE.csv; empty = the folder's REFERENCE.csv if present, else the headers' #Dx
 * @param strict    WFDB: fail on a checksum mismatch or a short signal file instead of warning
 */
public record EcgReaderSettings(String format, Path folder, Path file, List<String> records, String annotator,
        Path reference, boolean strict) {

    public static final List<String> FORMATS = List.of("wfdb", "kaggle-csv", "cpsc2018", "edf");

    public static final Schema SCHEMA = new Schema("read", List.of(
            Parameter.choice("format", "Format", "wfdb", FORMATS, "What to read: a folder of WFDB records (e.g. MIT-BIH), "
                    + "a Kaggle heartbeat CSV (one beat per row), a CPSC2018 / CinC 2020 folder, or an EDF/EDF+ file."),
            Parameter.folder("folder", "Folder", "The folder of WFDB records or CPSC2018 recordings."),
            Parameter.file("file", "File", "The Kaggle heartbeat CSV or the EDF file."),
            Parameter.text("records", "Records", "", "Comma-separated record names; empty reads every record of the "
                    + "folder (its RECORDS file, else every .hea, or every .mat for CPSC2018)."),
            Parameter.text("annotator", "Annotator", "atr", "Extension of the WFDB annotation files to read (atr for "
                    + "MIT-BIH); empty reads none."),
            Parameter.file("reference", "Reference labels", "CPSC2018 REFERENCE.csv; empty uses the folder's "
                    + "REFERENCE.csv when present, else the #Dx codes of the CinC 2020 headers."),
            Parameter.bool("strict", "Strict checks", true, "Fail on a WFDB checksum mismatch or a truncated signal "
                    + "file instead of reading what is there.")));

    public static EcgReaderSettings of(Values v) {
        List<String> records = v.words("records");
        records.forEach(name -> FileNames.check("setting 'Records' (records): record", name));
        String annotator = v.text("annotator").strip();
        if (!annotator.isEmpty()) {
            FileNames.check("setting 'Annotator' (annotator)", annotator);
        }
        return new EcgReaderSettings(v.text("format"), path(v.text("folder")), path(v.text("file")), records, annotator,
                path(v.text("reference")), v.bool("strict"));
    }

    private static Path path(String text) {
        return text.isBlank() ? null : Path.of(text.strip());
    }
}
