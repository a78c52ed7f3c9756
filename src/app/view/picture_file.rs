//! A photo opened as the picture to paint: decoded by the browser (PNG or JPEG), scaled down
//! to at most the picture's limit a side, its transparent parts laid on white. A file that is
//! too large or not a picture changes nothing and says so.

use super::ctx::*;
use crate::engine::limits::{MAX_FILE_BYTES, MAX_PICTURE_SIDE};
use crate::engine::picture::Picture;

/// The file input's handler: the photo chosen becomes the picture, with these classes.
pub(super) fn picture_loader(ctx: &Ctx, names: Vec<String>) -> Callback<Event> {
    let d = ctx.dispatch.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let (name, size) = (file.name(), file.size());
        if size > MAX_FILE_BYTES {
            d.emit(Action::Notes(Notes::Show(Notice::FileTooLarge(name, size))));
            return;
        }
        let (d, names) = (d.clone(), names.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let typed = matches!(file.type_().as_str(), "image/png" | "image/jpeg" | "image/jpg" | "");
            match decode(&file, names).await.filter(|_| typed) {
                Some(picture) => d.emit(Action::Points(Points::Picture(Some(Rc::new(picture))))),
                None => d.emit(Action::Notes(Notes::Show(Notice::PictureRefused(name)))),
            }
        });
    })
}

/// The sides a picture of `width` x `height` is scaled down to.
pub(super) fn scaled_sides(width: u32, height: u32) -> (u32, u32) {
    let scale = (MAX_PICTURE_SIDE as f64 / width.max(height).max(1) as f64).min(1.0);
    let side = |v: u32| ((v as f64 * scale).round() as u32).clamp(1, MAX_PICTURE_SIDE as u32);
    (side(width), side(height))
}

/// The file's picture, none when the browser cannot decode it.
async fn decode(file: &web_sys::File, names: Vec<String>) -> Option<Picture> {
    let window = web_sys::window()?;
    let promise = window.create_image_bitmap_with_blob(file).ok()?;
    let bitmap: web_sys::ImageBitmap = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    let (w, h) = scaled_sides(bitmap.width(), bitmap.height());
    let c: web_sys::HtmlCanvasElement = window.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    c.set_width(w);
    c.set_height(h);
    let g = canvas::context(&c);
    g.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w as f64, h as f64).ok()?;
    bitmap.close();
    let rgba = g.get_image_data(0.0, 0.0, w as f64, h as f64).ok()?.data();
    let on_white = |v: u8, a: u8| ((v as u32 * a as u32 + 255 * (255 - a as u32)) / 255) as u8;
    let rgb = rgba.chunks_exact(4).flat_map(|px| [on_white(px[0], px[3]), on_white(px[1], px[3]), on_white(px[2], px[3])]).collect();
    Picture::new(w as usize, h as usize, rgb, names).ok()
}
