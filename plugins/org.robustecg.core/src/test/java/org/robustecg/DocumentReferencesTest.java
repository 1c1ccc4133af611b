package org.robustecg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's text cites only what the repository holds: no file cites a numbered section of the outside
 * specification the method was first written down in, and every section of docs/METHOD.md that a file cites
 * ({@code METHOD 4.3}, a range {@code METHOD 3-4}, a list {@code METHOD 2.7, 4.1}) is a numbered heading there.
 */
class DocumentReferencesTest {

    static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    /** Text files of the repository: sources, node descriptions, workflows, study files, documents, scripts. */
    private static final Pattern TEXT = Pattern.compile(".*\\.(java|xml|knime|md|yaml|yml|sh|py|properties|txt)"
            + "|robustecg");
    /** Output folders at the top of the working tree (git ignores them); build output is in target/ anywhere. */
    private static final Set<String> OUTPUT = Set.of("runs", "out");

    private static final Pattern OUTSIDE_CITATION = Pattern.compile("\\bSPEC\\s+(?:sections?\\s+)?\\d");
    private static final String NUMBER = "\\d+(?:\\.\\d+)*";
    private static final Pattern CITATION = Pattern.compile("\\bMETHOD (" + NUMBER + "(?:(?:-|, | and )" + NUMBER
            + ")*)");
    private static final Pattern HEADING = Pattern.compile("#{2,6} (" + NUMBER + ")\\.? .*");

    @Test
    void noFileCitesTheOutsideSpecification() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            String name = ROOT.relativize(file).toString().replace('\\', '/');
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (OUTSIDE_CITATION.matcher(lines.get(i)).find()) {
                    found.add(name + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found, "cite the sections of docs/METHOD.md (METHOD n.m) instead");
    }

    @Test
    void everyCitedSectionOfTheMethodExists() throws IOException {
        Set<String> sections = new TreeSet<>();
        for (String line : lines(ROOT.resolve("docs/METHOD.md"))) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                sections.add(m.group(1));
            }
        }
        assertTrue(sections.containsAll(List.of("1", "3.4", "5.11", "8.4")), "numbered headings " + sections);
        List<String> missing = new ArrayList<>();
        int citations = 0;
        for (Path file : textFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CITATION.matcher(lines.get(i));
                while (m.find()) {
                    for (String section : m.group(1).split("-|, | and ")) {
                        citations++;
                        if (!sections.contains(section)) {
                            missing.add(ROOT.relativize(file) + ":" + (i + 1) + ": METHOD " + section);
                        }
                    }
                }
            }
        }
        assertTrue(citations > 0, "no file cites docs/METHOD.md");
        assertEquals(List.of(), missing, "sections cited but not headings of docs/METHOD.md");
    }

    private static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(ROOT)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                boolean output = name.equals("target") || dir.getParent().equals(ROOT) && OUTPUT.contains(name);
                return name.startsWith(".") || output ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && TEXT.matcher(file.getFileName().toString()).matches()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** The lines of a text file; bytes that are not UTF-8 become replacement characters, which cite nothing. */
    private static List<String> lines(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    }
}
