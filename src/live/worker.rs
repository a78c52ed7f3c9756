//! The training worker: a gloo worker that wraps a [`Session`] and answers every message.

use super::protocol::{FromWorker, ToWorker};
use super::session::Session;
use gloo_worker::{HandlerId, Worker, WorkerScope};

/// The Web Worker that owns the trainer.
pub struct TrainingWorker {
    session: Session,
}

/// Milliseconds from the worker's clock.
fn now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<web_sys::Performance>(p).ok())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

impl Worker for TrainingWorker {
    type Message = ();
    type Input = ToWorker;
    type Output = FromWorker;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        TrainingWorker { session: Session::new() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: ToWorker, id: HandlerId) {
        scope.respond(id, self.session.answer(msg, &now));
    }
}
