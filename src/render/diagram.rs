//! Where the network diagram puts its nodes and links: shared by the components that place
//! neuron boxes and the canvas that draws links, and by hover hit-testing.

use crate::engine::{Config, Feature, LayerNo};

/// Side of a node's square box, in CSS pixels.
pub const NODE: f64 = 36.0;
/// Vertical distance between node tops.
pub const ROW: f64 = 46.0;
/// Space above the first node.
pub const TOP: f64 = 6.0;

/// A node's place: column and row, and the top-left corner of its box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
}

impl NodeBox {
    /// Where links leave the node (middle of its right edge).
    pub fn out_port(&self) -> (f64, f64) {
        (self.x + NODE, self.y + NODE / 2.0)
    }
    /// Where links enter the node (middle of its left edge).
    pub fn in_port(&self) -> (f64, f64) {
        (self.x, self.y + NODE / 2.0)
    }
}

/// A link from a node of one column to a node of the next.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// The network layer whose weight it shows (0 = first hidden layer, or the output when
    /// there is no hidden layer).
    pub layer: usize,
    /// The neuron it enters.
    pub neuron: usize,
    /// The input of that neuron it comes from.
    pub input: usize,
    /// Start point.
    pub from: (f64, f64),
    /// End point.
    pub to: (f64, f64),
}

impl Link {
    /// The point at parameter t in [0, 1] of the S-shaped cubic curve drawn for the link.
    pub fn at(&self, t: f64) -> (f64, f64) {
        let (x0, y0) = self.from;
        let (x3, y3) = self.to;
        let mx = (x0 + x3) / 2.0;
        let u = 1.0 - t;
        let x = u * u * u * x0 + 3.0 * u * u * t * mx + 3.0 * u * t * t * mx + t * t * t * x3;
        let y = u * u * u * y0 + 3.0 * u * u * t * y0 + 3.0 * u * t * t * y3 + t * t * t * y3;
        (x, y)
    }

    /// Distance from a point to the curve (sampled).
    pub fn distance(&self, p: (f64, f64)) -> f64 {
        (0..=16)
            .map(|i| {
                let (x, y) = self.at(i as f64 / 16.0);
                ((x - p.0).powi(2) + (y - p.1).powi(2)).sqrt()
            })
            .fold(f64::INFINITY, f64::min)
    }
}

/// The whole diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
    /// The features shown in the input column, in order.
    pub inputs: Vec<Feature>,
    /// The typed feature's formula, when there is one (for its picture).
    pub formula: Option<crate::engine::formula::Formula>,
    /// Node boxes per column: inputs, each hidden layer, the output.
    pub columns: Vec<Vec<NodeBox>>,
    /// Every link.
    pub links: Vec<Link>,
}

impl Layout {
    /// The links' gaps between columns: one per network layer, input side first.
    pub fn gaps(&self) -> usize {
        self.columns.len().saturating_sub(1)
    }

    /// The right edge of a layer's column (a wide layer's stands in side-by-side rows).
    pub fn right_of(&self, layer: LayerNo) -> f64 {
        self.column(layer).iter().map(|b| b.x).fold(0.0, f64::max) + NODE
    }

    /// The node boxes of a layer's column (the inputs' for [`LayerNo::INPUTS`]).
    pub fn column(&self, layer: LayerNo) -> &[NodeBox] {
        &self.columns[layer.number()]
    }

    /// The horizontal span of the links of network layer `layer`, with `pad` pixels either
    /// side for the strokes' width: left edge and width.
    pub fn gap_span(&self, layer: usize, pad: f64) -> (f64, f64) {
        let to = LayerNo::of(layer);
        let x0 = self.right_of(to.below()) - pad;
        let x1 = self.column(to)[0].x + pad;
        (x0, x1 - x0)
    }
}

/// The features the input column shows: TensorFlow Playground's seven, cos(X1), cos(X2)
/// when a link turned them on, and the typed one when there is a formula.
pub fn shown_features(config: &Config) -> Vec<Feature> {
    let typed = config.network.formula.is_some().then_some(Feature::Custom);
    Feature::ALL.iter().copied().filter(|f| !matches!(f, Feature::CosX1 | Feature::CosX2) || config.network.features.contains(f)).chain(typed).collect()
}

/// For a table of at most [`MOST_ROWS`] columns, its number of columns: each has a node of its
/// own; none for other data (an image's 64 inputs are one node).
pub fn per_column_inputs(config: &Config) -> Option<usize> {
    let n = config.input_count();
    (config.data.dataset == crate::engine::Dataset::Table && (1..=MOST_ROWS).contains(&n)).then_some(n)
}

/// Most rows of nodes in a column: a wider layer (of a network reading vectors) stands in
/// side-by-side rows of at most this many.
pub const MOST_ROWS: usize = 10;
/// Most nodes in a column of a diagram for a finger.
pub const MOST_ROWS_TO_THE_TOUCH: usize = 16;

/// The distance between a wide layer's side-by-side rows: room for each neuron's bias
/// button at its left (further left to the touch, with 40 pixels around it).
pub fn sub_column(touch: bool) -> f64 {
    NODE + if touch { 44.0 } else { 16.0 }
}

