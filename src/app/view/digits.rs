//! The handwritten digits' own views, in the picture's place: a pad to draw a digit on
//! (`#digit-pad`: mouse, finger or pen), read by the network as the set's images were made,
//! with each digit's probability as bars (`data-probabilities`, JSON: digit → probability),
//! updated as the student draws and as the network trains; and the test images the network
//! gets wrong (`#digit-errors`), each with its guess (`data-count`: how many in all).

use super::ctx::*;
use super::panel::use_frame;
use crate::app::json;
use crate::engine::reading::{guess, Mistake};
use crate::engine::vectors::{digit_from_drawing, DIGIT_LEVELS, DIGIT_SIDE};

/// The pad's drawing resolution, in canvas pixels a side.
const PAD: usize = 112;
/// The pen's width, in pad pixels: a stroke about as thick, for its size, as the set's.
const PEN: f64 = 10.0;
/// Most test images the gallery shows.
const GALLERY: usize = 24;

/// A "2" drawn in 8 x 8 grey levels: the digits' button in the data column.
const ICON: [u8; 64] = [
    0, 0, 9, 16, 16, 10, 0, 0, 0, 6, 14, 3, 6, 16, 2, 0, 0, 0, 0, 0, 8, 15, 1, 0, 0, 0, 0, 4, 16, 6, 0, 0, 0, 0, 2, 15, 8, 0, 0, 0, 0, 1, 13, 10, 0, 0, 0, 0,
    0, 6, 16, 14, 12, 13, 9, 0, 0, 2, 9, 11, 12, 12, 6, 0,
];

/// Draws the digits' button picture.
pub(super) fn draw_icon(c: &web_sys::HtmlCanvasElement) {
    canvas::put_rgba(c, &grey_rgba(ICON.iter().map(|&v| v as Real / DIGIT_LEVELS as Real)), DIGIT_SIDE as u32, DIGIT_SIDE as u32);
}

/// The digits chosen as classes: a button per digit, pressed when chosen (`#digit-choice-N`);
/// a choice of fewer than two changes nothing and says why.
pub(super) fn digit_choice(ctx: &Ctx) -> Html {
    let chosen = &ctx.settings().config.data.digits;
    html! {
        <div class="digit-choice" role="group" aria-label={ctx.t(Text::DigitChoice)}>
            <p class="text">{ ctx.t(Text::DigitChoice) }</p>
            { for (0..10u8).map(|d| {
                let on = chosen.contains(&d);
                let next: Vec<u8> = if on { chosen.iter().copied().filter(|&x| x != d).collect() } else { chosen.iter().copied().chain([d]).collect() };
                let limit = next.len() < 2;
                html! {
                    <button id={format!("digit-choice-{d}")} class={classes!("digit-toggle", on.then_some("selected"))} aria-pressed={on.to_string()}
                        title={limit.then(|| ctx.t(Text::DigitChoiceLimit))} aria-disabled={limit.then_some("true")}
                        onclick={if limit { Callback::noop() } else { ctx.send(Action::Edit(Edit::Digits(next))) }}>{ d }</button>
                }
            }) }
            <p class="text hint">{ ctx.t(Text::DigitChoiceLimit) }</p>
        </div>
    }
}

/// What the pad and the gallery need.
#[derive(Properties, PartialEq)]
pub(super) struct DigitProps {
    pub run: RunDoor,
    pub lang: Lang,
    /// The digits chosen, class by class.
    pub digits: Vec<u8>,
}

/// An 8 x 8 image of grey levels (0 to 1) as RGBA: ink dark on white.
fn grey_rgba(levels: impl Iterator<Item = Real>) -> Vec<u8> {
    levels
        .flat_map(|v| {
            let g = (255.0 - v.clamp(0.0, 1.0) * 255.0) as u8;
            [g, g, g, 255]
        })
        .collect()
}

/// The pad's ink, 0 to 1 a pixel, from its canvas.
fn ink(canvas: &web_sys::HtmlCanvasElement) -> Vec<f32> {
    let side = PAD as f64;
    let Ok(image) = canvas::context(canvas).get_image_data(0.0, 0.0, side, side) else { return Vec::new() };
    image.data().chunks_exact(4).map(|px| px[3] as f32 / 255.0).collect()
}

