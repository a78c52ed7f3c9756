//! How the frame loop tells the panels that the run moved: a stamp published once per frame
//! that drew new figures, sent to every panel listening. A panel reads what it shows from
//! the run when the stamp changes; nothing is written into its elements from outside.

/// The listeners of the frame stamp.
#[derive(Default)]
pub struct Feed {
    stamp: u64,
    /// When the newest stamp was published (milliseconds).
    published_at: f64,
    next_id: u64,
    /// Each listener with its id, in the order they came.
    listeners: Vec<(u64, yew::Callback<u64>)>,
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
        for (_, listener) in &self.listeners {
            listener.emit(self.stamp);
        }
    }

    /// Adds a listener; returns its id, for `stop`.
    pub fn listen(&mut self, listener: yew::Callback<u64>) -> u64 {
        self.next_id += 1;
        self.listeners.push((self.next_id, listener));
        self.next_id
    }

    /// Removes a listener.
    pub fn stop(&mut self, id: u64) {
        self.listeners.retain(|(i, _)| *i != id);
    }
}
