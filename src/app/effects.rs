//! What the page does after the state changed: the reducer's effects. `AppState::update`
//! (update.rs) returns the new state with them (plain Rust, tested natively); the page
//! carries them out in order once it has rendered the state (app/view/perform.rs), the only
//! place that touches the run, the address bar or the page's other parts for the state.

use std::cell::RefCell;
use std::rc::Rc;

/// The effects the reducer returned that the page has yet to carry out, oldest first:
/// shared by every state of a page (each is the page's state at some moment), and never
/// compared (two states are equal whatever is queued).
#[derive(Clone, Default)]
pub struct Queue(Rc<RefCell<Vec<Effect>>>);

impl Queue {
    /// Queues effects to carry out.
    pub fn push(&self, effects: Vec<Effect>) {
        self.0.borrow_mut().extend(effects);
    }

    /// The effects queued, taken out of the queue.
    pub fn take(&self) -> Vec<Effect> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl PartialEq for Queue {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Queue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Queue({})", self.0.borrow().len())
    }
}

/// Something the page does for a change of state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The run follows the settings at the state's generation (a new one starts a new run),
    /// and the diagram the window's width.
    Sync,
    /// The run plays or pauses as the state says, and hears whether the goal was met.
    Follow,
    /// A formula the page has by its text only (a link's) is read in the worker.
    ReadFormula(String),
    /// The backprop walk-through starts on the training point the network gets most wrong.
    HardestPoint,
    /// A view that opened under the diagram is brought into sight (by its element's id).
    BringIntoView(&'static str),
    /// A dialog that opened takes the keyboard focus (its first control, by id).
    FocusDialog(&'static str),
    /// The address bar, the page's language and its title follow the settings.
    Link,
    /// The data sets' thumbnails follow the seed, the noise and the classes.
    Thumbnails,
    /// The user's points: their thumbnail, and a set too large for a link kept in this
    /// browser.
    Points,
}

/// The newest of something (the state as last rendered), for listeners made once.
pub struct Latest<T>(Rc<RefCell<Option<T>>>);

impl<T> Clone for Latest<T> {
    fn clone(&self) -> Self {
        Latest(self.0.clone())
    }
}

impl<T> Default for Latest<T> {
    fn default() -> Self {
        Latest(Rc::new(RefCell::new(None)))
    }
}

impl<T: Clone> Latest<T> {
    /// Keeps `value` as the newest.
    pub fn set(&self, value: T) {
        *self.0.borrow_mut() = Some(value);
    }

    /// The newest, once one was kept.
    pub fn get(&self) -> Option<T> {
        self.0.borrow().clone()
    }
}
