package org.robustecg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TestDataTest {

    @Test
    void findsTheSharedData() {
        assertTrue(Files.isRegularFile(TestData.mitdb().resolve("100.hea")), "MIT-BIH record 100 beside the project");
    }
}
