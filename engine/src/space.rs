//! The plane as a hidden layer sees it: the training points and the lines of the input grid
//! carried through the network up to that layer, in the layer's own coordinates (its two
//! neurons, or with more than two the first two principal components of its activations),
//! and, for the last hidden layer with two neurons, the output's decision line there.

use crate::data::Point;
use crate::features::{feature_matrix, Inputs};
use crate::network::{Network, Workspace};
use crate::Real;
use serde::{Deserialize, Serialize};

/// How many lines of the input grid each way, and how many points along each.
pub const GRID_LINES: usize = 13;
/// Points along each grid line.
pub const LINE_POINTS: usize = 49;
/// The plane's half width: the grid spans [-PLANE, PLANE] both ways.
const PLANE: f64 = 6.0;

/// What the layer's two coordinates are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SpaceAxes {
    /// The layer's neurons themselves (one or two): u is the first, v the second (0 with one).
    Neurons(usize),
    /// The first two principal components of the activations over the training points, and
    /// the share of their spread each one holds.
    Principal {
        /// Share of the total variance along u and along v.
        explained: [f64; 2],
    },
}

/// A point in the input plane and the same point in the layer's space.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Carried {
    /// Where it is in the input plane (x₁, x₂).
    pub plane: (f64, f64),
    /// Where the layer puts it (u, v).
    pub layer: (f64, f64),
}

impl Carried {
    /// Part way from the plane (`t` = 0) to the layer (`t` = 1).
    pub fn at(&self, t: f64) -> (f64, f64) {
        let t = t.clamp(0.0, 1.0);
        (self.plane.0 + t * (self.layer.0 - self.plane.0), self.plane.1 + t * (self.layer.1 - self.plane.1))
    }
}

/// The plane as one hidden layer sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerSpace {
    /// The layer (the network's numbering: 0 is the first hidden layer).
    pub layer: usize,
    /// What u and v are.
    pub axes: SpaceAxes,
    /// The training points, carried, each with its label.
    pub points: Vec<(Carried, Real)>,
    /// The lines of the input grid (x₁ constant, then x₂ constant), each a run of points.
    pub lines: Vec<Vec<Carried>>,
    /// For the last hidden layer with two neurons, the output's decision line a·u + b·v + c = 0
    /// in the layer's space (its weights and bias: the output is on the positive side where
    /// a·u + b·v + c > 0); none otherwise.
    pub line: Option<[f64; 3]>,
}

/// The plane as hidden layer `layer` of `network` sees it, for the training `points` (on the
/// plane). `None` for the output layer or a layer the network does not have.
pub fn layer_space(network: &Network, features: Inputs, points: &[Point], layer: usize) -> Option<LayerSpace> {
    if layer + 1 >= network.layers.len() || features.len() != network.n_inputs {
        return None;
    }
    let width = network.layers[layer].n_out;
    // Every place the view shows: the training points, then the grid lines' points.
    let step = 2.0 * PLANE / (GRID_LINES - 1) as f64;
    let along = 2.0 * PLANE / (LINE_POINTS - 1) as f64;
    let mut places: Vec<(f64, f64)> = points.iter().map(|p| (p.x as f64, p.y as f64)).collect();
    for i in 0..GRID_LINES {
        let fixed = -PLANE + i as f64 * step;
        places.extend((0..LINE_POINTS).map(|k| (fixed, -PLANE + k as f64 * along)));
    }
    for i in 0..GRID_LINES {
        let fixed = -PLANE + i as f64 * step;
        places.extend((0..LINE_POINTS).map(|k| (-PLANE + k as f64 * along, fixed)));
    }
    let n = places.len();
    let input = feature_matrix(features, places.iter().map(|&(x, y)| (x as Real, y as Real)));
    let mut ws = Workspace::default();
    network.forward(&input, n, &mut ws, None);
    let a = &ws.a[layer];
    let activations: Vec<Vec<f64>> = (0..n).map(|s| (0..width).map(|j| a[j * n + s] as f64).collect()).collect();
    // Principal components of the training points' activations (the grid follows them).
    let (axes, at) = coordinates(&activations, width, if points.is_empty() { n } else { points.len() });
    let carried = |s: usize| Carried { plane: places[s], layer: at[s] };
    let carried_points = points.iter().enumerate().map(|(s, p)| (carried(s), p.label)).collect();
    let lines = (0..2 * GRID_LINES).map(|i| (0..LINE_POINTS).map(|k| carried(points.len() + i * LINE_POINTS + k)).collect()).collect();
    let line = output_line(network, layer, width);
    Some(LayerSpace { layer, axes, points: carried_points, lines, line })
}

