//! "Tu imagen": a picture the class paints. The data column's button opens it (the satellite
//! scene in true colour to start with; `#picture-load` opens any PNG or JPEG, scaled down to
//! the limit), its tools choose the brush of each class (named by the class), rub out, add or
//! remove a class and add the pixel's place to its colour. In the picture's place
//! (`#picture-view`) the picture takes the strokes (`#picture-canvas`: mouse, finger or pen),
//! and beside it the network maps every pixel as it trains (`#picture-map`), with each class's
//! share (`data-shares`, JSON: a share per class, in class order; `data-painted`: the painted
//! pixels of each class). Nothing leaves the page.

use super::ctx::*;
use super::panel::use_frame;
use crate::app::json;
use crate::engine::limits::{MAX_PICTURE_CLASSES, MAX_PICTURE_NAME_CHARS, MAX_PICTURE_SIDE};
use crate::engine::picture::{scene_picture, Picture};
use crate::render::colour::{class_colour, hex};

/// The brush of [`AppState::draw_class`] that rubs paint out.
pub const ERASER: usize = usize::MAX;
/// The classes' names to start with: the satellite scene's covers.
const NAMES: [Text; MAX_PICTURE_CLASSES] = [Text::CoverWater, Text::CoverVegetation, Text::CoverSoil, Text::CoverCloud];
/// How much of a painted pixel's colour is its class's.
const PAINT: f32 = 0.7;

/// The name a new class `c` gets.
fn new_name(c: usize, lang: Lang) -> String {
    NAMES.get(c).map_or_else(|| format!("{}", c + 1), |t| t.get(lang).to_string())
}

/// The picture to start with: the satellite scene of the data's seed, water and vegetation.
pub(super) fn first_picture(seed: u64, lang: Lang) -> Picture {
    scene_picture(seed, (0..2).map(|c| new_name(c, lang)).collect())
}

/// The classes' colours, by class.
fn colours(p: &Picture) -> Vec<[u8; 3]> {
    (0..p.names.len()).map(|c| class_colour(c, p.names.len())).collect()
}

/// The picture with its strokes, as RGBA.
fn painted_rgba(p: &Picture) -> Vec<u8> {
    let colours = colours(p);
    let mix = |a: u8, b: u8| (a as f32 * (1.0 - PAINT) + b as f32 * PAINT) as u8;
    p.rgb
        .chunks_exact(3)
        .zip(&p.paint)
        .flat_map(|(px, &class)| match class.checked_sub(1).and_then(|c| colours.get(c as usize)) {
            Some(c) => [mix(px[0], c[0]), mix(px[1], c[1]), mix(px[2], c[2]), 255],
            None => [px[0], px[1], px[2], 255],
        })
        .collect()
}

/// The network's map as RGBA: each class's colour, shaded by the picture's brightness.
fn map_rgba(p: &Picture, classes: &[u8]) -> Vec<u8> {
    let colours = colours(p);
    p.rgb
        .chunks_exact(3)
        .zip(classes)
        .flat_map(|(px, &c)| {
            let light = 0.75 + 0.25 * (0.3 * px[0] as f32 + 0.59 * px[1] as f32 + 0.11 * px[2] as f32) / 255.0;
            let [r, g, b] = colours.get(c as usize).copied().unwrap_or([0, 0, 0]);
            [r as f32 * light, g as f32 * light, b as f32 * light].map(|v| v.min(255.0) as u8).into_iter().chain([255])
        })
        .collect()
}

/// The class a brush paints (none: the eraser).
fn brush_of(brush: usize, p: &Picture) -> Option<usize> {
    (brush != ERASER).then(|| brush.min(p.names.len() - 1))
}

/// The data column's button that opens the picture (pressed while it is open).
pub(super) fn picture_button(ctx: &Ctx, open: bool) -> Html {
    let s = ctx.settings();
    let label = ctx.t(Text::PictureButton);
    let (seed, lang) = (s.config.data.seed, s.lang);
    let onclick = ctx.dispatch.reform(move |_: MouseEvent| Action::Points(Points::Picture(Some(Rc::new(first_picture(seed, lang))))));
    html! {
        <button key="picture" class={classes!("dataset", open.then_some("selected"))} id="picture-button" role="radio" aria-checked={open.to_string()}
            aria-label={label} title={label} onclick={if open { Callback::noop() } else { onclick }}>
            <canvas id="dataset-picture" width="52" height="52"></canvas>
            <span class="dataset-name">{ label }</span>
        </button>
    }
}

