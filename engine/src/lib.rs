//! The MLP engine: data, features, network, training and metrics, with no knowledge of the web.
//!
//! Numbers are [`Real`] (f32 by default; the `f64` feature switches it for gradient checks).
//! Activations are stored batch-innermost: a layer's values for one neuron and every sample
//! of the batch are contiguous, so the inner loops are straight vector arithmetic.

pub mod activation;
pub mod axes;
pub mod backprop;
pub mod by_hand;
pub mod config;
pub mod csv;
pub mod curve;
pub mod data;
pub mod describe;
pub mod diagnose;
pub mod edit;
pub mod export;
mod export_rows;
pub mod features;
pub mod fingerprint;
pub mod formula;
pub mod grid;
pub mod handin;
pub mod hint;
pub mod init;
pub mod inspect;
pub mod json;
mod kernels;
pub mod landscape;
pub mod layer_no;
pub mod limits;
pub mod loss;
pub mod math;
pub mod model;
pub mod naming;
pub mod network;
pub mod normalize;
pub mod optimizer;
pub mod perceptron;
pub mod picture;
pub mod playground;
pub mod predict;
pub mod reading;
pub mod report;
pub mod rng;
pub mod satellite;
pub mod space;
pub mod sweep;
pub mod table;
pub mod table_plane;
pub mod trainer;
pub mod vectors;

/// The engine's number type.
#[cfg(not(feature = "f64"))]
pub type Real = f32;
/// The engine's number type.
#[cfg(feature = "f64")]
pub type Real = f64;

pub use activation::Activation;
pub use config::Config;
pub use data::{Dataset, Point};
pub use features::Feature;
pub use grid::Grid;
pub use init::Init;
pub use layer_no::LayerNo;
pub use loss::Loss;
pub use model::Model;
pub use network::Network;
pub use optimizer::{Optimizer, Regularization};
pub use trainer::{EpochReport, Metrics, TrainError, Trainer};
