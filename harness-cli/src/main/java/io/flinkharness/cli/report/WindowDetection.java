package io.flinkharness.cli.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WindowDetector} found in a case's DML: the window's shape, or why there is none to draw.
 *
 * <pre>{@code
 * WindowDetection d = WindowDetector.detect(sqlCase.dml());
 * d.shape().ifPresentOrElse(plot::draw, () -> html.note("No picture: " + d.reason()));
 * }</pre>
 *
 * @param reason empty when a shape was found
 */
public record WindowDetection(Optional<WindowShape> shape, String reason) {

    public WindowDetection {
        Objects.requireNonNull(shape, "shape cannot be null");
        Objects.requireNonNull(reason, "reason cannot be null");
    }

    static WindowDetection found(WindowShape shape) {
        return new WindowDetection(Optional.of(shape), "");
    }

    static WindowDetection none(String reason) {
        return new WindowDetection(Optional.empty(), reason);
    }
}
