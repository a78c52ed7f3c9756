//! The link in the address bar read into settings, and the sets of points too large for a
//! link kept in this browser (`points=page:NAME`).

use super::ctx::*;
use crate::app::json;
use crate::engine::axes::{Axes, Axis};
use crate::engine::Point;

pub(super) fn browser_lang() -> Lang {
    web_sys::window().and_then(|w| w.navigator().language()).map(|l| Lang::from_browser(&l)).unwrap_or(Lang::En)
}

pub(super) fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Where the page keeps a set of points too large for a link: this, then `-` and the set's
/// name (`points=page:NAME`); earlier versions kept one set under this alone.
pub(super) const POINTS_STORAGE_KEY: &str = "neurona-points";
/// The names of the sets kept, oldest first, so that the oldest go when storage is full.
pub(super) const POINTS_INDEX_KEY: &str = "neurona-points-index";
/// At most this many sets are kept in the browser.
pub(super) const POINTS_KEPT: usize = 8;

pub(super) fn points_storage_key(name: &str) -> String {
    if name.is_empty() {
        POINTS_STORAGE_KEY.to_string()
    } else {
        format!("{POINTS_STORAGE_KEY}-{name}")
    }
}

/// Keeps a set of points under its own name; the oldest sets go when there are too many or
/// the storage is full. A set already kept is the same set (its name is its hash). Whether
/// it was kept (no storage, or storage too full even for it alone: not).
pub(super) fn keep_points(name: &str, json: &str) -> bool {
    let Some(s) = storage() else { return false };
    let mut index: Vec<String> = s
        .get_item(POINTS_INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|t| js_sys::JSON::parse(&t).ok())
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .map(|names| names.iter().filter_map(|n| n.as_string()).collect())
        .unwrap_or_default();
    index.retain(|n| n != name);
    index.push(name.to_string());
    while index.len() > POINTS_KEPT {
        let _ = s.remove_item(&points_storage_key(&index.remove(0)));
    }
    let mut kept = s.set_item(&points_storage_key(name), json).is_ok();
    while !kept && index.len() > 1 {
        let _ = s.remove_item(&points_storage_key(&index.remove(0)));
        kept = s.set_item(&points_storage_key(name), json).is_ok();
    }
    if !kept {
        index.pop();
    }
    let _ = s.set_item(POINTS_INDEX_KEY, &json::list(index.iter().map(|n| json::string(n))));
    kept
}

/// The user's points as this browser keeps them, with their axes.
pub(super) struct StoredPoints {
    pub(super) points: Vec<Point>,
    pub(super) axes: Axes,
}

/// The points and their axes as this browser keeps them: JSON,
/// `{"points": [{"x": .., "y": .., "label": ..}, ..], "axes": {"x": {"name": .., "min": .., "max": ..}, "y": ..}}`.
pub(super) fn stored_json(points: &[Point], axes: &Axes) -> String {
    let point = |p: &Point| json::object(&[("x", json::number(p.x)), ("y", json::number(p.y)), ("label", json::number(p.label))]);
    let axis = |a: &Axis| json::object(&[("name", json::string(&a.name)), ("min", json::number(a.min)), ("max", json::number(a.max))]);
    json::object(&[("points", json::list(points.iter().map(point))), ("axes", json::object(&[("x", axis(&axes.x)), ("y", axis(&axes.y))]))])
}

/// Reads a set of points as this browser keeps it, with the browser's own JSON reader: the
/// points and their axes (an axis or a field of one left out is the plane's own), or, as
/// earlier versions kept them, the points alone on the plane's own axes. `None` when the text
/// is no such set.
fn read_stored(text: &str) -> Option<StoredPoints> {
    let value = js_sys::JSON::parse(text).ok()?;
    let field = |v: &JsValue, name: &str| js_sys::Reflect::get(v, &JsValue::from_str(name)).ok().filter(|f| !f.is_undefined());
    let number = |v: &JsValue, name: &str| field(v, name)?.as_f64().map(|n| n as Real);
    let points = |list: &JsValue| -> Option<Vec<Point>> {
        let list = list.dyn_ref::<js_sys::Array>()?;
        list.iter().map(|p| Some(Point { x: number(&p, "x")?, y: number(&p, "y")?, label: number(&p, "label")? })).collect()
    };
    if js_sys::Array::is_array(&value) {
        return Some(StoredPoints { points: points(&value)?, axes: Axes::default() });
    }
    let axis = |axes: Option<&JsValue>, name: &str| -> Option<Axis> {
        let plane = Axis::default();
        let Some(a) = axes.and_then(|axes| field(axes, name)) else { return Some(plane) };
        let text = |key: &str| field(&a, key).map(|v| v.as_string()).unwrap_or(Some(plane.name.clone()));
        let value = |key: &str, or: Real| field(&a, key).map_or(Some(or), |v| v.as_f64().map(|n| n as Real));
        Some(Axis { name: text("name")?, min: value("min", plane.min)?, max: value("max", plane.max)? })
    };
    let axes = field(&value, "axes");
    Some(StoredPoints { points: points(&field(&value, "points")?)?, axes: Axes { x: axis(axes.as_ref(), "x")?, y: axis(axes.as_ref(), "y")? } })
}

pub(super) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a link; points too many for it (`points=page`) come from this browser's storage.
/// Returns the settings and what to tell the user.
pub(super) fn read_link(hash: &str, lang: Lang) -> (Settings, Vec<Notice>) {
    let (mut settings, repairs) = link::parse(hash, lang);
    let mut notices = Vec::new();
    if !repairs.is_empty() {
        notices.push(Notice::Repaired(repairs));
    }
    if let Some(name) = settings.points_in_page.clone() {
        let stored = storage().and_then(|s| s.get_item(&points_storage_key(&name)).ok().flatten());
        match stored.as_deref().and_then(read_stored) {
            Some(stored) => {
                settings.config.data.custom_points = stored.points;
                settings.config.data.axes = stored.axes;
                settings.config.normalize();
            }
            None => notices.push(Notice::PointsNotHere),
        }
    }
    (settings, notices)
}

pub(super) fn initial_state() -> AppState {
    let (settings, notices) = read_link(&location_hash(), browser_lang());
    let state = notices.into_iter().fold(AppState::new(settings), |state, n| state.apply(Action::Notes(Notes::Show(n))));
    // Everything the page does for a state is due when it opens.
    state.queue.push(crate::app::update::effects(None, &state));
    state
}
