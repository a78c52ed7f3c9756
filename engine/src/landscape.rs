//! The loss landscape around the current weights, with the run's own path on it: the
//! training loss over a plane through the weights, spanned either by the first two principal
//! components of the run's trajectory (the kept snapshots minus the current weights, as Li et
//! al., "Visualizing the Loss Landscape of Neural Nets", 2018) or by two chosen parameters
//! with every other held where it is.

use crate::network::Network;
use crate::trainer::Trainer;
use serde::{Deserialize, Serialize};

/// Weights then biases, per layer, input side first.
pub type Parameters = Vec<(Vec<crate::Real>, Vec<crate::Real>)>;

/// Cells per side of the landscape's grid.
pub const CELLS: usize = 41;

/// One weight or bias of the network.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Parameter {
    /// Network layer (the output layer is last).
    pub layer: usize,
    /// Row of weights (the neuron, or its piece for maxout).
    pub row: usize,
    /// The input the weight comes from, or `None` for the row's bias.
    pub input: Option<usize>,
}

impl Parameter {
    /// Where it is in the flat list of every parameter (per layer: weights, then biases).
    pub fn index(self, network: &Network) -> Option<usize> {
        let before: usize = network.layers.iter().take(self.layer).map(|l| l.weights.len() + l.biases.len()).sum();
        let l = network.layers.get(self.layer)?;
        match self.input {
            Some(i) if i < l.n_in && self.row < l.rows() => Some(before + l.index(self.row, i)),
            None if self.row < l.rows() => Some(before + l.weights.len() + self.row),
            _ => None,
        }
    }
}

/// The plane the loss is drawn over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Plane {
    /// The first two principal components of the run's trajectory.
    #[default]
    Principal,
    /// Two parameters, every other held.
    Parameters(Parameter, Parameter),
}

/// The training loss over a plane through the current weights, and the run's path on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Landscape {
    /// The plane.
    pub plane: Plane,
    /// The range of u (left to right) and of v (bottom to top).
    pub u: (f64, f64),
    /// See `u`.
    pub v: (f64, f64),
    /// `CELLS` x `CELLS` training losses, row by row from the top (v high) and left to right.
    pub losses: Vec<f64>,
    /// The run's kept states on the plane, oldest first, each with its own training loss; the
    /// last is the current weights.
    pub path: Vec<[f64; 3]>,
    /// With principal components, the share of the trajectory's spread each holds.
    pub explained: Option<[f64; 2]>,
}

/// Every parameter in one list (per layer: weights, then biases).
pub fn flatten(parameters: &[(Vec<crate::Real>, Vec<crate::Real>)]) -> Vec<f64> {
    parameters.iter().flat_map(|(w, b)| w.iter().chain(b)).map(|&x| x as f64).collect()
}

impl Trainer {
    /// The training loss (as the figures show it) of `network` in place of the run's own.
    pub fn training_loss_of(&mut self, network: &Network) -> f64 {
        let own = std::mem::replace(&mut self.network, network.clone());
        let loss = self.evaluate_training();
        self.network = own;
        loss
    }

