//! How the frame loop tells the panels that the run moved: a stamp published once per frame
//! that drew new figures, sent to every panel listening. A panel reads what it shows from
//! the run when the stamp changes; nothing is written into its elements from outside.

/// The listeners of the frame stamp.
#[derive(Default)]
pub struct Feed {
    stamp: u64,
    /// When the newest stamp was published (milliseconds).
    published_at: f64,
    /// The listeners, in the order they came.
    listeners: Vec<yew::Callback<u64>>,
}

impl Feed {
    /// The newest stamp.
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// When the newest stamp was published.
    pub fn published_at(&self) -> f64 {
        self.published_at
    }

    /// A new stamp for every listener (their renders are scheduled, not run here), published
    /// at `now` (milliseconds).
    pub fn publish(&mut self, now: f64) {
        self.stamp += 1;
        self.published_at = now;
        for listener in &self.listeners {
            listener.emit(self.stamp);
        }
    }

    /// Adds a listener.
    pub fn listen(&mut self, listener: yew::Callback<u64>) {
        self.listeners.push(listener);
    }

    /// Removes a listener (the same callback, not an equal one).
    pub fn stop(&mut self, listener: &yew::Callback<u64>) {
        self.listeners.retain(|l| l != listener);
    }
}
