//! Data sets: TensorFlow Playground's six generators, the lesson's logic gates, two moons,
//! checkerboard, K-class sets and user points; and their split into train/validation/test
//! (CSV files of them: see `csv`).
//!
//! All points lie in [-6, 6]^2. Two-class labels are +1 (blue) and -1 (orange); K-class
//! labels are the class index 0..K; regression labels are the value to predict.

use super::math::{cos, sin};
use super::rng::Rng;
use super::Real;
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// One labelled example (x_i, y_i).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// First coordinate, X1.
    pub x: Real,
    /// Second coordinate, X2.
    pub y: Real,
    /// The label: +-1, a class index, or a regression target.
    pub label: Real,
}

/// Which generator makes the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dataset {
    /// A disc of blue inside a ring of orange.
    Circle,
    /// The four quadrants, labelled by the sign of x y.
    Xor,
    /// Two Gaussian clouds.
    Gauss,
    /// Two (or K) interleaved spiral arms.
    Spiral,
    /// Regression: a tilted plane.
    RegPlane,
    /// Regression: six Gaussian bumps.
    RegGauss,
    /// Logic gate OR: four clusters at the corners of a square.
    LogicOr,
    /// Logic gate AND.
    LogicAnd,
    /// Logic gate XOR.
    LogicXor,
    /// Two interleaving half circles.
    Moons,
    /// A 4 x 4 checkerboard.
    Checkerboard,
    /// K Gaussian blobs, one per class.
    Blobs,
    /// A class's pass or fail, in its own units: hours of study and the previous grade
    /// (see `Axes::pass_fail` and the generator in [`generate`]).
    PassFail,
    /// Pixels of a satellite scene in their own units: reflectance in the red band and in the
    /// near-infrared (see [`crate::satellite`]); 2 to 4 classes.
    Satellite,
    /// The handwritten digits: vectors of 8 x 8 grey levels (see vectors.rs), the
    /// digits chosen as the classes.
    Digits,
    /// A table's columns (a CSV file with a header): the chosen ones read by the network as
    /// they are, predicting another (see table.rs).
    Table,
    /// Points the user supplied.
    Custom,
    /// Regression of one input: y = sin(x π / 3) along x, two periods over the plane.
    CurveSine,
    /// Regression of one input: a step from −1 to 1 at x = 0.
    CurveStep,
    /// Regression of one input: y = |x| / 3 − 1.
    CurveAbs,
}

impl Dataset {
    /// Two-class sets, in the data column's order.
    pub const CLASSIFICATION: [Dataset; 11] = [
        Dataset::Circle,
        Dataset::Xor,
        Dataset::Gauss,
        Dataset::Spiral,
        Dataset::LogicOr,
        Dataset::LogicAnd,
        Dataset::LogicXor,
        Dataset::Moons,
        Dataset::Checkerboard,
        Dataset::PassFail,
        Dataset::Satellite,
    ];
    /// Regression sets.
    pub const REGRESSION: [Dataset; 5] = [Dataset::RegPlane, Dataset::RegGauss, Dataset::CurveSine, Dataset::CurveStep, Dataset::CurveAbs];
    /// Regressions of one input, whose points lie along the x axis (x₂ = 0).
    pub const CURVES: [Dataset; 3] = [Dataset::CurveSine, Dataset::CurveStep, Dataset::CurveAbs];
    /// Sets with more than two classes.
    pub const MULTICLASS: [Dataset; 3] = [Dataset::Blobs, Dataset::Spiral, Dataset::Satellite];

