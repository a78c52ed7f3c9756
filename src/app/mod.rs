//! The interface: state and links (plain Rust, tested natively) and the Yew components and
//! training loop (browser only).

pub mod actions;
pub mod backprop_steps;
pub mod board;
pub mod effects;
pub use crate::exercise;
pub use crate::i18n;
pub mod json;
pub mod lessons;
pub mod link;
pub mod notice;
pub mod panels;
pub use crate::settings;
pub mod state;
pub mod update;
#[cfg(target_arch = "wasm32")]
pub mod view;

#[cfg(target_arch = "wasm32")]
thread_local! {
    static PANIC_LANG: std::cell::Cell<i18n::Lang> = const { std::cell::Cell::new(i18n::Lang::En) };
}

/// Remembers the language the panic message should use.
#[cfg(target_arch = "wasm32")]
pub fn set_panic_lang(lang: i18n::Lang) {
    PANIC_LANG.with(|l| l.set(lang));
}

/// Shows a panic on the page instead of leaving it blank, and logs it to the console. A panic
/// leaves the page's code unable to go on, so the notice says so once, in the page's
/// language, covers the page so that no later click reaches the stopped code, and offers to
/// reload; later panics are logged only.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        let lang = PANIC_LANG.with(|l| l.get());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if doc.get_element_by_id("panic").is_some() {
            return;
        }
        let Some(body) = doc.body() else { return };
        let make = |tag: &str, text: &str| {
            let el = doc.create_element(tag).ok()?;
            el.set_text_content(Some(text));
            Some(el)
        };
        let Ok(cover) = doc.create_element("div") else { return };
        cover.set_id("panic");
        cover.set_class_name("panic-cover");
        let _ = cover.set_attribute("role", "alertdialog");
        let _ = cover.set_attribute("aria-modal", "true");
        let Ok(card) = doc.create_element("div") else { return };
        card.set_class_name("panic-card");
        let parts = [
            make("strong", i18n::Text::PanicTitle.get(lang)),
            make("p", i18n::Text::PanicReload.get(lang)),
            make("button", i18n::Text::Reload.get(lang)),
            make("pre", &message),
        ];
        for part in parts.into_iter().flatten() {
            if part.tag_name() == "BUTTON" {
                part.set_id("panic-reload");
                gloo_events::EventListener::new(&part, "click", |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                })
                .forget();
            }
            let _ = card.append_child(&part);
        }
        let _ = cover.append_child(&card);
        let _ = body.prepend_with_node_1(&cover);
    }));
}

#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
thread_local! {
    /// The page's live side, for the test hooks.
    static HOOKED: std::cell::RefCell<Option<crate::live::door::RunDoor>> = Default::default();
}

/// Lets the test hooks reach the page's live side.
#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
pub(crate) fn hook(run: &crate::live::door::RunDoor) {
    HOOKED.with(|h| *h.borrow_mut() = Some(run.clone()));
}

/// The engine benchmark in the worker, in the build that trains, for the benchmark script:
/// when measured, `window.engineBenchmark` holds one JSON object per setup.
#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn engine_benchmark(repeats: u32) {
    let Some(run) = HOOKED.with(|h| h.borrow().clone()) else { return };
    let then = yew::Callback::from(|figures: String| {
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &"engineBenchmark".into(), &figures.into());
        }
    });
    run.send(crate::live::door::Command::ask(crate::live::service::Ask::Benchmark(repeats), then));
}

/// Panics on purpose, so that tests can check the page shows the error instead of going blank.
#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_tests() {
    panic!("a deliberate panic from panic_for_tests");
}

/// The page's wasm memory in bytes, for the soak script.
#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

/// Asks the worker to compute a hand-in of all ten digits again (every weight 0), for the
/// digits' file to be fetched on first use: `window.digitsChecked` then holds the test
/// accuracy computed, or the problem.
#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn check_digits_in_worker() {
    let Some(run) = HOOKED.with(|h| h.borrow().clone()) else { return };
    let c = crate::bench::digits_setup(4);
    let weights = vec![0.0; 64 * 4 + 4 + 4 * 10 + 10];
    let then = yew::Callback::from(|(checked, _): (Vec<crate::live::door::Checked>, f64)| {
        let said = match checked.first() {
            Some(Ok(r)) => format!("{}", r.accuracy.unwrap_or(f64::NAN)),
            other => format!("{other:?}"),
        };
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &"digitsChecked".into(), &said.into());
        }
    });
    run.send(crate::live::door::Command::ask(crate::live::service::Ask::Check(vec![(c, weights)]), then));
}
