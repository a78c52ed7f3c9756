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
        if let Some(answer) = self.session.answer(msg, &now) {
            scope.respond(id, answer);
        }
    }
}

/// The messages' encoding: bincode, as gloo's own, except that a message that cannot be read
/// stops with a plain message instead of formatting bincode's error (whose formatting would
/// bring the standard library's I/O errors into the page).
pub struct Codec;

impl gloo_worker::Codec for Codec {
    fn encode<I: serde::Serialize>(input: I) -> wasm_bindgen::JsValue {
        let bytes = bincode::serialize(&input).unwrap_or_else(|_| wasm_bindgen::throw_str("a worker message could not be written"));
        js_sys::Uint8Array::from(bytes.as_slice()).into()
    }

    fn decode<O: for<'de> serde::Deserialize<'de>>(input: wasm_bindgen::JsValue) -> O {
        let bytes = js_sys::Uint8Array::from(input).to_vec();
        bincode::deserialize(&bytes).unwrap_or_else(|_| wasm_bindgen::throw_str("a worker message could not be read"))
    }
}
