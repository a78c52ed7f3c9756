//! The pictures of a run, as RGBA bytes: the output (or one hidden neuron) over the plane, a
//! thumbnail per hidden neuron, and the layers whose neurons are dead everywhere. The worker
//! computes them, in its build for speed, once per answer that moved the weights, or for a
//! state the page shows that the run is not in (an earlier epoch, weights just typed); the
//! page only puts them on canvases. Each says which weights it shows by their fingerprint.

use super::derived::{Asked, Derive, Derived};
use crate::engine::{Activation, Feature, Grid, Real, Trainer};
use crate::render::colour::{fill_classes, Palette};
use serde::{Deserialize, Serialize};

/// Cells per side of the output picture.
pub const GRID: usize = 100;
/// Cells per side of a neuron thumbnail (block averages of the grid).
pub const THUMB: usize = 20;
/// Bytes of one output picture.
pub const PICTURE_BYTES: usize = GRID * GRID * 4;
/// Bytes of one thumbnail.
pub const THUMB_BYTES: usize = THUMB * THUMB * 4;

/// What the big picture shows and how: the page tells the worker when it changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// A hidden neuron (network layer from 0, neuron) instead of the output.
    pub neuron: Option<(usize, usize)>,
    /// Only the sign of the output counts (TensorFlow Playground's "discretize output").
    pub discretize: bool,
    /// What the open views ask the worker to compute from the run with the pictures.
    pub derive: Asked,
}

/// The pictures of one state of a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pictures {
    /// The epoch they show.
    pub epoch: u64,
    /// The fingerprint of the weights they show ([`crate::engine::fingerprint::fingerprint`]).
    pub weights: u64,
    /// What they were asked as.
    pub request: Request,
    /// The big picture, `GRID` x `GRID` RGBA.
    #[serde(with = "serde_bytes")]
    pub heatmap: Vec<u8>,
    /// Every hidden neuron's thumbnail, `THUMB` x `THUMB` RGBA each, layer by layer.
    #[serde(with = "serde_bytes")]
    pub thumbnails: Vec<u8>,
    /// Hidden ReLU layers whose every neuron is 0 over the whole plane.
    pub dead: Vec<usize>,
    /// What was asked and computed with these pictures (a kind that is spaced out, while
    /// training runs as fast as it can, not every time).
    pub derived: Vec<(Derive, Derived)>,
}

/// The grid and palette pictures are computed with (its buffers are kept between pictures).
pub struct Painter {
    grid: Grid,
    palette: Palette,
}

impl Default for Painter {
    fn default() -> Self {
        Painter { grid: Grid::new(GRID, -6.0, 6.0), palette: Palette::new() }
    }
}

impl Painter {
    /// The grid of the last picture painted (every neuron's values over the plane).
    pub fn grid(&self) -> &Grid {
        &self.grid
    }

    /// Every picture of `t` as `request` asks; with `thumbnails` false only the big one.
    pub fn paint(&mut self, t: &Trainer, request: Request, thumbnails: bool) -> Pictures {
        if t.split.rows.dims > 0 {
            return self.paint_vectors(t, request, thumbnails);
        }
        self.grid.evaluate(&t.network, t.config.network.inputs());
        let mut heatmap = vec![0; PICTURE_BYTES];
        let layers = t.network.layers.len();
        match request.neuron.filter(|&(l, j)| l + 1 < layers && j < t.network.layers[l].n_out) {
            Some((l, j)) => self.palette.fill(self.grid.neuron(l, j), request.discretize, &mut heatmap),
            None => self.output(t, request.discretize, &mut heatmap),
        }
        let thumbnails = if thumbnails { self.thumbnails(t) } else { Vec::new() };
        let dead = crate::engine::diagnose::dead_layers(&t.network, &self.grid);
        Pictures { epoch: t.epoch, weights: crate::engine::fingerprint::fingerprint(&t.network), request, heatmap, thumbnails, dead, derived: Vec::new() }
    }

    /// The output over the plane, from the grid just evaluated: one hue per class for more
    /// than two classes, else the orange-blue scale of the score.
    /// The pictures of `t` with the weights `parameters` at `epoch` instead of its own (which
    /// it keeps); none when they do not fit its network.
    pub fn paint_at(&mut self, t: &mut Trainer, request: Request, epoch: u64, parameters: &[(Vec<Real>, Vec<Real>)], thumbnails: bool) -> Option<Pictures> {
        let mut shown = t.network.clone();
        if !shown.set_parameters(parameters) {
            return None;
        }
        let own = std::mem::replace(&mut t.network, shown);
        let at = std::mem::replace(&mut t.epoch, epoch);
        let pictures = self.paint(t, request, thumbnails);
        t.network = own;
        t.epoch = at;
        Some(pictures)
    }

    fn output(&self, t: &Trainer, discretize: bool, rgba: &mut [u8]) {
        let last = t.network.layers.len() - 1;
        let out = t.network.output().activation;
        if out == Activation::Softmax {
            let k = t.config.outputs();
            fill_classes(&self.grid.workspace.a[last][..k * GRID * GRID], k, discretize, rgba);
        } else {
            self.palette.fill_mapped(self.grid.neuron(last, 0), |v| crate::engine::trainer::score(out, v), discretize, rgba);
        }
    }

