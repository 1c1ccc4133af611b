package org.robustecg.ecg;

import java.util.Optional;

/** The five AAMI EC57 heartbeat classes, in the index order of the Kaggle heartbeat set. */
public enum AamiClass {
    N, S, V, F, Q;

    /** The AAMI class of an MIT-BIH beat annotation symbol; empty for non-beat annotations. */
    public static Optional<AamiClass> ofSymbol(String symbol) {
        return Optional.ofNullable(switch (symbol) {
            case "N", "L", "R", "e", "j" -> N;
            case "A", "a", "J", "S" -> S;
            case "V", "E" -> V;
            case "F" -> F;
            case "/", "f", "Q" -> Q;
            default -> null;
        });
    }
}
