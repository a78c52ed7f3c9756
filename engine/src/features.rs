//! Input features: the functions of a point (x1, x2) that feed the network's first layer.

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
}

impl Feature {
    /// All features in the order the features column shows them.
    pub const ALL: [Feature; 9] =
        [Feature::X1, Feature::X2, Feature::X1Squared, Feature::X2Squared, Feature::X1X2, Feature::SinX1, Feature::SinX2, Feature::CosX1, Feature::CosX2];

    /// Puts features in the input column's order, each once.
    pub fn in_order(features: &mut Vec<Feature>) {
        *features = Feature::ALL.into_iter().filter(|f| features.contains(f)).collect();
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
        }
    }

    /// The feature's value at the point (x1, x2).
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
        }
    }
}

/// The feature matrix of a list of points, laid out `[feature][point]`.
pub fn feature_matrix(features: &[Feature], points: impl Iterator<Item = (Real, Real)> + Clone) -> Vec<Real> {
    let n = points.clone().count();
    let mut out = Vec::with_capacity(features.len() * n);
    for f in features {
        out.extend(points.clone().map(|(x1, x2)| f.value(x1, x2)));
    }
    out
}
