//! The browser entry point: mounts the playground (or loads the module of the board and the
//! worksheet when the link asks for one) and installs the panic hook.

#[cfg(target_arch = "wasm32")]
fn main() {
    use neurona::app::view::{follow_link, load_pages_module, own_page_asked, App};
    // The board and the worksheet are a module of their own, loaded only when a link asks.
    let own = own_page_asked();
    if own {
        load_pages_module();
    } else {
        yew::Renderer::<App>::new().render();
    }
    follow_link(own);
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
