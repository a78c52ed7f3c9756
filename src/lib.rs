//! Neurona: a neural-network playground. The engine is pure Rust; the UI and drawing are for the browser.
pub mod bench;
pub use neurona_engine as engine;
pub mod app;
pub mod exercise;
pub mod i18n;
pub mod lang;
pub mod live;
pub mod render;
pub mod settings;
