//! Input features: the functions of a point (x1, x2) that feed the network's first layer.

use super::formula::Formula;
use super::{math, Real};
use serde::{Deserialize, Serialize};

/// One input feature, named as in TensorFlow Playground's links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Feature {
    /// X1, the horizontal coordinate.
    #[serde(rename = "x")]
    X1,
    /// X2, the vertical coordinate.
    #[serde(rename = "y")]
    X2,
    /// X1^2.
    #[serde(rename = "xSquared")]
    X1Squared,
    /// X2^2.
    #[serde(rename = "ySquared")]
    X2Squared,
    /// X1 X2.
    #[serde(rename = "xTimesY")]
    X1X2,
    /// sin(X1).
    #[serde(rename = "sinX")]
    SinX1,
    /// sin(X2).
    #[serde(rename = "sinY")]
    SinX2,
    /// cos(X1).
    #[serde(rename = "cosX")]
    CosX1,
    /// cos(X2).
    #[serde(rename = "cosY")]
    CosX2,
    /// The formula the user typed (`NetworkSetup::formula`).
    #[serde(rename = "custom")]
    Custom,
}

impl Feature {
    /// The built-in features in the order the features column shows them.
    pub const ALL: [Feature; 9] =
        [Feature::X1, Feature::X2, Feature::X1Squared, Feature::X2Squared, Feature::X1X2, Feature::SinX1, Feature::SinX2, Feature::CosX1, Feature::CosX2];

    /// Puts features in the input column's order, each once (the typed one last).
    pub fn in_order(features: &mut Vec<Feature>) {
        *features = Feature::ALL.into_iter().chain([Feature::Custom]).filter(|f| features.contains(f)).collect();
    }

    /// The key TensorFlow Playground uses for it in links.
    pub fn key(self) -> &'static str {
        match self {
            Feature::X1 => "x",
            Feature::X2 => "y",
            Feature::X1Squared => "xSquared",
            Feature::X2Squared => "ySquared",
            Feature::X1X2 => "xTimesY",
            Feature::SinX1 => "sinX",
            Feature::SinX2 => "sinY",
            Feature::CosX1 => "cosX",
            Feature::CosX2 => "cosY",
            Feature::Custom => "custom",
        }
    }

    /// Its label in formulas (the same in every language).
    pub fn label(self) -> &'static str {
        match self {
            Feature::X1 => "X₁",
            Feature::X2 => "X₂",
            Feature::X1Squared => "X₁²",
            Feature::X2Squared => "X₂²",
            Feature::X1X2 => "X₁X₂",
            Feature::SinX1 => "sin(X₁)",
            Feature::SinX2 => "sin(X₂)",
            Feature::CosX1 => "cos(X₁)",
            Feature::CosX2 => "cos(X₂)",
            Feature::Custom => "f(X₁, X₂)",
        }
    }

    /// A built-in feature's value at the point (x1, x2); the typed one's is its formula's
    /// ([`Inputs::value`]), 0 here.
    pub fn value(self, x1: Real, x2: Real) -> Real {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1,
            Feature::X2Squared => x2 * x2,
            Feature::X1X2 => x1 * x2,
            Feature::SinX1 => math::sin(x1 as f64) as Real,
            Feature::SinX2 => math::sin(x2 as f64) as Real,
            Feature::CosX1 => math::cos(x1 as f64) as Real,
            Feature::CosX2 => math::cos(x2 as f64) as Real,
            Feature::Custom => 0.0,
        }
    }
}

/// The features a network reads, with the formula of the typed one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs<'a> {
    /// The features, in order.
    pub features: &'a [Feature],
    /// The typed feature's formula.
    pub formula: Option<&'a Formula>,
}

impl Inputs<'_> {
    /// A feature's value at the point (x1, x2).
    pub fn value(&self, f: Feature, x1: Real, x2: Real) -> Real {
        match (f, self.formula) {
            (Feature::Custom, Some(formula)) => formula.value(x1 as f64, x2 as f64) as Real,
            _ => f.value(x1, x2),
        }
    }

    /// Every feature's value at the point, in order.
    pub fn at(&self, x1: Real, x2: Real) -> Vec<Real> {
        self.features.iter().map(|&f| self.value(f, x1, x2)).collect()
    }

    /// How many features.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }
}

/// Examples of vectors (`rows`, one after another, `dims` values each) laid out as the
/// feature matrix is, `[input][example]`.
pub fn rows_matrix(rows: &[Real], dims: usize) -> Vec<Real> {
    let n = rows.len() / dims.max(1);
    (0..dims).flat_map(|d| (0..n).map(move |i| rows[i * dims + d])).collect()
}

/// The feature matrix of a list of points, laid out `[feature][point]`.
pub fn feature_matrix(inputs: Inputs, points: impl Iterator<Item = (Real, Real)> + Clone) -> Vec<Real> {
    let n = points.clone().count();
    let mut out = Vec::with_capacity(inputs.len() * n);
    for &f in inputs.features {
        out.extend(points.clone().map(|(x1, x2)| inputs.value(f, x1, x2)));
    }
    out
}
