//! Drawing: colour scales and pixel buffers (plain Rust), and canvas drawing (browser only).
//! Functions here take plain slices and write pixels; they never reach into UI state.

#[cfg(target_arch = "wasm32")]
pub mod canvas;
#[cfg(target_arch = "wasm32")]
pub mod chart;
pub mod colour;
#[cfg(target_arch = "wasm32")]
pub mod curve;
pub mod diagram;
pub mod figures;
pub mod frames;
#[cfg(target_arch = "wasm32")]
pub mod gradients;
#[cfg(target_arch = "wasm32")]
pub mod landscape;
#[cfg(target_arch = "wasm32")]
pub mod plot;
#[cfg(target_arch = "wasm32")]
pub mod space;
#[cfg(target_arch = "wasm32")]
pub mod sweep;