/// A pointer's place on the pad, in pad pixels.
fn on_pad(e: &web_sys::PointerEvent) -> Option<(f64, f64)> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let rect = target.get_bounding_client_rect();
    let scale = PAD as f64 / rect.width().max(1.0);
    Some((e.offset_x() as f64 * scale, e.offset_y() as f64 * scale))
}

/// The pad, what the network sees of it, and each digit's probability.
#[function_component(DigitPad)]
pub(super) fn digit_pad(p: &DigitProps) -> Html {
    use_frame(&p.run);
    let (pad, seen) = (use_node_ref(), use_node_ref());
    // The drawing as the network's 64 inputs: none while the pad is empty.
    let levels = use_state(|| None::<[u8; DIGIT_SIDE * DIGIT_SIDE]>);
    let pen = use_memo((), |_| std::cell::Cell::new(None::<(f64, f64)>));
    let read = {
        let (pad, levels) = (pad.clone(), levels.clone());
        move || {
            let Some(c) = pad.cast::<web_sys::HtmlCanvasElement>() else { return };
            let drawn = digit_from_drawing(&ink(&c), PAD);
            levels.set(drawn.iter().any(|&v| v > 0).then_some(drawn));
        }
    };
    let stroke = move |pad: &NodeRef, from: (f64, f64), to: (f64, f64)| {
        let Some(c) = pad.cast::<web_sys::HtmlCanvasElement>() else { return };
        let g = canvas::context(&c);
        g.set_line_width(PEN);
        g.set_line_cap("round");
        g.set_stroke_style_str("#111");
        g.begin_path();
        g.move_to(from.0, from.1);
        g.line_to(to.0 + 0.01, to.1);
        g.stroke();
    };
    let down = {
        let (pad, pen, read) = (pad.clone(), pen.clone(), read.clone());
        Callback::from(move |e: web_sys::PointerEvent| {
            e.prevent_default();
            let Some(at) = on_pad(&e) else { return };
            if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = t.set_pointer_capture(e.pointer_id());
            }
            stroke(&pad, at, at);
            pen.set(Some(at));
            read();
        })
    };
    let moved = {
        let (pad, pen, read) = (pad.clone(), pen.clone(), read.clone());
        Callback::from(move |e: web_sys::PointerEvent| {
            let Some(from) = pen.get() else { return };
            let Some(at) = on_pad(&e) else { return };
            stroke(&pad, from, at);
            pen.set(Some(at));
            read();
        })
    };
    let up = {
        let pen = pen.clone();
        Callback::from(move |_: web_sys::PointerEvent| pen.set(None))
    };
    let clear = {
        let (pad, levels) = (pad.clone(), levels.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = pad.cast::<web_sys::HtmlCanvasElement>() {
                canvas::context(&c).clear_rect(0.0, 0.0, PAD as f64, PAD as f64);
            }
            levels.set(None);
        })
    };
    {
        let seen = seen.clone();
        use_effect_with(*levels, move |levels| {
            if let Some(c) = seen.cast::<web_sys::HtmlCanvasElement>() {
                let blank = [0; DIGIT_SIDE * DIGIT_SIDE];
                let rgba = grey_rgba(levels.as_ref().unwrap_or(&blank).iter().map(|&v| v as Real / DIGIT_LEVELS as Real));
                canvas::put_rgba(&c, &rgba, DIGIT_SIDE as u32, DIGIT_SIDE as u32);
            }
            || ()
        });
    }
    // Read as the training images are: grey levels over 16.
    let chances = levels.as_ref().and_then(|lv| {
        let row: Vec<Real> = lv.iter().map(|&v| v as Real / DIGIT_LEVELS as Real).collect();
        p.run.read(|r| r.trainer().filter(|t| t.split.rows.dims == row.len()).map(|t| t.probabilities_of(&row)))
    });
    let lang = p.lang;
    let probabilities = chances.as_ref().map(|ps| {
        let parts: Vec<(String, String)> = p.digits.iter().zip(ps).map(|(d, v)| (d.to_string(), json::number(*v))).collect();
        json::object(&parts.iter().map(|(k, v)| (k.as_str(), v.clone())).collect::<Vec<_>>())
    });
    let best = chances.as_deref().map(guess);
    let reading = match best.and_then(|b| p.digits.get(b)) {
        Some(d) => Text::DigitPadReads.get(lang).replace("{digit}", &d.to_string()),
        None => Text::DigitPadEmpty.get(lang).to_string(),
    };
    html! {
        <section id="digit-pad" class="digit-pad" aria-label={Text::DigitPadTitle.get(lang)} data-probabilities={probabilities}>
            <h3>{ Text::DigitPadTitle.get(lang) }</h3>
            <div class="pad-row">
                <canvas ref={pad} class="pad" width={PAD.to_string()} height={PAD.to_string()} role="img" aria-label={Text::DigitPadHint.get(lang)}
                    onpointerdown={down} onpointermove={moved} onpointerup={up.clone()} onpointercancel={up}></canvas>
                <ul class="chances" aria-label={Text::DigitPadChances.get(lang)}>
                    { for p.digits.iter().enumerate().map(|(c, d)| {
                        let v = chances.as_ref().and_then(|ps| ps.get(c)).copied().unwrap_or(0.0);
                        html! {
                            <li data-digit={d.to_string()} class={classes!((best == Some(c)).then_some("best"))}>
                                <span class="digit">{ d }</span>
                                <span class="bar"><span style={format!("width:{:.1}%", v * 100.0)}></span></span>
                                <span class="share">{ if chances.is_some() { format!("{:.0}%", v * 100.0) } else { String::new() } }</span>
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <div class="pad-tools">
                <figure class="seen">
                    <canvas ref={seen} width="8" height="8" role="img" aria-label={Text::DigitPadSeen.get(lang)}></canvas>
                    <figcaption>{ Text::DigitPadSeen.get(lang) }</figcaption>
                </figure>
                <p class="reading" aria-live="polite">{ reading }</p>
                <button id="digit-clear" class="tool" onclick={clear}>{ Text::DigitPadClear.get(lang) }</button>
            </div>
        </section>
    }
}

/// The test images the network gets wrong, each with its guess.
#[function_component(DigitErrors)]
pub(super) fn digit_errors(p: &DigitProps) -> Html {
    use_frame(&p.run);
    let list = use_node_ref();
    let (wrong, total) = p.run.read(|r| r.trainer().map(|t| (t.test_mistakes(usize::MAX), t.split.test.len())).unwrap_or_default());
    let shown: Vec<Mistake> = wrong.iter().take(GALLERY).copied().collect();
    {
        let (list, run) = (list.clone(), p.run.clone());
        use_effect_with(shown.clone(), move |shown| {
            let canvases = list.cast::<web_sys::Element>().and_then(|l| l.query_selector_all("canvas").ok());
            if let Some(canvases) = canvases {
                run.read(|r| {
                    let Some(t) = r.trainer() else { return };
                    for (i, m) in shown.iter().enumerate() {
                        let c = canvases.get(i as u32).and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
                        if let (Some(c), Some(row)) = (c, t.test_row(m.index)) {
                            canvas::put_rgba(&c, &grey_rgba(row.iter().copied()), DIGIT_SIDE as u32, DIGIT_SIDE as u32);
                        }
                    }
                });
            }
            || ()
        });
    }
    let (lang, name) = (p.lang, |c: usize| p.digits.get(c).map_or(String::new(), |d| d.to_string()));
    let count = Text::DigitErrorsCount
        .get(lang)
        .replace("{count}", &wrong.len().to_string())
        .replace("{total}", &total.to_string())
        .replace("{shown}", &shown.len().to_string());
    html! {
        <section id="digit-errors" class="digit-errors" aria-label={Text::DigitErrorsTitle.get(lang)} data-count={wrong.len().to_string()}>
            <h3>{ Text::DigitErrorsTitle.get(lang) }</h3>
            <p class="text">{ if wrong.is_empty() && total > 0 { Text::DigitErrorsNone.get(lang).to_string() } else { count } }</p>
            <ul ref={list}>
                { for shown.iter().map(|m| {
                    let words = Text::DigitErrorItem.get(lang).replace("{digit}", &name(m.class)).replace("{guess}", &name(m.guess));
                    html! {
                        <li key={m.index} data-digit={name(m.class)} data-guess={name(m.guess)}>
                            <canvas width="8" height="8" role="img" aria-label={words.clone()}></canvas>
                            <span aria-hidden="true">{ format!("{} → {}", name(m.class), name(m.guess)) }</span>
                        </li>
                    }
                }) }
            </ul>
            <p class="text source">{ Text::DigitSource.get(lang) }</p>
        </section>
    }
}
