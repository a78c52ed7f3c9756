//! The training worker: a gloo worker that wraps a [`Session`] and answers every message.

use super::protocol::{FromWorker, ToWorker};
use super::session::Session;
use gloo_worker::{HandlerId, Worker, WorkerScope};

/// Where the build serves the handwritten digits' file (beside the worker's script).
const DIGITS_FILE: &str = "digits.bin";

/// The Web Worker that owns the trainer.
pub struct TrainingWorker {
    session: Session,
    /// While the digits' file is on its way: the messages heard meanwhile, in order (answered
    /// once it has come, or has failed to).
    waiting: Option<Vec<(ToWorker, HandlerId)>>,
    /// Answering the messages that waited: a file that failed to come is not asked for again
    /// by them (they are answered without it); a later message may ask again.
    replaying: bool,
}

/// Whether a message sets up or checks a run of the handwritten digits.
fn needs_digits(msg: &ToWorker) -> bool {
    use super::service::Ask;
    let digits = |c: &crate::engine::Config| c.data.dataset == crate::engine::Dataset::Digits;
    match msg {
        ToWorker::Setup { config, .. } | ToWorker::Resume { config, .. } | ToWorker::Compare(Some(config)) => digits(config),
        ToWorker::Ask { ask: Ask::Check(list), .. } => list.iter().any(|(c, _)| digits(c)),
        ToWorker::Ask { ask: Ask::Hint(h), .. } => digits(&h.config),
        // The benchmark times an epoch of the digits.
        ToWorker::Ask { ask: Ask::Benchmark(_), .. } => true,
        _ => false,
    }
}

/// The digits' file, fetched from the build; an error names what went wrong.
async fn fetch_digits() -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    let scope: web_sys::WorkerGlobalScope = js_sys::global().dyn_into().map_err(|_| "not in a worker".to_string())?;
    let response = wasm_bindgen_futures::JsFuture::from(scope.fetch_with_str(DIGITS_FILE)).await.map_err(|_| "the digits could not be fetched".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("the digits' file answered {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|_| "no body".to_string())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer).await.map_err(|_| "the digits' file was cut".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
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
    /// The digits' file as fetched.
    type Message = Result<Vec<u8>, String>;
    type Input = ToWorker;
    type Output = FromWorker;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        TrainingWorker { session: Session::new(), waiting: None, replaying: false }
    }

    /// The digits' file has come (or failed to): it is given to the engine, and the messages
    /// that waited are answered in order (a setup of digits that still cannot be read says so
    /// as any setup that cannot train).
    fn update(&mut self, scope: &WorkerScope<Self>, file: Self::Message) {
        if let Err(why) = file.and_then(crate::engine::vectors::provide_digits) {
            web_sys::console::warn_1(&why.into());
        }
        self.replaying = true;
        for (msg, id) in self.waiting.take().unwrap_or_default() {
            self.received(scope, msg, id);
        }
        self.replaying = false;
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: ToWorker, id: HandlerId) {
        if let Some(waiting) = self.waiting.as_mut() {
            waiting.push((msg, id));
            return;
        }
        if !self.replaying && needs_digits(&msg) && !crate::engine::vectors::digits_loaded() {
            self.waiting = Some(vec![(msg, id)]);
            let scope = scope.clone();
            wasm_bindgen_futures::spawn_local(async move { scope.send_message(fetch_digits().await) });
            return;
        }
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