/// Draws the picture button's image: the scene of `seed`, small.
pub(super) fn draw_icon(c: &web_sys::HtmlCanvasElement, seed: u64) {
    let p = first_picture(seed, Lang::Es);
    const SIDE: usize = 52;
    let rgba: Vec<u8> = (0..SIDE * SIDE)
        .flat_map(|i| p.rgb[3 * ((i / SIDE) * p.height / SIDE * p.width + (i % SIDE) * p.width / SIDE)..][..3].iter().copied().chain([255]))
        .collect();
    canvas::put_rgba(c, &rgba, SIDE as u32, SIDE as u32);
}

/// The picture's tools in the data column: the classes' names, classes added or removed,
/// strokes cleared, the place as inputs, another photo opened.
pub(super) fn picture_tools(ctx: &Ctx, p: &Rc<Picture>) -> Html {
    let lang = ctx.settings().lang;
    let k = p.names.len();
    let change = |f: fn(&mut Picture)| {
        let (p, d) = (p.clone(), ctx.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*p).clone();
            f(&mut next);
            d.emit(Action::Points(Points::Picture(Some(Rc::new(next)))));
        })
    };
    let rename = |c: usize| {
        let (p, d) = (p.clone(), ctx.dispatch.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let name: String = input.value().trim().chars().take(MAX_PICTURE_NAME_CHARS).collect();
            if !name.is_empty() && p.names[c] != name {
                let mut next = (*p).clone();
                next.names[c] = name;
                d.emit(Action::Points(Points::Picture(Some(Rc::new(next)))));
            }
        })
    };
    let add = {
        let (p, d) = (p.clone(), ctx.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*p).clone();
            next.names.push(new_name(next.names.len(), lang));
            d.emit(Action::Points(Points::Picture(Some(Rc::new(next)))));
        })
    };
    let colours = colours(p);
    let size =
        Text::PictureSize.get(lang).replace("{w}", &p.width.to_string()).replace("{h}", &p.height.to_string()).replace("{max}", &MAX_PICTURE_SIDE.to_string());
    html! {
        <div class="picture-tools" id="picture-tools">
            <p class="text">{ ctx.t(Text::PictureBrushes) }</p>
            <ul class="picture-names">
                { for p.names.iter().enumerate().map(|(c, name)| html! {
                    <li key={c}>
                        <span class="swatch" style={format!("background:{}", hex(colours[c]))}></span>
                        <input id={format!("picture-name-{c}")} type="text" value={name.clone()} maxlength={MAX_PICTURE_NAME_CHARS.to_string()}
                            aria-label={ctx.t(Text::PictureClassName).replace("{n}", &(c + 1).to_string())} onchange={rename(c)} />
                    </li>
                }) }
            </ul>
            <div class="draw-buttons">
                if k < MAX_PICTURE_CLASSES { <button id="picture-add-class" class="tool" onclick={add}>{ ctx.t(Text::PictureAddClass) }</button> }
                if k > 2 {
                    <button id="picture-remove-class" class="tool" onclick={change(|p| {
                        let k = p.names.len() as u8;
                        p.names.pop();
                        p.paint.iter_mut().filter(|v| **v == k).for_each(|v| *v = 0);
                    })}>{ ctx.t(Text::PictureRemoveClass) }</button>
                }
                <button id="picture-clear" class="tool" onclick={change(|p| p.paint.fill(0))}>{ ctx.t(Text::PictureClear) }</button>
            </div>
            <label class="check"><input type="checkbox" id="picture-position" checked={p.position} onclick={change(|p| p.position = !p.position)} />
                { ctx.t(Text::PicturePosition) }</label>
            <label class="tool file wide">{ ctx.t(Text::PictureOpen) }
                <input type="file" id="picture-load" accept="image/png,image/jpeg" onchange={super::picture_file::picture_loader(ctx, p.names.clone())} />
            </label>
            <p class="text hint" id="picture-size">{ size }</p>
            <p class="text hint">{ ctx.t(Text::PicturePrivate) }</p>
            <p class="text hint">{ ctx.t(Text::PictureSample) }</p>
        </div>
    }
}

