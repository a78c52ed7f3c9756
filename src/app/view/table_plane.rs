//! A table's plane, in the picture's place (`#table-picture`): two of its input columns as the
//! axes (`#table-plane-x`, `#table-plane-y`), every other input held at its training mean
//! (said under it), the network's output over that plane as the heatmap shows it for points,
//! and the training rows placed by their two values. `#table-plane` carries the columns shown
//! (`data-columns`, JSON) and the share of the plane each class takes (`data-shares`).

use super::ctx::*;
use super::panel::use_frame;
use crate::app::json;
use crate::engine::table_plane::{TablePlane, SIDE};
use crate::render::colour::{fill_classes, Palette};

/// Properties of [`TablePlanePanel`].
#[derive(Properties, PartialEq)]
pub(super) struct TablePlaneProps {
    pub run: RunDoor,
    pub lang: Lang,
    /// The input columns' names and ranges in their own units.
    pub names: Vec<String>,
    pub ranges: Vec<(f64, f64)>,
    /// The columns shown, x then y.
    pub columns: [usize; 2],
    pub dispatch: Callback<Action>,
    /// The picture's side, in CSS pixels.
    pub side: f64,
}

/// The plane's colours, as RGBA.
fn plane_rgba(p: &TablePlane) -> Vec<u8> {
    let mut rgba = vec![0; SIDE * SIDE * 4];
    if p.classes > 1 {
        fill_classes(&p.outputs, p.classes, false, &mut rgba);
    } else {
        Palette::new().fill(&p.outputs, false, &mut rgba);
    }
    rgba
}

/// Each class's share of the plane (for one output, the share on each side of 0).
fn shares(p: &TablePlane) -> Vec<f64> {
    let cells = SIDE * SIDE;
    let mut counts = vec![0usize; p.classes.max(2)];
    for cell in 0..cells {
        let class = match p.classes {
            1 => usize::from(p.outputs[cell] >= 0.0),
            k => (0..k).max_by(|&a, &b| p.outputs[a * cells + cell].total_cmp(&p.outputs[b * cells + cell])).unwrap_or(0),
        };
        counts[class] += 1;
    }
    counts.iter().map(|&n| n as f64 / cells as f64).collect()
}

/// The plane of two columns, with a choice of each.
#[function_component(TablePlanePanel)]
pub(super) fn table_plane_panel(p: &TablePlaneProps) -> Html {
    let stamp = use_frame(&p.run);
    let (heat, dots) = (use_node_ref(), use_node_ref());
    let lang = p.lang;
    {
        let (heat, dots, run, side) = (heat.clone(), dots.clone(), p.run.clone(), (p.side * 0.72).round());
        use_effect_with((stamp, p.columns, side as u32), move |_| {
            run.read(|r| {
                let Some(plane) = r.derived().table_plane() else { return };
                if let Some(c) = heat.cast::<web_sys::HtmlCanvasElement>() {
                    canvas::put_rgba(&c, &plane_rgba(plane), SIDE as u32, SIDE as u32);
                }
                if let Some(c) = dots.cast::<web_sys::HtmlCanvasElement>() {
                    let g = canvas::hidpi(&c, side, side);
                    let points: Vec<crate::engine::Point> = plane.points.iter().map(|&[x, y, label]| crate::engine::Point { x, y, label }).collect();
                    canvas::draw_points(&g, &points, side, (-1.0, 1.0), plane.classes.max(2), false, 3.0);
                }
            });
            || ()
        });
    }
    let figures = p.run.read(|r| r.derived().table_plane().map(|plane| (plane.columns == p.columns).then(|| shares(plane))));
    let choose = |axis: usize| {
        let (d, columns) = (p.dispatch.clone(), p.columns);
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let Ok(chosen) = select.value().parse::<usize>() else { return };
            let mut next = columns;
            next[axis] = chosen;
            // The other axis gives way when it showed the column chosen.
            if next[0] == next[1] {
                next[1 - axis] = columns[axis];
            }
            d.emit(Action::Panel(Panel::TablePlane(next)));
        })
    };
    let select = |axis: usize, id: &'static str, label: Text| {
        html! {
            <label class="field">{ label.get(lang) }
                <select {id} onchange={choose(axis)}>
                    { for p.names.iter().enumerate().map(|(i, name)| html! { <option value={i.to_string()} selected={i == p.columns[axis]}>{ name.clone() }</option> }) }
                </select>
            </label>
        }
    };
    let range = |c: usize| p.ranges.get(c).map_or(String::new(), |(lo, hi)| format!("{} … {}", json::number(*lo), json::number(*hi)));
    let held: Vec<String> = (0..p.names.len()).filter(|c| !p.columns.contains(c)).map(|c| p.names[c].clone()).collect();
    // Smaller than the points' picture, so that the choices and the words above and under it
    // keep the losses and the chart where they are.
    let side = (p.side * 0.72).round();
    html! {
        <section id="table-picture" class="table-plane" aria-label={Text::TablePlaneTitle.get(lang)}>
            <div class="plane-axes">
                { select(0, "table-plane-x", Text::TablePlaneX) }
                { select(1, "table-plane-y", Text::TablePlaneY) }
            </div>
            <div id="table-plane" class="plane" style={format!("width:{side}px;height:{side}px")}
                data-columns={json::list(p.columns.iter().map(|c| c.to_string()))}
                data-shares={figures.flatten().map(|s| json::list(s.iter().map(|v| json::number(*v))))}>
                <canvas ref={heat} width={SIDE.to_string()} height={SIDE.to_string()} role="img"
                    aria-label={Text::TablePlaneTitle.get(lang)}></canvas>
                <canvas ref={dots} class="plane-points" style={format!("width:{side}px;height:{side}px")}></canvas>
            </div>
            <p class="text hint" id="table-plane-axes">{ Text::TablePlaneSaid.get(lang)
                .replace("{x}", &p.names[p.columns[0]]).replace("{xrange}", &range(p.columns[0]))
                .replace("{y}", &p.names[p.columns[1]]).replace("{yrange}", &range(p.columns[1]))
                .replace("{held}", &if held.is_empty() { Text::TablePlaneNoneHeld.get(lang).to_string() } else { held.join(", ") }) }</p>
        </section>
    }
}
