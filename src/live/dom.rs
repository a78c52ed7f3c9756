//! The few things the live side asks of the page: the clock and the window's width (it writes
//! no text: the panels render what they read of the run).

/// Milliseconds from the page's clock.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// The window's width in CSS pixels.
pub fn window_width() -> f64 {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1280.0)
}

/// Whether the reader asked for less motion (`prefers-reduced-motion`): the links then stand
/// still while training (their widths and colours still follow the weights).
pub fn reduced_motion() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Whether the page lays its controls out for a finger (a narrow window or a coarse pointer,
/// the same test as style.css's 40-pixel controls).
pub fn touch_sized() -> bool {
    web_sys::window().and_then(|w| w.match_media("(max-width: 699px), (pointer: coarse)").ok().flatten()).is_some_and(|m| m.matches())
}
