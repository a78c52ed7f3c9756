//! The browser entry point: installs the panic hook and mounts the playground.

#[cfg(target_arch = "wasm32")]
fn main() {
    neurona::app::install_panic_hook();
    yew::Renderer::<neurona::app::view::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Neurona runs in the browser: build it with `trunk build --release` or serve it with `trunk serve`.");
}
