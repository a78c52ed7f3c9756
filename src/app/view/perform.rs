//! The page's two effects: once, the listeners (the run's events, the window's size, the
//! keyboard); after each render, the reducer's effects (app/effects.rs) carried out in order.
//! Nothing else on the page reaches the run, the address bar or the page's other parts for a
//! change of state.

use super::ctx::*;
use super::dataset::draw_dataset_thumbnails;
use super::link_io::{keep_points, stored_json};
use crate::app::effects::{Effect, Latest};

/// What the state does on each of the run's events.
fn run_events(dispatch: &Callback<Action>) -> Callback<door::RunEvent> {
    use door::RunEvent;
    let dispatch = dispatch.clone();
    Callback::from(move |event| match event {
        RunEvent::Stopped => dispatch.emit(Action::Run(Run::Pause)),
        RunEvent::GoalMet(epoch) => dispatch.emit(Action::Run(Run::GoalMet(epoch))),
        RunEvent::EarlyStopped { at, best } => dispatch.emit(Action::Notes(Notes::Show(Notice::EarlyStopped { at, best }))),
        RunEvent::Diverged(epoch) => dispatch.emit(Action::Notes(Notes::Show(Notice::Diverged(epoch)))),
        RunEvent::WorkerStopped => {
            dispatch.emit(Action::Run(Run::Pause));
            dispatch.emit(Action::Notes(Notes::Show(Notice::WorkerStopped)));
        }
        RunEvent::WorkerRestarted => dispatch.emit(Action::Notes(Notes::Show(Notice::WorkerRestarted))),
        RunEvent::Rewound(epoch) => dispatch.emit(Action::Run(Run::Rewound(epoch))),
        RunEvent::Started => dispatch.emit(Action::Run(Run::Started)),
    })
}

/// A page's effects: the listeners, made once (the keyboard's on the playground only), and
/// the reducer's effects, carried out after each render.
#[hook]
pub(super) fn use_effects(state: &UseReducerHandle<AppState>, run: &RunDoor, dispatch: &Callback<Action>, playground: bool) {
    // The state as last rendered, for the listeners made once.
    let latest = (*use_memo((), |_| Latest::default())).clone();
    latest.set(state.clone());
    {
        let (run, dispatch) = (run.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            run.send(Command::Events(run_events(&dispatch)));
            let window = web_sys::window().expect("a window");
            let resized = dispatch.clone();
            let resize = gloo_events::EventListener::new(&window, "resize", move |_| resized.emit(Action::View(View::Resized)));
            let keys = playground.then(|| super::shortcuts::shortcuts(latest, run, dispatch));
            // Dropping the listeners removes them.
            move || drop((resize, keys))
        });
    }
    let (run, dispatch, state) = (run.clone(), dispatch.clone(), state.clone());
    use_effect(move || {
        for effect in state.queue.take() {
            perform(effect, &state, &run, &dispatch);
        }
    });
}

/// Carries out one of the reducer's effects for `state`, the state rendered.
fn perform(effect: Effect, state: &AppState, run: &RunDoor, dispatch: &Callback<Action>) {
    let s = &state.settings;
    match effect {
        Effect::Sync => run.send(Command::Sync { settings: Box::new(s.clone()), generation: state.generation, opened: state.opened.clone() }),
        Effect::Follow => run.send(Command::Follow { playing: state.playing, goal_met: state.goal_met }),
        // One that cannot be read is taken out, and the page says why.
        Effect::ReadFormula(text) => {
            let (dispatch, ask) = (dispatch.clone(), door::Ask::ReadFormula(text.clone()));
            let heard = Callback::from(move |read: door::FormulaRead| match read {
                Ok(formula) => dispatch.emit(Action::Edit(Edit::Formula(Some(Box::new(formula))))),
                Err(why) => {
                    dispatch.emit(Action::Edit(Edit::Formula(None)));
                    dispatch.emit(Action::Notes(Notes::Show(Notice::FormulaRejected(text.clone(), why))));
                }
            });
            run.send(Command::ask(ask, heard));
        }
        // A well-fitted point has every δ near 0 and teaches nothing.
        Effect::HardestPoint => {
            if let Some(&(point, _)) = run.read(|r| r.teaching(Some(&s.config)).map(|t| t.hardest_points(1)).unwrap_or_default()).first() {
                dispatch.emit(Action::Panel(Panel::BackpropPoint(point)));
            }
        }
        Effect::BringIntoView(id) => bring_into_view(id),
        Effect::FocusDialog(id) => {
            if let Some(el) = web_sys::window().and_then(|w| w.document()?.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        }
        Effect::Link => follow_settings(s),
        Effect::Thumbnails => draw_dataset_thumbnails(run, s.config.data.seed, s.config.data.noise, s.config.data.classes),
        Effect::Points => {
            let (points, axes) = (&s.config.data.custom_points, &s.config.data.axes);
            if let Some(c) = canvas_by_id("dataset-custom") {
                let on_plane: Vec<crate::engine::Point> = points.iter().map(|p| axes.to_plane(p)).collect();
                let ctx = draw_data_thumbnail(&c, &on_plane, s.config.data.classes, 1.6);
                if points.is_empty() {
                    // An empty set invites drawing.
                    ctx.set_fill_style_str("#999");
                    ctx.set_font("28px system-ui, sans-serif");
                    let _ = ctx.fill_text("+", 18.0, 35.0);
                }
            }
            // A set of points too large for a link is kept in this browser, for `points=page`;
            // said at once when this browser cannot keep them.
            if crate::engine::normalize::points_text(points, axes).len() > crate::engine::limits::LINK_POINTS_CHARS {
                let name = crate::engine::normalize::points_key(points, axes);
                if !keep_points(&name, &stored_json(points, axes)) {
                    dispatch.emit(Action::Points(Points::NotKept(name)));
                }
            }
        }
    }
}

/// The address bar always shows the current setup; the page's language and title follow it.
fn follow_settings(settings: &Settings) {
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
}
