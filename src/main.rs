//! The browser entry point: mounts the playground and installs the panic hook.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<neurona::app::view::App>::new().render();
    // After mounting: Yew installs a console-only hook of its own when it starts.
    neurona::app::install_panic_hook();
    // Kept for offline use after the first visit (where the browser allows service workers).
    if let Some(window) = web_sys::window() {
        if window.is_secure_context() {
            let _ = window.navigator().service_worker().register("./sw.js");
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Neurona runs in the browser: build it with `trunk build --release` or serve it with `trunk serve`.");
}
