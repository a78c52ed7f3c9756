//! The training worker's entry point: registers the worker that owns the trainer.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo_worker::Registrable;
    neurona::live::worker::TrainingWorker::registrar().encoding::<neurona::live::worker::Codec>().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The training worker runs in the browser, started by the page.");
}
