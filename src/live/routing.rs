//! The worker started and watched: its `error` event heard, and each of its answers taken to
//! the page's side (the run's snapshots, and each service's reader).

use super::page::Live;
use super::protocol::{FromWorker, ToWorker};
use super::worker::TrainingWorker;
use gloo_worker::Spawnable;
use std::cell::RefCell;
use std::rc::Weak;

/// The worker's loader, as Trunk writes it next to the page (`data-loader-shim`): a script
/// of the page's own origin, so no blob URL is needed.
const WORKER_LOADER: &str = "./worker_loader.js";

/// How long the worker works on a sliced job (a sweep, an animation, a hint) between two
/// answers (milliseconds): a cancel or a picture waits at most this long.
const SWEEP_SLICE_MS: f64 = 40.0;

/// Has every worker the page starts report its `error` event (its loader or script missing,
/// refused or not parsing) to the page's side `live`, which takes that worker for stopped at
/// once instead of after its silence. gloo-worker keeps the `Worker` it makes to itself, so
/// the page's `Worker` constructor is wrapped, once, in a proxy that listens on each new one.
pub(super) fn watch_worker_errors(live: Weak<RefCell<Live>>) {
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
pub(super) fn spawn_worker(live: Weak<RefCell<Live>>) -> gloo_worker::WorkerBridge<TrainingWorker> {
    TrainingWorker::spawner()
        .encoding::<super::worker::Codec>()
        .callback(move |answer| {
            let Some(live) = live.upgrade() else { return };
            // The state hears of it once the page's side is no longer borrowed.
            match answer {
                FromWorker::Snapshot(s) => {
                    let events = live.borrow_mut().receive(*s);
                    let listener = live.borrow().events.clone();
                    if let Some(listener) = listener {
                        events.into_iter().for_each(|e| listener.emit(e));
                    }
                }
                FromWorker::Model(read) => {
                    let reader = live.borrow_mut().link.model_reader.take();
                    if let Some(reader) = reader {
                        reader.emit(*read);
                    }
                }
                FromWorker::Text(_, text) => {
                    let reader = live.borrow_mut().link.export_reader.take();
                    if let (Some(reader), Some(text)) = (reader, text) {
                        reader.emit(text);
                    }
                }
                FromWorker::Thumbnails(id, sets) => {
                    let reader = live.borrow_mut().link.thumbnail_reader.answer(id);
                    if let Some(reader) = reader {
                        reader.emit(sets);
                    }
                }
                FromWorker::Formula(id, read) => {
                    let reader = live.borrow_mut().link.formula_reader.answer(id);
                    if let Some(reader) = reader {
                        reader.emit(*read);
                    }
                }
                FromWorker::Hint(id, state) => {
                    let mut me = live.borrow_mut();
                    // Worked on a slice at a time while the page still waits for it.
                    let reader = if state.found.is_some() {
                        me.link.hint_reader.answer(id)
                    } else {
                        let reader = me.link.hint_reader.listener(id);
                        if let (Some(_), Some(b)) = (&reader, &me.link.worker) {
                            b.send(ToWorker::HintStep { id, budget_ms: SWEEP_SLICE_MS });
                        }
                        reader
                    };
                    drop(me);
                    if let Some(reader) = reader {
                        reader.emit(*state);
                    }
                }
                FromWorker::Qr(id, code) => {
                    let reader = live.borrow_mut().link.qr_reader.answer(id);
                    if let Some(reader) = reader {
                        reader.emit(code);
                    }
                }
                FromWorker::Checked(id, checked, ms) => {
                    let reader = live.borrow_mut().link.check_reader.answer(id);
                    if let Some(reader) = reader {
                        reader.emit((checked, ms));
                    }
                }
                FromWorker::Animation(state) => {
                    let mut live = live.borrow_mut();
                    let (Some(reader), id) = live.link.animation_reader.clone() else { return };
                    if state.id != id {
                        return;
                    }
                    let more = state.error.is_none() && state.gif.is_none() && state.progress.0 < state.progress.1;
                    if !more {
                        live.link.animation_reader.0 = None;
                    } else if let Some(b) = &live.link.worker {
                        b.send(ToWorker::AnimationStep { id, budget_ms: SWEEP_SLICE_MS });
                    }
                    drop(live);
                    reader.emit(*state);
                }
                FromWorker::Sweep(state) => {
                    let mut live = live.borrow_mut();
                    let (Some(reader), id) = live.link.sweep_reader.clone() else { return };
                    if state.id != id {
                        return;
                    }
                    let more = state.error.is_none() && state.progress.0 < state.progress.1;
                    if !more {
                        live.link.sweep_reader.0 = None;
                    } else if let Some(b) = &live.link.worker {
                        b.send(ToWorker::SweepStep { id, budget_ms: SWEEP_SLICE_MS });
                    }
                    drop(live);
                    reader.emit(*state);
                }
                FromWorker::Benchmark(figures) => {
                    let reader = live.borrow_mut().link.benchmark_reader.take();
                    if let Some(reader) = reader {
                        reader.emit(figures);
                    }
                }
            }
        })
        .spawn_with_loader(WORKER_LOADER)
}