/// The brushes, one per class, and the eraser: what a stroke on the picture paints.
fn brushes(p: &Picture, brush: usize, d: &Callback<Action>, lang: Lang) -> Html {
    let brush = brush_of(brush, p).unwrap_or(ERASER);
    let colours = colours(p);
    let pick = |b: usize| d.reform(move |_: MouseEvent| Action::Points(Points::DrawClass(b)));
    html! {
        <div class="picture-brushes" role="radiogroup" aria-label={Text::PictureBrushes.get(lang)}>
            { for p.names.iter().enumerate().map(|(c, name)| html! {
                <button key={c} id={format!("picture-brush-{c}")} class={classes!("tool", "brush", (brush == c).then_some("selected"))} role="radio"
                    aria-checked={(brush == c).to_string()} title={format!("{} {name}", Text::PictureBrush.get(lang))} onclick={pick(c)}>
                    <span class="swatch" style={format!("background:{}", hex(colours[c]))}></span>{ name.clone() }</button>
            }) }
            <button key="eraser" id="picture-eraser" class={classes!("tool", "brush", (brush == ERASER).then_some("selected"))} role="radio"
                aria-checked={(brush == ERASER).to_string()} onclick={pick(ERASER)}>{ Text::PictureEraser.get(lang) }</button>
        </div>
    }
}

/// Properties of [`PicturePanel`].
#[derive(Properties, PartialEq)]
pub(super) struct PictureProps {
    pub run: RunDoor,
    pub lang: Lang,
    pub picture: Rc<Picture>,
    /// The brush: a class, or [`ERASER`].
    pub brush: usize,
    pub dispatch: Callback<Action>,
    /// The picture place's side, in CSS pixels.
    pub side: f64,
}

/// A pointer's place on the picture, in its pixels.
fn on_picture(e: &web_sys::PointerEvent, p: &Picture) -> Option<(f64, f64)> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let rect = target.get_bounding_client_rect();
    Some((e.offset_x() as f64 / rect.width().max(1.0) * p.width as f64, e.offset_y() as f64 / rect.height().max(1.0) * p.height as f64))
}

