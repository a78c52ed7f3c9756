//! Neurona: a neural-network playground. The engine is pure Rust; the UI and drawing are for the browser.
pub mod bench;
pub mod engine;
pub mod app;
pub mod live;
pub mod render;