    /// The name used in links and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Circle => "circle",
            Dataset::Xor => "xor",
            Dataset::Gauss => "gauss",
            Dataset::Spiral => "spiral",
            Dataset::RegPlane => "reg-plane",
            Dataset::RegGauss => "reg-gauss",
            Dataset::LogicOr => "logic-or",
            Dataset::LogicAnd => "logic-and",
            Dataset::LogicXor => "logic-xor",
            Dataset::Moons => "moons",
            Dataset::Checkerboard => "checkerboard",
            Dataset::Blobs => "blobs",
            Dataset::PassFail => "pass-fail",
            Dataset::Satellite => "satellite",
            Dataset::Digits => "digits",
            Dataset::Table => "table",
            Dataset::Custom => "custom",
            Dataset::CurveSine => "curve-sine",
            Dataset::CurveStep => "curve-step",
            Dataset::CurveAbs => "curve-abs",
        }
    }

    /// Parses a name from a link.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::CLASSIFICATION
            .iter()
            .chain(Self::REGRESSION.iter())
            .chain([Dataset::Blobs, Dataset::Custom, Dataset::Digits].iter())
            .copied()
            .find(|d| d.name() == name)
    }

    /// Whether its examples are vectors read by the network as they are, not points on the
    /// plane.
    pub fn is_vectors(self) -> bool {
        matches!(self, Dataset::Digits | Dataset::Table)
    }

    /// Whether its labels are values to predict rather than classes.
    pub fn is_regression(self) -> bool {
        matches!(self, Dataset::RegPlane | Dataset::RegGauss) || self.is_curve()
    }

    /// Whether it is a regression of one input (x₁), seen as a curve.
    pub fn is_curve(self) -> bool {
        matches!(self, Dataset::CurveSine | Dataset::CurveStep | Dataset::CurveAbs)
    }
}

/// How many points a generator makes: 500 for classification, 1200 for regression, 200
/// students for pass or fail.
pub fn default_size(dataset: Dataset) -> usize {
    match dataset {
        d if d.is_curve() => 300,
        d if d.is_regression() => 1200,
        Dataset::PassFail => 200,
        Dataset::Satellite => crate::satellite::POINTS,
        _ => 500,
    }
}

