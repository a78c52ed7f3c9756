//! A QR code made by the worker and drawn on a canvas (black modules on white, with the quiet
//! zone of four modules the standard asks for), or a line saying the text is too long for one.

use super::ctx::*;
use door::Qr;

/// Pixels per module on the canvas (CSS may show it smaller or larger, without smoothing).
const MODULE_PX: usize = 4;
/// Light modules around the code.
const QUIET: usize = 4;

/// Properties of [`QrCanvas`].
#[derive(Properties, PartialEq)]
pub(super) struct QrProps {
    pub ctx: Ctx,
    /// The canvas's id.
    pub id: AttrValue,
    /// What the code holds.
    pub text: AttrValue,
    /// The largest QR version allowed.
    pub max_version: u8,
    /// What the code is, for a screen reader.
    pub label: AttrValue,
}

/// The modules as RGBA, `MODULE_PX` pixels each, with the quiet zone.
fn pixels(code: &Qr) -> (Vec<u8>, u32) {
    let n = code.size as usize;
    let side = (n + 2 * QUIET) * MODULE_PX;
    let mut rgba = vec![255u8; side * side * 4];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = ((x / MODULE_PX).wrapping_sub(QUIET), (y / MODULE_PX).wrapping_sub(QUIET));
            if mx < n && my < n && code.modules[my * n + mx] == 1 {
                rgba[(y * side + x) * 4..][..3].fill(0);
            }
        }
    }
    (rgba, side as u32)
}

/// The QR code of `text`, asked of the worker whenever the text changes.
#[function_component(QrCanvas)]
pub(super) fn qr_canvas(p: &QrProps) -> Html {
    // None while the worker works; Some(None) when the text does not fit one code.
    let code = use_state(|| None::<Option<Rc<Qr>>>);
    {
        let (code, run, max_version) = (code.clone(), p.ctx.run.clone(), p.max_version);
        use_effect_with(p.text.clone(), move |text| {
            code.set(None);
            let heard = Callback::from(move |qr: Option<Box<Qr>>| code.set(Some(qr.map(|q| Rc::new(*q)))));
            run.send(Command::ask(door::Ask::Qr { text: text.to_string(), max_version }, heard));
            || ()
        });
    }
    {
        let id = p.id.clone();
        use_effect_with(code.as_ref().and_then(|c| c.clone()), move |qr| {
            if let (Some(qr), Some(canvas)) = (qr, canvas_by_id(&id)) {
                let (rgba, side) = pixels(qr);
                canvas::put_rgba(&canvas, &rgba, side, side);
            }
            || ()
        });
    }
    match code.as_ref() {
        Some(None) => html! { <p id={format!("{}-too-large", p.id)} class="qr-too-large" role="status">{ p.ctx.t(Text::QrTooLarge) }</p> },
        Some(Some(qr)) => html! {
            <canvas id={p.id.clone()} class="qr" role="img" aria-label={p.label.clone()} data-size={qr.size.to_string()}
                width={((qr.size as usize + 2 * QUIET) * MODULE_PX).to_string()} height={((qr.size as usize + 2 * QUIET) * MODULE_PX).to_string()}></canvas>
        },
        None => html! { <canvas id={p.id.clone()} class="qr waiting" role="img" aria-label={p.label.clone()} width="1" height="1"></canvas> },
    }
}
