//! What keeps the page, the live side and the state in line, each a hook of its own: the live
//! side following the settings and Play, a link's formula read, the backprop walk-through's
//! first point, a view brought into sight when it opens, a dialog's focus and the data sets'
//! thumbnails.

use super::ctx::*;
use super::dataset::draw_dataset_thumbnails;

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

/// The live side follows the state: the trainer kept in line with the settings (and the
/// diagram's width, which follows the window and whether two setups stand side by side), and
/// Play, pause and the goal met. Gives a number that changes when the backprop walk-through is
/// to be computed again from the weights just brought in line.
#[hook]
pub(super) fn use_live_follows(state: &UseReducerHandle<AppState>, run: &RunDoor, dispatch: &Callback<Action>) -> u64 {
    let width = network_width(crate::live::dom::window_width(), state.settings.compare.is_some(), state.settings.projector);
    let synced = use_state(|| 0u64);
    {
        let (run, dispatch, synced, opened) = (run.clone(), dispatch.clone(), synced.clone(), state.opened.clone());
        use_effect_with((state.generation, state.settings.clone(), width), move |(generation, settings, _)| {
            run.send(Command::Events(run_events(&dispatch)));
            run.send(Command::Sync { settings: Box::new(settings.clone()), generation: *generation, opened });
            if settings.backprop {
                synced.set(*synced + 1);
            }
            || ()
        });
    }
    let run = run.clone();
    use_effect_with((state.playing, state.goal_met), move |&(playing, goal_met)| {
        run.send(Command::Follow { playing, goal_met });
        || ()
    });
    *synced
}

/// A formula the page has by its text only (a link's) is read in the worker; one that cannot
/// be read is taken out, and the page says why.
#[hook]
pub(super) fn use_formula_read(formula: Option<&crate::engine::formula::Formula>, run: &RunDoor, dispatch: &Callback<Action>) {
    let (run, dispatch) = (run.clone(), dispatch.clone());
    let unread = formula.filter(|f| !f.is_read()).map(|f| f.text().to_string());
    use_effect_with(unread, move |unread| {
        if let Some(text) = unread.clone() {
            let ask = door::Ask::ReadFormula(text.clone());
            let heard = Callback::from(move |read: door::FormulaRead| match read {
                Ok(formula) => dispatch.emit(Action::Edit(Edit::Formula(Some(Box::new(formula))))),
                Err(why) => {
                    dispatch.emit(Action::Edit(Edit::Formula(None)));
                    dispatch.emit(Action::Notes(Notes::Show(Notice::FormulaRejected(text.clone(), why))));
                }
            });
            run.send(Command::ask(ask, heard));
        }
        || ()
    });
}

/// Backprop step by step opens on the training point the network gets most wrong (a
/// well-fitted point has every δ near 0 and teaches nothing), and again for each new network
/// (once the worker has answered it).
#[hook]
pub(super) fn use_backprop_point(state: &UseReducerHandle<AppState>, run: &RunDoor, dispatch: &Callback<Action>) {
    let (run, dispatch, state) = (run.clone(), dispatch.clone(), state.clone());
    use_effect_with((state.settings.backprop, state.started), move |&(backprop, _)| {
        if backprop {
            if let Some(&(point, _)) = run.read(|r| r.teaching(Some(&state.settings.config)).map(|t| t.hardest_points(1)).unwrap_or_default()).first() {
                dispatch.emit(Action::Panel(Panel::BackpropPoint(point)));
            }
        }
        || ()
    });
}

/// A view opened under the diagram is brought into sight (on a phone it opens below the
/// diagram, out of sight); a dialog takes the keyboard focus when it opens.
#[hook]
pub(super) fn use_opened_in_sight(state: &AppState) {
    use_effect_with(crate::app::panels::open_views(&state.settings), |open| {
        if let Some(id) = crate::app::panels::to_bring_into_view(open) {
            bring_into_view(id);
        }
        || ()
    });
    use_effect_with((state.builder, state.help), |&(builder, help)| {
        let id = if builder {
            Some("exercise-goal-kind")
        } else if help {
            Some("help-close")
        } else {
            None
        };
        if let Some(el) = id.and_then(|id| web_sys::window()?.document()?.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
        || ()
    });
}

/// The page is laid out again when the window's size changes (the diagram's width follows it,
/// see [`use_live_follows`]).
#[hook]
pub(super) fn use_window_resize() {
    let resized = use_state(|| 0u32);
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a window");
        let on_resize = gloo_events::EventListener::new(&window, "resize", move |_| resized.set(resized.wrapping_add(1)));
        move || drop(on_resize)
    });
}

/// The data sets' thumbnails follow the seed, the noise and the number of classes; the user's
/// points have a thumbnail of their own.
#[hook]
pub(super) fn use_thumbnails(data: &crate::engine::config::DataSetup, run: &RunDoor) {
    let run = run.clone();
    use_effect_with((data.seed, data.noise, data.problem, data.classes), move |(seed, noise, _, classes)| {
        draw_dataset_thumbnails(&run, *seed, *noise, *classes);
        || ()
    });
    use_effect_with((data.custom_points.clone(), data.axes.clone(), data.classes, data.problem), |(points, axes, classes, _)| {
        if let Some(c) = canvas_by_id("dataset-custom") {
            let on_plane: Vec<crate::engine::Point> = points.iter().map(|p| axes.to_plane(p)).collect();
            let ctx = draw_data_thumbnail(&c, &on_plane, *classes, 1.6);
            if points.is_empty() {
                // An empty set invites drawing.
                ctx.set_fill_style_str("#999");
                ctx.set_font("28px system-ui, sans-serif");
                let _ = ctx.fill_text("+", 18.0, 35.0);
            }
        }
        || ()
    });
}
