package org.robustecg.node;

/**
 * An input or output of a node step.
 *
 * @param name        port name in the node description
 * @param kind        what flows through it
 * @param optional    an input that may be left unconnected
 * @param description what it holds
 */
public record Port(String name, Kind kind, boolean optional, String description) {

    /** TABLE ports carry a {@link org.robustecg.table.Table}, MODEL a {@link ModelPort}, IMAGE a {@link PngImage}. */
    public enum Kind {
        TABLE, MODEL, IMAGE
    }

    public static Port table(String name, String description) {
        return new Port(name, Kind.TABLE, false, description);
    }

    public static Port optionalTable(String name, String description) {
        return new Port(name, Kind.TABLE, true, description);
    }

    public static Port model(String name, String description) {
        return new Port(name, Kind.MODEL, false, description);
    }

    public static Port image(String name, String description) {
        return new Port(name, Kind.IMAGE, false, description);
    }
}