/// The picture with its strokes, and the network's map of it.
#[function_component(PicturePanel)]
pub(super) fn picture_panel(p: &PictureProps) -> Html {
    let stamp = use_frame(&p.run);
    let (paint, map) = (use_node_ref(), use_node_ref());
    // The picture as a stroke paints it, until the stroke ends; the pointer's last place.
    let working = use_memo((), |_| std::cell::Cell::new(None::<Picture>));
    let pen = use_memo((), |_| std::cell::Cell::new(None::<(f64, f64)>));
    let lang = p.lang;
    let (w, h) = (p.picture.width as u32, p.picture.height as u32);
    let brush = brush_of(p.brush, &p.picture);
    let radius = (p.picture.width.max(p.picture.height) as f64 / 40.0).max(1.5);
    {
        let (paint, picture) = (paint.clone(), p.picture.clone());
        use_effect_with(picture, move |picture| {
            if let Some(c) = paint.cast::<web_sys::HtmlCanvasElement>() {
                canvas::put_rgba(&c, &painted_rgba(picture), picture.width as u32, picture.height as u32);
            }
            || ()
        });
    }
    {
        let (map, run, picture) = (map.clone(), p.run.clone(), p.picture.clone());
        use_effect_with((stamp, picture), move |(_, picture)| {
            run.read(|r| {
                let Some(m) = r.derived().picture().filter(|m| m.classes.len() == picture.width * picture.height) else { return };
                if let Some(c) = map.cast::<web_sys::HtmlCanvasElement>() {
                    canvas::put_rgba(&c, &map_rgba(picture, &m.classes), picture.width as u32, picture.height as u32);
                }
            });
            || ()
        });
    }
    let stroke = {
        let (paint, working, pen) = (paint.clone(), working.clone(), pen.clone());
        move |e: &web_sys::PointerEvent, picture: &Picture| {
            let Some(at) = on_picture(e, picture) else { return };
            let mut next = working.take().unwrap_or_else(|| picture.clone());
            next.paint_line(brush, pen.get().unwrap_or(at), at, radius);
            if let Some(c) = paint.cast::<web_sys::HtmlCanvasElement>() {
                canvas::put_rgba(&c, &painted_rgba(&next), next.width as u32, next.height as u32);
            }
            working.set(Some(next));
            pen.set(Some(at));
        }
    };
    let down = {
        let (stroke, picture, pen) = (stroke.clone(), p.picture.clone(), pen.clone());
        Callback::from(move |e: web_sys::PointerEvent| {
            e.prevent_default();
            if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = t.set_pointer_capture(e.pointer_id());
            }
            pen.set(None);
            stroke(&e, &picture);
        })
    };
    let moved = {
        let (picture, pen) = (p.picture.clone(), pen.clone());
        Callback::from(move |e: web_sys::PointerEvent| {
            if pen.get().is_some() {
                stroke(&e, &picture);
            }
        })
    };
    let up = {
        let (working, pen, d) = (working.clone(), pen.clone(), p.dispatch.clone());
        Callback::from(move |_: web_sys::PointerEvent| {
            pen.set(None);
            if let Some(next) = working.take() {
                d.emit(Action::Points(Points::Picture(Some(Rc::new(next)))));
            }
        })
    };
    let shares = p.run.read(|r| r.derived().picture().filter(|m| m.shares.len() == p.picture.names.len()).map(|m| m.shares.clone()));
    let painted = p.picture.painted();
    // Read from the painted counts (the table itself is made once per stroke, in the reducer).
    let status = match painted.iter().position(|&n| n == 0) {
        Some(c) => Text::PictureNeedsPaint.get(lang).replace("{class}", &p.picture.names[c]),
        None => Text::PictureLearns
            .get(lang)
            .replace("{pixels}", &painted.iter().sum::<usize>().to_string())
            .replace("{place}", if p.picture.position { Text::PicturePlace.get(lang) } else { "" })
            .replace("{total}", &(w * h).to_string()),
    };
    let colours = colours(&p.picture);
    let wide = (p.side / 2.0 - 4.0).floor();
    let style = format!("width:{wide}px;aspect-ratio:{w}/{h}");
    html! {
        <section id="picture-view" class="picture-view" aria-label={Text::PictureTitle.get(lang)} style={format!("width:{}px", p.side)}
            data-shares={shares.as_ref().map(|s| json::list(s.iter().map(|v| json::number(*v))))}
            data-painted={json::list(painted.iter().map(|n| n.to_string()))}>
            <h3>{ Text::PictureTitle.get(lang) }</h3>
            <div class="picture-pair">
                <figure>
                    <canvas id="picture-canvas" ref={paint} class="paintable" width={w.to_string()} height={h.to_string()} {style}
                        role="img" aria-label={Text::PicturePaintCaption.get(lang)}
                        onpointerdown={down} onpointermove={moved} onpointerup={up.clone()} onpointercancel={up}></canvas>
                    <figcaption>{ Text::PicturePaintCaption.get(lang) }</figcaption>
                </figure>
                <figure>
                    <canvas id="picture-map" ref={map} width={w.to_string()} height={h.to_string()} style={format!("width:{wide}px;aspect-ratio:{w}/{h}")}
                        role="img" aria-label={Text::PictureMapCaption.get(lang)}></canvas>
                    <figcaption>{ Text::PictureMapCaption.get(lang) }</figcaption>
                </figure>
            </div>
            { brushes(&p.picture, p.brush, &p.dispatch, lang) }
            <p id="picture-status" class="text" aria-live="polite">{ status }</p>
            <ul class="scene-shares" id="picture-shares" aria-label={Text::PictureShares.get(lang)}>
                { for p.picture.names.iter().enumerate().map(|(c, name)| html! {
                    <li data-class={c.to_string()}><span class="swatch" style={format!("background:{}", hex(colours[c]))}></span>
                        { match shares.as_ref().and_then(|s| s.get(c)) {
                            Some(share) => format!("{name} {:.0} %", share * 100.0),
                            None => name.clone(),
                        } }</li>
                }) }
            </ul>
            if shares.is_none() { <p class="text hint">{ Text::PictureWaiting.get(lang) }</p> }
        </section>
    }
}