    /// The landscape around `current` (weights of this run's shape) over `plane`, with the
    /// states of `trajectory` (oldest first, before `current`) as its path. Principal
    /// components need two states that differ from the current weights in two directions;
    /// a plane of parameters needs both in the network. `None` otherwise.
    pub fn landscape(&mut self, current: &Parameters, trajectory: &[Parameters], plane: Plane) -> Option<Landscape> {
        let mut shown = self.network.clone();
        if !shown.fits(current) {
            return None;
        }
        let centre = flatten(current);
        let states: Vec<Vec<f64>> = trajectory.iter().filter(|p| self.network.fits(p)).map(|p| flatten(p)).collect();
        let (directions, explained) = match plane {
            Plane::Principal => {
                let (d, e) = principal_directions(&states, &centre)?;
                (d, Some(e))
            }
            Plane::Parameters(a, b) => {
                let (a, b) = (a.index(&self.network)?, b.index(&self.network)?);
                if a == b {
                    return None;
                }
                let unit = |i: usize| (0..centre.len()).map(|j| if j == i { 1.0 } else { 0.0 }).collect::<Vec<f64>>();
                ([unit(a), unit(b)], None)
            }
        };
        let dot = |x: &[f64], d: &[f64]| x.iter().zip(&centre).zip(d).map(|((x, c), d)| (x - c) * d).sum::<f64>();
        let mut loss_at = |theta: &[f64]| {
            set_flat(&mut shown, theta);
            self.training_loss_of(&shown)
        };
        let mut path: Vec<[f64; 3]> = states.iter().map(|s| [dot(s, &directions[0]), dot(s, &directions[1]), loss_at(s)]).collect();
        path.push([0.0, 0.0, loss_at(&centre)]);
        // The plane's coordinates: offsets from the current weights, or the two parameters' own values.
        let origin = match plane {
            Plane::Principal => (0.0, 0.0),
            Plane::Parameters(..) => (dot_origin(&centre, &directions[0]), dot_origin(&centre, &directions[1])),
        };
        let span = |k: usize, o: f64| {
            let (lo, hi) = path.iter().fold((0.0f64, 0.0f64), |(lo, hi), p| (lo.min(p[k]), hi.max(p[k])));
            let pad = ((hi - lo) * 0.25).max(if plane == Plane::Principal { 1e-3 } else { 1.0 });
            (o + lo - pad, o + hi + pad)
        };
        let (u, v) = (span(0, origin.0), span(1, origin.1));
        let mut losses = Vec::with_capacity(CELLS * CELLS);
        let at = |range: (f64, f64), i: usize| range.0 + (range.1 - range.0) * i as f64 / (CELLS - 1) as f64;
        let mut theta = centre.clone();
        for row in 0..CELLS {
            let dv = at(v, CELLS - 1 - row) - origin.1;
            for col in 0..CELLS {
                let du = at(u, col) - origin.0;
                for (j, t) in theta.iter_mut().enumerate() {
                    *t = centre[j] + du * directions[0][j] + dv * directions[1][j];
                }
                losses.push(loss_at(&theta));
            }
        }
        for p in &mut path {
            p[0] += origin.0;
            p[1] += origin.1;
        }
        Some(Landscape { plane, u, v, losses, path, explained })
    }
}

/// The coordinate of the current weights along a unit direction (a parameter's own value).
fn dot_origin(centre: &[f64], d: &[f64]) -> f64 {
    centre.iter().zip(d).map(|(c, d)| c * d).sum()
}

/// Writes a flat list of parameters into a network of its shape.
fn set_flat(network: &mut Network, theta: &[f64]) {
    let mut values = theta.iter();
    for l in &mut network.layers {
        for p in l.weights.iter_mut().chain(l.biases.iter_mut()) {
            *p = *values.next().unwrap_or(&0.0) as crate::Real;
        }
    }
}

/// The first two principal directions of the states' offsets from `centre` (unit vectors,
/// orthogonal), and the share of the offsets' spread along each; `None` without two
/// independent offsets.
fn principal_directions(states: &[Vec<f64>], centre: &[f64]) -> Option<([Vec<f64>; 2], [f64; 2])> {
    let offsets: Vec<Vec<f64>> = states.iter().map(|s| s.iter().zip(centre).map(|(x, c)| x - c).collect()).collect();
    let k = offsets.len();
    if k < 2 {
        return None;
    }
    // The Gram matrix of the offsets: its eigenvectors give the principal directions as
    // combinations of the offsets (k is small, the parameters many).
    let gram: Vec<Vec<f64>> = offsets.iter().map(|a| offsets.iter().map(|b| a.iter().zip(b).map(|(x, y)| x * y).sum()).collect()).collect();
    let total: f64 = (0..k).map(|i| gram[i][i]).sum();
    if total <= 0.0 {
        return None;
    }
    let first = crate::space::leading_eigenvector(&gram, None);
    let second = crate::space::leading_eigenvector(&gram, Some(&first));
    let direction = |e: &[f64]| {
        let mut d = vec![0.0; centre.len()];
        for (w, o) in e.iter().zip(&offsets) {
            d.iter_mut().zip(o).for_each(|(d, o)| *d += w * o);
        }
        let norm = d.iter().map(|x| x * x).sum::<f64>().sqrt();
        d.iter_mut().for_each(|x| *x /= norm.max(1e-300));
        (d, norm * norm / total)
    };
    let ((d1, s1), (mut d2, s2)) = (direction(&first), direction(&second));
    // The second made exactly orthogonal to the first (rounding), then unit again.
    let along: f64 = d1.iter().zip(&d2).map(|(a, b)| a * b).sum();
    d2.iter_mut().zip(&d1).for_each(|(b, a)| *b -= along * a);
    let norm = d2.iter().map(|x| x * x).sum::<f64>().sqrt();
    if s2 < 1e-12 || norm < 1e-9 {
        return None;
    }
    d2.iter_mut().for_each(|x| *x /= norm);
    Some(([d1, d2], [s1, s2]))
}
