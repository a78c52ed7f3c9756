//! The keyboard shortcuts: Space plays or pauses, the right arrow steps, R resets, B walks
//! through one update (then the arrows move between its stages), ? lists the shortcuts; a
//! typed hash loads.

use super::backprop::{backprop_next, Step};
use super::ctx::*;
use super::link_io::*;
use crate::app::effects::Latest;

/// The listeners of the keyboard and of a typed hash, reading the state as last rendered
/// (`latest`); dropping them removes them.
pub(super) fn shortcuts(latest: Latest<UseReducerHandle<AppState>>, run: RunDoor, dispatch: Callback<Action>) -> impl Sized {
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
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        gloo_events::EventListener::new_with_options(&window, "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            let Some(state) = latest.get() else { return };
            let (backprop, help, builder) = (state.settings.backprop, state.help, state.builder);
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
    // A hash typed in the address bar loads, in the language shown now.
    let hash_change = gloo_events::EventListener::new(&window, "hashchange", move |_| {
        let lang = latest.get().map_or(Lang::En, |s| s.settings.lang);
        let (settings, notices) = read_link(&location_hash(), lang);
        dispatch.emit(Action::Load(Box::new(settings)));
        notices.into_iter().for_each(|n| dispatch.emit(Action::Notes(Notes::Show(n))));
    });
    (keys, pointer, focus, hash_change)
}
