//! The interface: state and links (plain Rust, tested natively) and the Yew components and
//! training loop (browser only).

pub mod i18n;
pub mod state;
pub mod url;
