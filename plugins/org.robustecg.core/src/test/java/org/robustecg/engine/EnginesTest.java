package org.robustecg.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void runsPyTorchAndRestoresTheContextClassLoader() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        float[] result = Engines.call(() -> {
            assertSame(Engine.class.getClassLoader(), Thread.currentThread().getContextClassLoader());
            try (NDManager manager = NDManager.newBaseManager(Engines.device(), "PyTorch")) {
                NDArray a = manager.create(new float[] {1, 2, 3});
                return a.mul(2).add(1).toFloatArray();
            }
        });
        assertSame(before, Thread.currentThread().getContextClassLoader());
        assertArrayEquals(new float[] {3, 5, 7}, result);
        assertEquals("PyTorch", Engines.pytorch().getEngineName());
        assertTrue(Engines.describe().contains("PyTorch"), Engines.describe());
        System.out.println(Engines.describe());
    }
}
