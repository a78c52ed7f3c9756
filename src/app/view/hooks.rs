//! The page's hooks that belong to no panel: the address bar kept in line with the setup,
//! sets of points too large for a link kept in this browser, and the keyboard shortcuts.

use super::backprop::{backprop_next, Step};
use super::ctx::*;
use super::link_io::*;
use crate::engine::axes::Axes;
use crate::engine::Point;

/// The address bar always shows the current setup; the page's language and title follow it.
#[hook]
pub(super) fn use_link_sync(settings: &Settings) {
    use_effect_with(settings.clone(), |settings| {
        let hash = format!("#{}", link::to_hash(settings));
        if let Some(w) = web_sys::window() {
            if w.location().hash().ok().as_deref() != Some(hash.as_str()) {
                if let Ok(history) = w.history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
                }
            }
            if let Some(doc) = w.document() {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", settings.lang.code());
                }
                doc.set_title(Text::AppTitle.get(settings.lang));
            }
        }
        crate::app::set_panic_lang(settings.lang);
        || ()
    });
}

/// A set of points too large for a link is kept in this browser, for `points=page`.
#[hook]
pub(super) fn use_points_storage(points: &[Point], axes: &Axes, dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    use_effect_with((points.to_vec(), axes.clone()), move |(points, axes)| {
        if crate::engine::normalize::points_text(points, axes).len() > crate::engine::limits::LINK_POINTS_CHARS {
            let name = crate::engine::normalize::points_key(points, axes);
            // Said at once when this browser cannot keep them: the link cannot carry them.
            if !keep_points(&name, &stored_json(points, axes)) {
                dispatch.emit(Action::Points(Points::NotKept(name)));
            }
        }
        || ()
    });
}

/// Keyboard: Space plays or pauses, the right arrow steps, R resets, B walks through one
/// update (then the arrows move between its stages), ? lists the shortcuts; a typed hash
/// loads (in the language shown now: the listeners are made anew when it or the
/// walk-through changes).
#[hook]
pub(super) fn use_shortcuts(state: &UseReducerHandle<AppState>, run: &RunDoor, dispatch: &Callback<Action>) {
    {
        let run = run.clone();
        let dispatch = dispatch.clone();
        let state = state.clone();
        let deps = (state.settings.lang, state.settings.backprop, state.backprop_stage, state.backprop_point, state.help, state.builder);
        use_effect_with(deps, move |&(lang, backprop, _, _, help, builder)| {
            let window = web_sys::window().expect("a window");
            // When focus last came with a pointer (a click or a tap): such a control does not
            // keep Space, which then plays or pauses; a control reached by keyboard keeps it.
            let pointer_at = std::rc::Rc::new(std::cell::Cell::new(f64::NEG_INFINITY));
            let focused_by_pointer = std::rc::Rc::new(std::cell::Cell::new(false));
            let pointer = {
                let pointer_at = pointer_at.clone();
                let options = gloo_events::EventListenerOptions::run_in_capture_phase();
                gloo_events::EventListener::new_with_options(&window, "pointerdown", options, move |_| pointer_at.set(crate::live::dom::now()))
            };
            let focus = {
                let focused_by_pointer = focused_by_pointer.clone();
                let pointer_at = pointer_at.clone();
                gloo_events::EventListener::new(&window, "focusin", move |_| {
                    focused_by_pointer.set(crate::live::dom::now() - pointer_at.get() < 800.0);
                })
            };
            let keys = {
                let dispatch = dispatch.clone();
                let options = gloo_events::EventListenerOptions::enable_prevent_default();
                gloo_events::EventListener::new_with_options(&window, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if e.key() == "Tab" {
                        // Focus moved by keyboard from here on.
                        pointer_at.set(f64::NEG_INFINITY);
                        focused_by_pointer.set(false);
                    }
                    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    let tag = target.as_ref().map(|el| el.tag_name());
                    let input_type = target.as_ref().and_then(|el| el.get_attribute("type")).unwrap_or_default();
                    let typing = matches!(tag.as_deref(), Some("TEXTAREA"))
                        || (tag.as_deref() == Some("INPUT") && matches!(input_type.as_str(), "" | "text" | "number" | "search"));
                    let control = matches!(tag.as_deref(), Some("INPUT" | "SELECT" | "BUTTON" | "A"))
                        || target.as_ref().is_some_and(|el| el.has_attribute("tabindex") && el.get_attribute("role").is_some());
                    // An open dialog keeps the keyboard: Escape closes it, nothing reaches the page.
                    if help || builder {
                        if e.key() == "Escape" {
                            dispatch.emit(if builder { Action::Panel(Panel::Builder(false)) } else { Action::Panel(Panel::Help(false)) });
                        }
                        return;
                    }
                    if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    if e.key() == " " {
                        if control && !focused_by_pointer.get() {
                            return;
                        }
                        e.prevent_default();
                        dispatch.emit(Action::Run(Run::Toggle));
                        return;
                    }
                    if matches!(tag.as_deref(), Some("INPUT" | "SELECT")) {
                        return;
                    }
                    match e.key().as_str() {
                        "?" => dispatch.emit(Action::Panel(Panel::Help(true))),
                        "ArrowRight" if backprop => {
                            let step = Step { stage: state.backprop_stage, point: state.backprop_point };
                            backprop_next(&state.settings, step, &run, &dispatch)
                        }
                        "ArrowLeft" if backprop => dispatch.emit(Action::Panel(Panel::BackpropPrev)),
                        "ArrowRight" => run.send(Command::StepOnce),
                        "r" | "R" => dispatch.emit(Action::Run(Run::Reset)),
                        "b" | "B" => dispatch.emit(Action::Panel(Panel::Backprop(!backprop))),
                        _ => {}
                    }
                })
            };
            let hash_change = gloo_events::EventListener::new(&window, "hashchange", move |_| {
                let (settings, notices) = read_link(&location_hash(), lang);
                dispatch.emit(Action::Load(Box::new(settings)));
                notices.into_iter().for_each(|n| dispatch.emit(Action::Notes(Notes::Show(n))));
            });
            // Dropping the listeners removes them.
            move || drop((keys, pointer, focus, hash_change))
        });
    }
}