    /// The pictures of a network that reads vectors (the digits): no picture of the plane (the
    /// plane cannot show 64 inputs; the big one stays blank), and each first-layer neuron's
    /// weights drawn as the 8 x 8 image they weigh (blue positive, orange negative, scaled to
    /// the neuron's largest), the neurons of later layers blank.
    fn paint_vectors(&self, t: &Trainer, request: Request, thumbnails: bool) -> Pictures {
        let heatmap = vec![255; PICTURE_BYTES];
        let mut rgba = Vec::new();
        if thumbnails {
            let hidden = &t.network.layers[..t.network.layers.len() - 1];
            let side = (t.split.rows.dims as f64).sqrt() as usize;
            for (l, layer) in hidden.iter().enumerate() {
                for j in 0..layer.n_out {
                    let weights = &layer.weights[layer.index(j, 0)..][..layer.n_in];
                    let top = weights.iter().fold(1e-6 as Real, |m, w| m.max(w.abs()));
                    let values: Vec<Real> = (0..THUMB * THUMB)
                        .map(|i| match (l, side * side == layer.n_in) {
                            (0, true) => weights[(i / THUMB * side / THUMB) * side + (i % THUMB) * side / THUMB] / top,
                            _ => 0.0,
                        })
                        .collect();
                    let mut px = vec![0; THUMB_BYTES];
                    self.palette.fill(&values, false, &mut px);
                    rgba.extend(px);
                }
            }
        }
        Pictures {
            epoch: t.epoch,
            weights: crate::engine::fingerprint::fingerprint(&t.network),
            request,
            heatmap,
            thumbnails: rgba,
            dead: Vec::new(),
            derived: Vec::new(),
        }
    }

    /// Each hidden neuron's picture, block-averaged down to a thumbnail.
    fn thumbnails(&self, t: &Trainer) -> Vec<u8> {
        let hidden = &t.network.layers[..t.network.layers.len() - 1];
        let count: usize = hidden.iter().map(|l| l.n_out).sum();
        let mut rgba = vec![0; count * THUMB_BYTES];
        let mut slots = rgba.chunks_exact_mut(THUMB_BYTES);
        for (l, layer) in hidden.iter().enumerate() {
            for j in 0..layer.n_out {
                if let Some(px) = slots.next() {
                    self.palette.fill_downsampled(self.grid.neuron(l, j), GRID, THUMB, px);
                }
            }
        }
        rgba
    }
}

/// A feature's values over a grid (the typed one's from its formula), scaled into [-1, 1]
/// for display.
pub fn feature_values(f: Feature, formula: Option<&crate::engine::formula::Formula>, grid: &Grid) -> Vec<Real> {
    let inputs = crate::engine::features::Inputs { features: &[], formula };
    let values: Vec<Real> = (0..grid.cells())
        .map(|i| {
            let (x, y) = grid.point(i);
            inputs.value(f, x, y)
        })
        .collect();
    let top = values.iter().fold(0.0 as Real, |m, v| m.max(v.abs())).max(1e-6);
    values.iter().map(|v| v / top).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::HiddenLayer;
    use crate::engine::Config;

    fn trainer() -> Trainer {
        let mut config = Config::default();
        config.network.hidden = vec![HiddenLayer { neurons: 3, activation: Activation::Relu }, HiddenLayer { neurons: 2, activation: Activation::Relu }];
        Trainer::new_round(config, 0).expect("a trainer")
    }

    #[test]
    fn one_thumbnail_per_hidden_neuron_and_the_picture_follows_the_request() {
        let t = trainer();
        let mut painter = Painter::default();
        let output = painter.paint(&t, Request::default(), true);
        assert_eq!(output.heatmap.len(), PICTURE_BYTES);
        assert_eq!(output.thumbnails.len(), 5 * THUMB_BYTES);
        let neuron = painter.paint(&t, Request { neuron: Some((1, 1)), ..Request::default() }, false);
        assert!(neuron.thumbnails.is_empty());
        assert_ne!(neuron.heatmap, output.heatmap, "a hidden neuron's picture is not the output's");
        // The last thumbnail is the neuron just shown big, block-averaged.
        let mut small = vec![0; THUMB_BYTES];
        Palette::new().fill_downsampled(painter.grid().neuron(1, 1), GRID, THUMB, &mut small);
        assert_eq!(&output.thumbnails[4 * THUMB_BYTES..], &small[..]);
        // A neuron that is not there shows the output.
        let missing = painter.paint(&t, Request { neuron: Some((1, 7)), ..Request::default() }, false);
        assert_eq!(missing.heatmap, output.heatmap);
    }

    #[test]
    fn discretized_output_has_only_the_two_end_colours() {
        let t = trainer();
        let pictures = Painter::default().paint(&t, Request { discretize: true, ..Request::default() }, false);
        let palette = Palette::new();
        let ends = [palette.shade(-1.0), palette.shade(1.0)];
        assert!(pictures.heatmap.chunks_exact(4).all(|px| ends.iter().any(|e| e[..] == px[..])));
    }

    #[test]
    fn a_relu_layer_switched_off_everywhere_is_found_dead() {
        let mut t = trainer();
        for b in &mut t.network.layers[0].biases {
            *b = -1000.0;
        }
        let pictures = Painter::default().paint(&t, Request::default(), false);
        assert_eq!(pictures.dead, vec![0]);
    }
}
