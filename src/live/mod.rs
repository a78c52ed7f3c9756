//! The live side: training in a Web Worker and the page's view of it. The protocol, the
//! worker's session and the run as the page shows it are plain Rust (tested natively); the worker
//! entry and the page's frame loop are for the browser.

#[cfg(target_arch = "wasm32")]
mod bridge;
#[cfg(target_arch = "wasm32")]
mod charts;
pub mod classroom;
#[cfg(target_arch = "wasm32")]
pub mod compare_view;
pub mod derived;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod door;
#[cfg(target_arch = "wasm32")]
pub mod draw;
#[cfg(target_arch = "wasm32")]
pub mod feed;
pub mod hinting;
pub mod ids;
pub mod jobs;
pub mod layout;
#[cfg(target_arch = "wasm32")]
pub mod math;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod perf;
pub mod pictures;
pub mod protocol;
#[cfg(target_arch = "wasm32")]
mod routing;
#[cfg(target_arch = "wasm32")]
mod run;
pub mod run_view;
pub mod service;
pub mod session;
pub mod sweeping;
#[cfg(target_arch = "wasm32")]
pub mod teaching;
pub mod timeline;
pub mod trail;
pub mod waiting;
#[cfg(target_arch = "wasm32")]
pub mod worker;
#[cfg(target_arch = "wasm32")]
mod worker_link;