/// Generates a data set. `noise` is the slider's value / 100 (0 to 0.5); `classes` matters
/// for blobs and spiral only. Custom data is not generated here.
pub fn generate(dataset: Dataset, classes: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let n = default_size(dataset);
    let p = |x: f64, y: f64, label: f64| Point { x: x as Real, y: y as Real, label: label as Real };
    let mut points = Vec::with_capacity(n);
    match dataset {
        Dataset::Circle => {
            let radius = 5.0;
            // Label by the distance of the noisy point: noise flips labels near the edge.
            let label = |x: f64, y: f64, rng: &mut Rng| {
                let nx = rng.uniform(-radius, radius) * noise;
                let ny = rng.uniform(-radius, radius) * noise;
                if ((x + nx) * (x + nx) + (y + ny) * (y + ny)).sqrt() < radius * 0.5 {
                    1.0
                } else {
                    -1.0
                }
            };
            for i in 0..n {
                let (r0, r1) = if i < n / 2 { (0.0, radius * 0.5) } else { (radius * 0.7, radius) };
                let r = rng.uniform(r0, r1);
                let angle = rng.uniform(0.0, 2.0 * PI);
                let (x, y) = (r * sin(angle), r * cos(angle));
                let l = label(x, y, rng);
                points.push(p(x, y, l));
            }
        }
        Dataset::Xor => {
            for _ in 0..n {
                let padding = 0.3;
                let mut x = rng.uniform(-5.0, 5.0);
                x += if x > 0.0 { padding } else { -padding };
                let mut y = rng.uniform(-5.0, 5.0);
                y += if y > 0.0 { padding } else { -padding };
                let nx = rng.uniform(-5.0, 5.0) * noise;
                let ny = rng.uniform(-5.0, 5.0) * noise;
                let l = if (x + nx) * (y + ny) >= 0.0 { 1.0 } else { -1.0 };
                points.push(p(x, y, l));
            }
        }
        Dataset::Gauss => {
            // Variance grows linearly from 0.5 (no noise) to 4 (noise 0.5).
            let variance = 0.5 + (4.0 - 0.5) * (noise / 0.5);
            let sd = variance.sqrt();
            for (cx, cy, l) in [(2.0, 2.0, 1.0), (-2.0, -2.0, -1.0)] {
                for _ in 0..n / 2 {
                    points.push(p(cx + sd * rng.normal(), cy + sd * rng.normal(), l));
                }
            }
        }
        Dataset::Spiral => {
            let arms = classes.max(2);
            let per_arm = n / 2;
            for arm in 0..arms {
                let delta = 2.0 * PI * arm as f64 / arms as f64;
                let label = if arms == 2 {
                    if arm == 0 {
                        1.0
                    } else {
                        -1.0
                    }
                } else {
                    arm as f64
                };
                for i in 0..per_arm {
                    let r = i as f64 / per_arm as f64 * 5.0;
                    let t = 1.75 * i as f64 / per_arm as f64 * 2.0 * PI + delta;
                    let x = r * sin(t) + rng.uniform(-1.0, 1.0) * noise;
                    let y = r * cos(t) + rng.uniform(-1.0, 1.0) * noise;
                    points.push(p(x, y, label));
                }
            }
        }
        Dataset::RegPlane => points.extend(regression(n, noise, rng, |x, y| (x + y) / 10.0)),
        Dataset::CurveSine | Dataset::CurveStep | Dataset::CurveAbs => {
            let value = |x: f64| match dataset {
                Dataset::CurveSine => sin(x * PI / 3.0),
                Dataset::CurveStep => {
                    if x > 0.0 {
                        1.0
                    } else {
                        -1.0
                    }
                }
                _ => x.abs() / 3.0 - 1.0,
            };
            // Noise moves the point along x before its value is read, as TensorFlow
            // Playground's regressions do.
            points.extend((0..n).map(|_| {
                let x = rng.uniform(-6.0, 6.0);
                let nx = rng.uniform(-6.0, 6.0) * noise;
                p(x, 0.0, value((x + nx).clamp(-6.0, 6.0)))
            }));
        }
        Dataset::RegGauss => {
            let centres = [(-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0), (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0)];
            let value = |x: f64, y: f64| {
                let mut best: f64 = 0.0;
                for &(cx, cy, sign) in &centres {
                    let d: f64 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    let v = sign * (1.0 - d.sqrt() / 2.0).max(0.0);
                    if v.abs() > best.abs() {
                        best = v;
                    }
                }
                best
            };
            points.extend(regression(n, noise, rng, value));
        }
        Dataset::LogicOr | Dataset::LogicAnd | Dataset::LogicXor => {
            // Input 0 sits at -3, input 1 at +3; the truth table gives the label.
            let sd = 0.6 + 3.0 * noise;
            for i in 0..n {
                let (a, b) = ((i % 4) & 1, (i % 4) >> 1);
                let on = match dataset {
                    Dataset::LogicOr => a | b,
                    Dataset::LogicAnd => a & b,
                    _ => a ^ b,
                };
                let cx = if a == 1 { 3.0 } else { -3.0 };
                let cy = if b == 1 { 3.0 } else { -3.0 };
                let l = if on == 1 { 1.0 } else { -1.0 };
                points.push(p(cx + sd * rng.normal(), cy + sd * rng.normal(), l));
            }
        }
        Dataset::Moons => {
            for i in 0..n {
                let upper = i % 2 == 0;
                let t = rng.uniform(0.0, PI);
                let (mx, my) = if upper { (cos(t), sin(t)) } else { (1.0 - cos(t), 0.5 - sin(t)) };
                let x = (mx - 0.5) * 3.6 + rng.normal() * noise * 2.0;
                let y = (my - 0.25) * 3.6 + rng.normal() * noise * 2.0;
                points.push(p(x, y, if upper { 1.0 } else { -1.0 }));
            }
        }
        Dataset::Checkerboard => {
            for _ in 0..n {
                let x = rng.uniform(-6.0, 6.0);
                let y = rng.uniform(-6.0, 6.0);
                let nx = rng.uniform(-3.0, 3.0) * noise;
                let ny = rng.uniform(-3.0, 3.0) * noise;
                let cell = ((x + nx + 6.0) / 3.0).floor() as i64 + ((y + ny + 6.0) / 3.0).floor() as i64;
                points.push(p(x, y, if cell % 2 == 0 { 1.0 } else { -1.0 }));
            }
        }
        Dataset::Blobs => {
            let k = classes.max(2);
            let sd = (0.5 + 3.5 * noise / 0.5).sqrt();
            for i in 0..n {
                let class = i % k;
                let angle = 2.0 * PI * class as f64 / k as f64 + PI / 4.0;
                let (cx, cy) = (3.5 * cos(angle), 3.5 * sin(angle));
                let label = if k == 2 {
                    if class == 0 {
                        1.0
                    } else {
                        -1.0
                    }
                } else {
                    class as f64
                };
                points.push(p(cx + sd * rng.normal(), cy + sd * rng.normal(), label));
            }
        }
        Dataset::PassFail => {
            // Each student studied h ~ U(0, 12) hours and had a previous grade
            // g ~ N(70, 12) held to 40..100; they pass when
            // 0.55 h / 12 + 0.45 (g - 40) / 60 + e > 0.5, where e ~ N(0, 0.05 + noise / 2)
            // is what the two numbers do not tell (noise 0 to 0.5 from the slider).
            // Coordinates are in hours and grade points, rounded to 0.1 and 1.
            for _ in 0..n {
                let hours = (rng.uniform(0.0, 12.0) * 10.0).round() / 10.0;
                let grade = (70.0 + 12.0 * rng.normal()).clamp(40.0, 100.0).round();
                let score = 0.55 * hours / 12.0 + 0.45 * (grade - 40.0) / 60.0 + (0.05 + noise / 2.0) * rng.normal();
                points.push(p(hours, grade, if score > 0.5 { 1.0 } else { -1.0 }));
            }
        }
        Dataset::Satellite => points = crate::satellite::Scene::generate(noise, rng).points(classes, rng),
        Dataset::Custom | Dataset::Digits | Dataset::Table => {}
    }
    points
}

