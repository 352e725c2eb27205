package org.cohortplanner.store.json;

/** A value in the file that the mapper refuses; {@link PlanFiles} adds the file name, line and column. */
final class MappingFailure extends RuntimeException {
    private final transient JsonPath path;

    MappingFailure(JsonPath path, String problem) {
        super(problem);
        this.path = path;
    }

    JsonPath path() {
        return path;
    }

    String problem() {
        return getMessage();
    }
}
