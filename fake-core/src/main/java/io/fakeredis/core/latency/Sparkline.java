package io.fakeredis.core.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ASCII graph of LATENCY GRAPH, as Redis's sparkline.c draws it in fill mode: each sample is
 * a column of rows drawn with "_o#" and '|', then a blank line and its label written downwards.
 */
final class Sparkline {
    private static final char[] FILL = {'_', 'o', '#'};
    private static final int LABEL_MARGIN_TOP = 1;

    private final List<Double> values = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private double min;
    private double max;

    void add(double value, String label) {
        if (values.isEmpty()) {
            min = max = value;
        } else if (value < min) {
            min = value;
        } else if (value > max) {
            max = value;
        }
        values.add(value);
        labels.add(label);
    }

    /** sparklineRender: the samples in chunks of columns, separated by an empty line. */
    void render(StringBuilder out, int columns, int rows) {
        for (int j = 0; j < values.size(); j += columns) {
            if (j != 0) out.append('\n');
            renderRange(out, rows, j, Math.min(columns, values.size() - j));
        }
    }

    private void renderRange(StringBuilder out, int rows, int offset, int len) {
        double relmax = max - min;
        if (relmax == 0) relmax = 1;
        int steps = FILL.length * rows;
        char[] chars = new char[len];
        for (int row = 0; ; row++) {
            boolean more = false;
            Arrays.fill(chars, ' ');
            for (int j = 0; j < len; j++) {
                double relval = values.get(offset + j) - min;
                // (int) of the product, then divided: C's precedence in sparkline.c
                int step = (int) ((int) (relval * steps) / relmax);
                if (step < 0) step = 0;
                if (step >= steps) step = steps - 1;
                if (row < rows) {
                    int charidx = step - (rows - row - 1) * FILL.length;
                    more = true;
                    if (charidx >= 0 && charidx < FILL.length) chars[j] = FILL[charidx];
                    else if (charidx >= FILL.length) chars[j] = '|';
                } else {
                    // every sample has a label here, so a blank line comes first
                    if (row - rows < LABEL_MARGIN_TOP) {
                        more = true;
                        break;
                    }
                    String label = labels.get(offset + j);
                    int at = row - rows - LABEL_MARGIN_TOP;
                    if (label.length() > at) {
                        more = true;
                        chars[j] = label.charAt(at);
                    }
                }
            }
            if (!more) return;
            out.append(chars).append('\n');
        }
    }
}
