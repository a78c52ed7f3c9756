//! The performance readout: epochs a second, frames a second, and where a frame's time goes
//! (the worker's training and the page's frame work: putting pictures on canvases, drawing).

/// Sums over the current half-second window.
#[derive(Default)]
pub struct Perf {
    window_start: f64,
    frames: u32,
    epochs: u64,
    train_ms: f64,
    page_ms: f64,
}

/// Means over one window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    /// Epochs trained a second.
    pub epochs_per_second: f64,
    /// Frames drawn a second.
    pub frames_per_second: f64,
    /// The worker's training time per frame, in milliseconds.
    pub train_ms: f64,
    /// The page's whole frame work, in milliseconds.
    pub page_ms: f64,
}

impl Perf {
    /// Counts what the worker did for one request.
    pub fn worker(&mut self, epochs: u64, train_ms: f64) {
        self.epochs += epochs;
        self.train_ms += train_ms;
    }

    /// Counts one frame that ran from `start` to `end`; every half second, returns the
    /// window's means and starts a new window.
    pub fn frame(&mut self, start: f64, end: f64) -> Option<Figures> {
        if self.window_start == 0.0 {
            self.window_start = start;
        }
        self.frames += 1;
        self.page_ms += end - start;
        let seconds = (end - self.window_start) / 1000.0;
        if seconds < 0.5 {
            return None;
        }
        let frames = self.frames.max(1) as f64;
        let figures = Figures {
            epochs_per_second: self.epochs as f64 / seconds,
            frames_per_second: self.frames as f64 / seconds,
            train_ms: self.train_ms / frames,
            page_ms: self.page_ms / frames,
        };
        *self = Perf { window_start: end, ..Perf::default() };
        Some(figures)
    }
}
