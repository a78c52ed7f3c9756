//! The worker started and watched: its `error` event heard, and each of its answers taken to
//! the page's side (the run's snapshots, and each service's reader).

use super::page::RunHost;
use super::protocol::FromWorker;
use super::worker::TrainingWorker;
use gloo_worker::Spawnable;
use std::cell::RefCell;
use std::rc::Weak;

/// The worker's loader, as Trunk writes it next to the page (`data-loader-shim`): a script
/// of the page's own origin, so no blob URL is needed.
const WORKER_LOADER: &str = "./worker_loader.js";

/// Has every worker the page starts report its `error` event (its loader or script missing,
/// refused or not parsing) to the page's side `live`, which takes that worker for stopped at
/// once instead of after its silence. gloo-worker keeps the `Worker` it makes to itself, so
/// the page's `Worker` constructor is wrapped, once, in a proxy that listens on each new one.
pub(super) fn watch_worker_errors(live: Weak<RefCell<RunHost>>) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let global = js_sys::global();
    let Ok(original) = js_sys::Reflect::get(&global, &"Worker".into()).and_then(|w| w.dyn_into::<js_sys::Function>()) else { return };
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
        let Some(live) = live.upgrade() else { return };
        let Ok(mut me) = live.try_borrow_mut() else { return };
        me.link.failed = true;
        me.request_frame();
    })
    .into_js_value();
    let construct = Closure::<dyn Fn(JsValue, js_sys::Array) -> JsValue>::new(move |target: JsValue, args: js_sys::Array| {
        match js_sys::Reflect::construct(target.unchecked_ref::<js_sys::Function>(), &args) {
            Ok(worker) => {
                if let Some(w) = worker.dyn_ref::<web_sys::EventTarget>() {
                    let _ = w.add_event_listener_with_callback("error", on_error.unchecked_ref());
                }
                worker
            }
            Err(e) => wasm_bindgen::throw_val(e),
        }
    })
    .into_js_value();
    let handler = js_sys::Object::new();
    if js_sys::Reflect::set(&handler, &"construct".into(), &construct).is_ok() {
        let _ = js_sys::Reflect::set(&global, &"Worker".into(), &js_sys::Proxy::new(&original, &handler));
    }
}

/// Starts the training worker; its answers go to the page's side `live`.
pub(super) fn spawn_worker(live: Weak<RefCell<RunHost>>) -> gloo_worker::WorkerBridge<TrainingWorker> {
    TrainingWorker::spawner()
        .encoding::<super::worker::Codec>()
        .callback(move |answer| {
            let Some(live) = live.upgrade() else { return };
            // The state hears of it once the page's side is no longer borrowed.
            match answer {
                FromWorker::Snapshot(s) => {
                    let (events, reply) = live.borrow_mut().receive(*s);
                    let listener = live.borrow().events.clone();
                    if let Some(listener) = listener {
                        events.into_iter().for_each(|e| listener.emit(e));
                    }
                    if let Some(reply) = reply {
                        reply();
                    }
                }
                FromWorker::Answer { id, answer, more } => {
                    let listener = live.borrow_mut().link.heard(id, more);
                    if let Some(listener) = listener {
                        listener.emit(answer);
                    }
                }
            }
        })
        .spawn_with_loader(WORKER_LOADER)
}