/// Lays the diagram out in `width` pixels, its columns at least `least` apart (room for a
/// layer's controls; a diagram wider than `width` scrolls sideways). A network reading
/// vectors (the digits, a table) has one input node, the example its inputs are: its
/// first layer's weights are drawn in its neurons, not as links.
pub fn layout(config: &Config, width: f64, least: f64) -> Layout {
    let vectors = config.data.dataset.is_vectors();
    let inputs = if vectors { Vec::new() } else { shown_features(config) };
    // A table of a few columns has a node per column, linked as features are.
    let per_column = per_column_inputs(config);
    let mut sizes = vec![per_column.unwrap_or(inputs.len().max(1))];
    sizes.extend(config.network.hidden.iter().map(|h| h.neurons));
    sizes.push(config.outputs());
    // A diagram for a finger is the one with a least distance between its columns: its rows
    // stand further apart, so a column takes more nodes before the next row (the page
    // scrolls down more readily than the diagram sideways).
    let touch = least > 0.0;
    let sub = sub_column(touch);
    let most = if touch { MOST_ROWS_TO_THE_TOUCH } else { MOST_ROWS };
    // A column of more than `most` nodes stands in side-by-side rows, as even as can be.
    let stacks: Vec<usize> = sizes.iter().map(|&n| n.div_ceil(most).max(1)).collect();
    let widths: Vec<f64> = stacks.iter().map(|&k| (k - 1) as f64 * sub + NODE).collect();
    // Columns spread over the width there is, up to a distance that keeps links readable.
    let room = width - widths.iter().sum::<f64>() + (sizes.len() - 1) as f64 * NODE;
    let spacing = (room / (sizes.len() - 1) as f64).min(240.0).max(least);
    let mut x = 0.0;
    let mut columns: Vec<Vec<NodeBox>> = Vec::new();
    for (c, &n) in sizes.iter().enumerate() {
        let per = n.div_ceil(stacks[c]).max(1);
        columns.push((0..n).map(|r| NodeBox { x: x + (r / per) as f64 * sub, y: TOP + (r % per) as f64 * ROW }).collect());
        x += widths[c] - NODE + spacing;
    }
    let mut links = Vec::new();
    // Column 0 shows every feature; only the enabled ones feed the network.
    let sources: Vec<usize> = match per_column {
        Some(n) => (0..n).collect(),
        None => inputs.iter().enumerate().filter(|(_, f)| config.network.features.contains(f)).map(|(i, _)| i).collect(),
    };
    for layer in 0..sizes.len() - 1 {
        let to_column = LayerNo::of(layer);
        let from_nodes: Vec<NodeBox> = match to_column.below() {
            LayerNo::INPUTS => sources.iter().map(|&i| columns[0][i]).collect(),
            below => columns[below.number()].clone(),
        };
        for (neuron, to) in columns[to_column.number()].iter().enumerate() {
            for (input, from) in from_nodes.iter().enumerate() {
                links.push(Link { layer, neuron, input, from: from.out_port(), to: to.in_port() });
            }
        }
    }
    let rows = columns.iter().map(|c| c.iter().map(|b| b.y).fold(TOP, f64::max)).fold(TOP, f64::max);
    Layout { width: x - spacing + NODE, height: rows + ROW, inputs, formula: config.network.formula.clone(), columns, links }
}

/// The link nearest to a point, if within `tolerance` pixels.
pub fn link_at(layout: &Layout, p: (f64, f64), tolerance: f64) -> Option<Link> {
    layout.links.iter().map(|l| (l.distance(p), l)).filter(|(d, _)| *d <= tolerance).min_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::HiddenLayer;

    #[test]
    fn the_largest_setup_has_384_links() {
        let mut config = Config::default();
        config.network.features = Feature::ALL[..7].to_vec();
        config.network.hidden = vec![HiddenLayer { neurons: 8, ..HiddenLayer::default() }; 6];
        let l = layout(&config, 560.0, 0.0);
        assert_eq!(l.links.len(), 7 * 8 + 5 * 64 + 8);
        assert_eq!(l.columns.len(), 8);
        assert!(l.width <= 560.0 + 1e-9);
    }

    #[test]
    fn links_are_found_where_they_are_drawn() {
        let l = layout(&Config::default(), 400.0, 0.0);
        // Default: 2 enabled inputs of 7 shown, layers 4, 2, output: 8 + 8 + 2 links.
        assert_eq!(l.links.len(), 18);
        for link in &l.links {
            let mid = link.at(0.5);
            let found = link_at(&l, mid, 2.0).expect("a link under its own midpoint");
            assert_eq!(found.at(0.5), mid);
        }
        assert!(link_at(&l, (-100.0, -100.0), 5.0).is_none());
    }

    #[test]
    fn a_network_reading_vectors_has_one_input_node_and_wide_layers_in_side_by_side_rows() {
        let mut config = Config::default();
        config.apply(crate::engine::edit::Edit::Dataset(crate::engine::Dataset::Digits));
        config.network.hidden = vec![HiddenLayer { neurons: 32, ..HiddenLayer::default() }];
        let l = layout(&config, 520.0, 0.0);
        assert_eq!(l.columns.iter().map(Vec::len).collect::<Vec<_>>(), [1, 32, 10]);
        assert!(l.links.iter().all(|k| k.layer == 1), "the first layer's weights are its neurons' pictures");
        assert_eq!(l.links.len(), 320);
        // 32 neurons in 4 rows of 8 side by side, no two boxes meeting.
        let boxes: Vec<NodeBox> = l.columns.concat();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!((a.x - b.x).abs() >= NODE || (a.y - b.y).abs() >= NODE, "{a:?} {b:?}");
            }
        }
        assert!(l.height <= TOP + MOST_ROWS as f64 * ROW + 1e-9);
        assert!(l.width <= 520.0 + 1e-9, "{}", l.width);
        assert!(l.gap_span(1, 0.0).1 > 0.0);
    }
}
