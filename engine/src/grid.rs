//! The picture grid: every neuron's output over an N x N lattice of the input plane, from
//! one batched forward pass. The heatmap and the neuron thumbnails all read from it.

use super::features::{feature_matrix, Feature, Inputs};
use super::formula::Formula;
use super::network::{Network, Workspace};
use super::Real;

/// An N x N grid of points over [min, max]^2 and the network's values on it.
/// Cell (row, col) is at x = min + (col + 0.5) h, y = max - (row + 0.5) h, so row 0 is the
/// top of the picture; values are stored row-major, cell index row * N + col.
pub struct Grid {
    /// N, cells per side.
    pub resolution: usize,
    /// The smallest coordinate shown.
    pub min: Real,
    /// The largest coordinate shown.
    pub max: Real,
    features: Vec<Feature>,
    formula: Option<Formula>,
    inputs: Vec<Real>,
    /// Every layer's values at every cell after `evaluate`.
    pub workspace: Workspace,
}

impl Grid {
    /// A grid with no values yet.
    pub fn new(resolution: usize, min: Real, max: Real) -> Grid {
        Grid { resolution, min, max, features: Vec::new(), formula: None, inputs: Vec::new(), workspace: Workspace::default() }
    }

    /// Number of cells.
    pub fn cells(&self) -> usize {
        self.resolution * self.resolution
    }

    /// The coordinates of cell `index`.
    pub fn point(&self, index: usize) -> (Real, Real) {
        let n = self.resolution;
        let h = (self.max - self.min) / n as Real;
        let (row, col) = (index / n, index % n);
        (self.min + (col as Real + 0.5) * h, self.max - (row as Real + 0.5) * h)
    }

    /// Sets the input features; their values over the grid are computed only when they change.
    pub fn set_features(&mut self, features: Inputs) {
        if self.features == features.features && self.formula.as_ref() == features.formula && !self.inputs.is_empty() {
            return;
        }
        self.features = features.features.to_vec();
        self.formula = features.formula.cloned();
        let points: Vec<(Real, Real)> = (0..self.cells()).map(|i| self.point(i)).collect();
        self.inputs = feature_matrix(features, points.iter().copied());
    }

    /// Runs the network over every cell, keeping every neuron's output.
    pub fn evaluate(&mut self, net: &Network, features: Inputs) {
        self.set_features(features);
        net.forward(&self.inputs, self.cells(), &mut self.workspace, None);
    }

    /// Neuron `j` of layer `layer` over the grid (after `evaluate`); the output layer is the
    /// last one.
    pub fn neuron(&self, layer: usize, j: usize) -> &[Real] {
        let c = self.cells();
        &self.workspace.a[layer][j * c..(j + 1) * c]
    }
}
