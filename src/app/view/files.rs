//! Files chosen by the user: read in parts with the page drawing between them, a progress
//! notice and a way to cancel for large ones, and a refusal, unread, of one too large.

use super::ctx::*;

thread_local! {
    /// Numbers the files read, so that cancelling stops the one being read.
    static FILE_READ: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Stops reading the file being read (its parts not yet read are dropped; nothing changes).
pub(super) fn cancel_file_read() {
    FILE_READ.with(|n| n.set(n.get() + 1));
}

/// Lets the browser draw a frame and handle input before the next part of the work.
pub(super) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How a chosen file's text is read: at once (a model file), or as CSV lines a part at a
/// time, the page drawing between the parts.
pub(super) enum Reading {
    Text(fn(&Ctx, String)),
    /// Points, or (the file naming other than three columns) a table's text.
    Csv(fn(&Ctx, crate::engine::csv::Csv), fn(&Ctx, &str)),
}

/// Lines of a CSV read between two frames.
pub(super) const CSV_LINES_PER_PART: usize = 20_000;

/// A file input's handler. A file over the size the page reads is refused unread, its size
/// named; a large one shows its progress (with a way to cancel) while it is read.
pub(super) fn on_file(ctx: &Ctx, reading: Reading) -> Callback<Event> {
    let ctx = ctx.clone();
    let reading = std::rc::Rc::new(reading);
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let (name, size) = (file.name(), file.size());
        if size > crate::engine::limits::MAX_FILE_BYTES {
            ctx.dispatch.emit(Action::Notes(Notes::Show(Notice::FileTooLarge(name, size))));
            return;
        }
        let shown = size >= crate::engine::limits::FILE_PROGRESS_BYTES;
        let this = FILE_READ.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let (ctx, reading) = (ctx.clone(), reading.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let progress = |percent: u32| {
                if shown {
                    ctx.dispatch.emit(Action::Notes(Notes::Show(Notice::ReadingFile(name.clone(), percent))));
                }
            };
            let current = || FILE_READ.with(|n| n.get()) == this;
            progress(0);
            next_task().await;
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            if !current() {
                return;
            }
            match &*reading {
                Reading::Text(then) => {
                    progress(50);
                    next_task().await;
                    if current() {
                        then(&ctx, text);
                    }
                }
                Reading::Csv(_, table) if crate::engine::table::is_table(&text) => {
                    progress(50);
                    next_task().await;
                    if current() {
                        table(&ctx, &text);
                    }
                }
                Reading::Csv(then, _) => {
                    let classes = ctx.settings.config.data.classes;
                    let total = text.len().max(1);
                    let mut csv = crate::engine::csv::Csv::default();
                    let (mut i, mut done) = (0, 0);
                    for line in text.lines() {
                        csv.read_line(i, line, classes);
                        i += 1;
                        done += line.len() + 1;
                        if i % CSV_LINES_PER_PART == 0 {
                            progress((done * 100 / total) as u32);
                            next_task().await;
                            if !current() {
                                return;
                            }
                        }
                    }
                    then(&ctx, csv);
                }
            }
            if shown {
                ctx.dispatch.emit(Action::Notes(Notes::DismissReading));
            }
        });
    })
}

/// Offers text as a file to save.
pub(super) fn download(name: &str, mime: &str, text: &str) {
    save_parts(name, mime, &js_sys::Array::of1(&JsValue::from_str(text)));
}

/// Offers bytes as a file to save.
pub(super) fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    save_parts(name, mime, &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)));
}

fn save_parts(name: &str, mime: &str, parts: &js_sys::Array) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // The JavaScript constructor takes any parts (strings, bytes); web-sys types them loosely.
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) {
        save_blob(&blob, name);
    }
}

/// Offers a blob as a file to save.
pub(super) fn save_blob(blob: &web_sys::Blob, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(a) = doc.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
