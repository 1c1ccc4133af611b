#!/usr/bin/env python3
"""Writes the test fixtures in this folder from the complete data (../shared/data, see NOTICE).

MIT-BIH records are cut to their first MINUTES minutes and rewritten as valid WFDB records: the same header
fields with the sample count and the per-signal checksums of the excerpt, the signal file cut at a frame
boundary, the annotations that fall inside the excerpt. test_generator_2 (WFDB and EDF+) is cut to its first
FRAMES one-second frames the same way. Other files are copied unchanged or cut to their first rows.
Usage: python3 make-excerpts.py <complete data folder>
"""
import hashlib
import shutil
import struct
import sys
from pathlib import Path

MINUTES = 4
MITDB_RECORDS = ["100", "101", "103", "105", "119", "124", "208", "213", "232"]
FRAMES = 60
KAGGLE_ROWS = 100
FORMAT_FILES = ["binformats.hea"] + [f"binformats.d{i}" for i in range(10)] + [
    "100_3chan.hea", "100_3chan.dat", "a103l.hea", "a103l.mat", "s0010_re.hea", "s0010_re.dat", "s0010_re.xyz",
    "test01_00s.hea", "test01_00s.dat", "test01_00s_frame.hea", "test01_00s_skew.hea", "test01_00s_skewframe.hea"]


def signed16(value):
    value &= 0xFFFF
    return value - 0x10000 if value >= 0x8000 else value


def decode212(data, signals):
    """Samples of interleaved format-212 data, one list per signal."""
    out = [[] for _ in range(signals)]
    k = 0
    for i in range(0, len(data) - 2, 3):
        b0, b1, b2 = data[i], data[i + 1], data[i + 2]
        for v in (b0 | ((b1 & 0x0F) << 8), b2 | ((b1 & 0xF0) << 4)):
            out[k % signals].append(v - 4096 if v & 0x800 else v)
            k += 1
    return out


def rewrite_header(lines, samples, checksums):
    """The header with a new sample count and per-signal checksums (field 7 of each signal line)."""
    first = lines[0].split()
    first[3] = str(samples)
    out = [" ".join(first)]
    signal_lines = int(first[1])
    for i, line in enumerate(lines[1:], 0):
        if i < signal_lines:
            fields = line.split(" ")
            fields[6] = str(checksums[i])
            out.append(" ".join(fields))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def cut_annotations(data, limit):
    """MIT annotation words up to (not including) the first annotation at sample >= limit, then end of file."""
    words = struct.unpack("<%dH" % (len(data) // 2), data)
    out, time, i, keep = [], 0, 0, True
    while i < len(words):
        w = words[i]
        code, interval = w >> 10, w & 0x3FF
        if w == 0:
            break
        if code == 59:  # SKIP: a 32-bit interval follows (high word first), then the annotation it belongs to
            skip = (words[i + 1] << 16) | words[i + 2]
            if skip >= 1 << 31:
                skip -= 1 << 32
            nxt = words[i + 3]
            if time + skip + (nxt & 0x3FF) >= limit:
                break
            out.extend(words[i:i + 3])
            time += skip
            i += 3
            continue
        if code in (60, 61, 62):  # NUM, SUB, CHN modify the annotation before
            out.append(w)
            i += 1
            continue
        if code == 63:  # AUX: interval is its byte count, padded to whole words
            n = (interval + 1) // 2
            out.extend(words[i:i + 1 + n])
            i += 1 + n
            continue
        if time + interval >= limit:
            break
        time += interval
        out.append(w)
        i += 1
    out.append(0)
    return struct.pack("<%dH" % len(out), *out)


def mitdb(source, target):
    target.mkdir(parents=True, exist_ok=True)
    for name in MITDB_RECORDS:
        lines = (source / f"{name}.hea").read_text().splitlines()
        fs = float(lines[0].split()[2])
        samples = int(MINUTES * 60 * fs)
        signals = int(lines[0].split()[1])
        data = (source / f"{name}.dat").read_bytes()[: samples * signals * 3 // 2]
        decoded = decode212(data, signals)
        assert all(len(s) == samples for s in decoded)
        (target / f"{name}.dat").write_bytes(data)
        (target / f"{name}.hea").write_text(rewrite_header(lines, samples, [signed16(sum(s)) for s in decoded]))
        (target / f"{name}.atr").write_bytes(cut_annotations((source / f"{name}.atr").read_bytes(), samples))
    (target / "RECORDS").write_text("\n".join(MITDB_RECORDS) + "\n")
    # as PhysioNet lists its files, for the download test's local server
    files = sorted(f"{n}{e}" for n in MITDB_RECORDS for e in (".atr", ".dat", ".hea")) + ["RECORDS"]
    (target / "SHA256SUMS.txt").write_text("".join(
        f"{hashlib.sha256((target / f).read_bytes()).hexdigest()} {f}\n" for f in files))


def test_generator(source, target):
    """test_generator_2: 12 signals in 200 + 51-sample frames, 1 frame a second, as WFDB format 16 and EDF+."""
    lines = (source / "test_generator_2.hea").read_text(encoding="latin-1").splitlines()
    per_frame = [int(l.split()[1].split("x")[1]) for l in lines[1:13]]
    frame = sum(per_frame)
    data = (source / "test_generator_2.dat").read_bytes()[: FRAMES * frame * 2]
    values = struct.unpack("<%dh" % (len(data) // 2), data)
    sums, offset = [], 0
    for n in per_frame:
        sums.append(signed16(sum(values[f * frame + offset + j] for f in range(FRAMES) for j in range(n))))
        offset += n
    (target / "test_generator_2.dat").write_bytes(data)
    (target / "test_generator_2.hea").write_text(rewrite_header(lines, FRAMES, sums), encoding="latin-1")
    edf = bytearray((source / "test_generator_2.edf").read_bytes())
    header = int(edf[184:192].decode().strip())
    edf[236:244] = str(FRAMES).ljust(8).encode()
    (target / "test_generator_2.edf").write_bytes(bytes(edf[: header + FRAMES * frame * 2]))


def main(source):
    here = Path(__file__).resolve().parent
    mitdb(source / "mitdb", here / "mitdb")
    formats = here / "wfdb-formats"
    formats.mkdir(exist_ok=True)
    for f in FORMAT_FILES:
        shutil.copyfile(source / "wfdb-formats" / f, formats / f)
    test_generator(source / "wfdb-formats", formats)
    shutil.copytree(source / "cpsc2018", here / "cpsc2018", dirs_exist_ok=True)
    kaggle = here / "kaggle-heartbeat"
    kaggle.mkdir(exist_ok=True)
    with open(source / "kaggle-heartbeat" / "mitbih_test_first1000.csv") as f:
        rows = [next(f) for _ in range(KAGGLE_ROWS + 1)]  # the header row, then the first rows
    (kaggle / f"mitbih_test_first{KAGGLE_ROWS}.csv").write_text("".join(rows))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../../shared/data"))
