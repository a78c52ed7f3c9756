//! The live side: training in a Web Worker and the page's view of it. The protocol, the
//! worker's session and the page's mirror are plain Rust (tested natively); the worker
//! entry and the page's frame loop are for the browser.

#[cfg(target_arch = "wasm32")]
pub mod draw;
pub mod ids;
pub mod mirror;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod perf;
pub mod protocol;
pub mod session;
pub mod timeline;
#[cfg(target_arch = "wasm32")]
pub mod worker;