/// A data set split for training, validation and testing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// D_train: the points the weights are fitted to.
    pub train: Vec<Point>,
    /// D_val: held out to tune and to stop early.
    pub validation: Vec<Point>,
    /// D_test: held out to measure the final model.
    pub test: Vec<Point>,
    /// For data of vectors, each point's inputs (see vectors.rs); none on the plane.
    #[serde(default)]
    pub rows: Rows,
}

/// Each point's inputs, row by row, in the order of the split's points; `dims` 0 for points on
/// the plane (whose inputs are the features computed from x and y).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rows {
    /// Values per row.
    pub dims: usize,
    /// The training points' rows.
    pub train: Vec<Real>,
    /// The validation points' rows.
    pub validation: Vec<Real>,
    /// The test points' rows.
    pub test: Vec<Real>,
}

/// Shuffles once, then splits at floor(n * train / 100) and floor(n * val / 100) more.
pub fn split(mut points: Vec<Point>, percent_train: u32, percent_val: u32, rng: &mut Rng) -> Split {
    rng.shuffle(&mut points);
    let n = points.len();
    // Always at least one training point, so a handful of drawn points can be trained on.
    let n_train = (n * percent_train.min(100) as usize / 100).max(n.min(1));
    let n_val = (n * percent_val as usize / 100).min(n - n_train);
    let test = points.split_off(n_train + n_val);
    let validation = points.split_off(n_train);
    Split { train: points, validation, test, rows: Default::default() }
}

/// `n` points spread evenly over the plane, each labelled `value` at a point displaced by
/// noise (up to `noise` times the plane's half-width either way).
fn regression(n: usize, noise: f64, rng: &mut Rng, value: impl Fn(f64, f64) -> f64) -> Vec<Point> {
    let radius = 6.0;
    (0..n)
        .map(|_| {
            let x = rng.uniform(-radius, radius);
            let y = rng.uniform(-radius, radius);
            let nx = rng.uniform(-radius, radius) * noise;
            let ny = rng.uniform(-radius, radius) * noise;
            Point { x: x as Real, y: y as Real, label: value(x + nx, y + ny) as Real }
        })
        .collect()
}
