//! The pages of their own a link opens (the teacher's board, the worksheet), in a module the
//! playground loads only for them (app::view::pages).

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<neurona::app::view::TeacherPage>::new().render();
    neurona::app::install_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The board and the worksheet run in the browser, loaded by the playground.");
}