/// Examples of vectors (`rows`, one after another, their labels in `points`) as hidden layer
/// `layer` sees them: each where the layer puts it, and, to move from, where it lies in the
/// first two principal components of its own inputs (vectors have no plane, and so no grid
/// lines). `None` for the output layer, a layer the network does not have, or rows that do
/// not fit.
pub fn layer_space_of_rows(network: &Network, rows: &[Real], points: &[Point], layer: usize) -> Option<LayerSpace> {
    let (dims, n) = (network.n_inputs, points.len());
    if layer + 1 >= network.layers.len() || n == 0 || rows.len() != n * dims {
        return None;
    }
    let input = crate::features::rows_matrix(rows, dims);
    let mut ws = Workspace::default();
    network.forward(&input, n, &mut ws, None);
    let width = network.layers[layer].n_out;
    let a = &ws.a[layer];
    let activations: Vec<Vec<f64>> = (0..n).map(|s| (0..width).map(|j| a[j * n + s] as f64).collect()).collect();
    let own: Vec<Vec<f64>> = rows.chunks_exact(dims).map(|r| r.iter().map(|&v| v as f64).collect()).collect();
    let (axes, at) = coordinates(&activations, width, n);
    let (_, from) = coordinates(&own, dims, n);
    let points = points.iter().enumerate().map(|(s, p)| (Carried { plane: from[s], layer: at[s] }, p.label)).collect();
    Some(LayerSpace { layer, axes, points, lines: Vec::new(), line: output_line(network, layer, width) })
}

/// The output's decision line in the space of hidden layer `layer` (`width` neurons), where
/// the output reads these two neurons directly: its weights and bias.
fn output_line(network: &Network, layer: usize, width: usize) -> Option<[f64; 3]> {
    let output = network.output();
    (layer + 2 == network.layers.len() && width == 2 && output.n_out == 1 && output.rows() == 1)
        .then(|| [output.weights[0] as f64, output.weights[1] as f64, output.biases[0] as f64])
}

/// Samples of `width` values each in two coordinates: the values themselves for one or two,
/// else the first two principal components of the first `fitted` samples.
fn coordinates(samples: &[Vec<f64>], width: usize, fitted: usize) -> (SpaceAxes, Vec<(f64, f64)>) {
    if width <= 2 {
        let at = samples.iter().map(|s| (s.first().copied().unwrap_or(0.0), s.get(1).copied().unwrap_or(0.0))).collect();
        return (SpaceAxes::Neurons(width), at);
    }
    let (mean, components, explained) = principal_components(&samples[..fitted.min(samples.len())], width);
    let at = samples
        .iter()
        .map(|s| {
            let dot = |c: &[f64]| c.iter().zip(s.iter().zip(&mean)).map(|(c, (v, m))| c * (v - m)).sum::<f64>();
            (dot(&components[0]), dot(&components[1]))
        })
        .collect();
    (SpaceAxes::Principal { explained }, at)
}

/// The mean of `samples` (each of `width` values), the first two principal components (unit
/// vectors, orthogonal) and the share of the variance along each.
fn principal_components(samples: &[Vec<f64>], width: usize) -> (Vec<f64>, [Vec<f64>; 2], [f64; 2]) {
    let n = samples.len().max(1) as f64;
    let mean: Vec<f64> = (0..width).map(|j| samples.iter().map(|s| s[j]).sum::<f64>() / n).collect();
    let mut cov = vec![vec![0.0; width]; width];
    for s in samples {
        for i in 0..width {
            for j in 0..width {
                cov[i][j] += (s[i] - mean[i]) * (s[j] - mean[j]) / n;
            }
        }
    }
    let total: f64 = (0..width).map(|i| cov[i][i]).sum();
    let first = leading_eigenvector(&cov, None);
    let second = leading_eigenvector(&cov, Some(&first));
    let variance = |v: &[f64]| (0..width).map(|i| v[i] * (0..width).map(|j| cov[i][j] * v[j]).sum::<f64>()).sum::<f64>();
    let share = |v: &[f64]| if total > 0.0 { variance(v) / total } else { 0.0 };
    let explained = [share(&first), share(&second)];
    (mean, [first, second], explained)
}

/// The leading eigenvector of the symmetric matrix `m` (power iteration), orthogonal to
/// `against` when given; a unit vector.
pub(crate) fn leading_eigenvector(m: &[Vec<f64>], against: Option<&[f64]>) -> Vec<f64> {
    let width = m.len();
    let remove = |v: &mut Vec<f64>| {
        if let Some(a) = against {
            let d: f64 = v.iter().zip(a).map(|(x, y)| x * y).sum();
            v.iter_mut().zip(a).for_each(|(x, y)| *x -= d * y);
        }
    };
    let normalise = |v: &mut Vec<f64>| {
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 1e-300 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        norm
    };
    // A start that no eigenvector is orthogonal to in practice, the same every time.
    let mut v: Vec<f64> = (0..width).map(|i| 1.0 + 0.1 * i as f64).collect();
    remove(&mut v);
    if normalise(&mut v) <= 1e-300 {
        v = (0..width).map(|i| if i == 0 { 1.0 } else { 0.0 }).collect();
        remove(&mut v);
        normalise(&mut v);
    }
    for _ in 0..500 {
        let mut next: Vec<f64> = (0..width).map(|i| (0..width).map(|j| m[i][j] * v[j]).sum()).collect();
        remove(&mut next);
        if normalise(&mut next) <= 1e-300 {
            break;
        }
        let change: f64 = next.iter().zip(&v).map(|(a, b)| (a - b).abs()).sum();
        v = next;
        if change < 1e-12 {
            break;
        }
    }
    v
}
