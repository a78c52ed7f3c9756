//! Neurona: a neural-network playground. The engine is pure Rust; the UI and drawing are for the browser.
pub mod engine;
#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod render;
