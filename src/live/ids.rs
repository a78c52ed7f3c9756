//! Ids of the elements the frame loop writes to, shared with the components that render them.

/// The big heatmap's pixels.
pub const HEATMAP: &str = "heatmap-canvas";
/// The data points and decision line over the heatmap.
pub const POINTS: &str = "heatmap-points";
/// What the big heatmap shows.
pub const HEATMAP_LABEL: &str = "heatmap-label";
/// The network diagram's surface for pointing at links.
pub const LINKS: &str = "links-canvas";

/// The canvas of the links of network layer `layer` (one per gap between columns).
pub fn links_gap(layer: usize) -> String {
    format!("links-{layer}")
}
/// Every node's thumbnail, over the links.
pub const NODES: &str = "nodes-canvas";
/// The loss curves.
pub const LOSS_CHART: &str = "loss-chart";
/// The per-layer gradient bars.
pub const GRADIENT_CHART: &str = "gradient-chart";
/// The epoch counter.
pub const EPOCH: &str = "iter-number";
/// The second setup's output picture, its points, figures.
pub const COMPARE_HEATMAP: &str = "compare-heatmap";
/// The second setup's points.
pub const COMPARE_POINTS: &str = "compare-points";
/// The second setup's test loss.
pub const COMPARE_LOSS: &str = "compare-loss";
/// The compared setup's validation loss, where its data has validation.
pub const COMPARE_VAL_LOSS: &str = "compare-loss-val";
/// The second setup's test accuracy.
pub const COMPARE_ACCURACY: &str = "compare-accuracy";
/// The second setup's epoch.
pub const COMPARE_EPOCH: &str = "compare-epoch";
/// The range over the epochs trained.
pub const TIMELINE: &str = "timeline";
/// What the timeline shows, in words.
pub const TIMELINE_LABEL: &str = "timeline-label";
/// The epoch in the phone's transport bar.
pub const MOBILE_EPOCH: &str = "mobile-epoch";
/// The test loss in the phone's transport bar.
pub const MOBILE_LOSS: &str = "mobile-loss";
/// The phone's transport bar: the validation loss, where the data has validation.
pub const MOBILE_VAL_LOSS: &str = "mobile-loss-val";
/// The phone's transport bar: the test accuracy, when an exercise's goal is an accuracy.
pub const MOBILE_ACCURACY: &str = "mobile-accuracy";
/// The phone's map accuracy, under a goal on the satellite scene's map.
pub const MOBILE_MAP_ACCURACY: &str = "mobile-map-accuracy";
/// Training loss.
pub const LOSS_TRAIN: &str = "loss-train";
/// Validation loss.
pub const LOSS_VAL: &str = "loss-val";
/// Test loss.
pub const LOSS_TEST: &str = "loss-test";
/// Training accuracy.
pub const ACCURACY_TRAIN: &str = "accuracy-train";
/// Validation accuracy.
pub const ACCURACY_VAL: &str = "accuracy-val";
/// Test accuracy.
pub const ACCURACY_TEST: &str = "accuracy-test";
/// What is going wrong with training, if anything (`data-kind`).
pub const TRAINING_HINT: &str = "training-hint";
/// The perceptron's mistakes.
pub const PERCEPTRON: &str = "perceptron-status";
/// What the perceptron rule, stepped by hand, did last.
pub const PERCEPTRON_LOG: &str = "perceptron-log";
/// The confusion matrix's table.
pub const CONFUSION: &str = "confusion";
/// The performance readout.
pub const PERF: &str = "perf-readout";

/// The neuron inspector.
pub const INSPECTOR: &str = "inspector";
/// The point the inspector computes at.
pub const INSPECTOR_POINT: &str = "inspector-point";
/// The inspected neuron's bias (`data-value`).
pub const INSPECTOR_BIAS: &str = "inspector-bias";
/// Its weighted sum z (`data-value`).
pub const INSPECTOR_Z: &str = "inspector-z";
/// Its activation a = f(z) (`data-value`).
pub const INSPECTOR_A: &str = "inspector-a";
/// f'(z).
pub const INSPECTOR_SLOPE: &str = "inspector-slope";
/// The plot of f with z marked.
pub const INSPECTOR_PLOT: &str = "inspector-plot";

/// The term w_i·x_i of input `i` (`data-input`, `data-weight`, `data-x`).
pub fn inspector_term(i: usize) -> String {
    format!("inspector-term-{i}")
}

/// A layer as a matrix product.
pub const MATRIX: &str = "matrix-view";
/// Its W (`data-values`: JSON rows).
pub const MATRIX_W: &str = "matrix-w";
/// Its X, one column per point (`data-values`).
pub const MATRIX_X: &str = "matrix-x";
/// Its b (`data-values`).
pub const MATRIX_B: &str = "matrix-b";
/// Its Z = W·X + b (`data-values`).
pub const MATRIX_Z: &str = "matrix-z";
/// Its A = f(Z) (`data-values`).
pub const MATRIX_A: &str = "matrix-a";
/// Which points its columns are.
pub const MATRIX_POINTS: &str = "matrix-points";

/// Backprop step by step.
pub const BACKPROP: &str = "backprop";
/// The compared setup's network, drawn small under its picture.
pub const COMPARE_NETWORK: &str = "compare-network";
