//! The playground: the state, the live side, the effects that keep them in line, and the page
//! laid out from its parts.

use super::backprop::Step;
use super::ctx::*;
use super::dataset::{draw_dataset_thumbnails, DataColumn};
use super::exercise::{exercise_builder, exercise_panel};
use super::help::help_overlay;
use super::hooks::{use_link_sync, use_points_storage, use_shortcuts};
use super::lesson::lesson_panel;
use super::lessonbar::{lesson_banner, lesson_bar};
use super::link_io::*;
use super::network::NetworkColumn;
use super::output::OutputColumn;
use super::top::{mobile_transport, notices, top_bar, Header};

/// What the state does on each of the run's events.
fn run_events(dispatch: &Callback<Action>) -> Callback<crate::live::page::RunEvent> {
    use crate::live::page::RunEvent;
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

/// The playground.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let live = use_memo((), |_| Live::new());
    let live: Rc<RefCell<Live>> = (*live).clone();
    #[cfg(feature = "test-hooks")]
    crate::app::hook(&live);
    // A dialog takes the keyboard focus when it opens.
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
    // The diagram's width follows the window and whether two setups stand side by side.
    let resized = use_state(|| 0u32);
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let on_resize = gloo_events::EventListener::new(&window, "resize", move |_| resized.set(resized.wrapping_add(1)));
            move || drop(on_resize)
        });
    }
    let width = network_width(crate::live::dom::window_width(), state.settings.compare.is_some(), state.settings.projector);
    // One callback for the page's whole life, so that the columns' properties stay equal.
    let dispatch = use_callback(state.dispatcher(), |a: Action, d| d.dispatch(a));
    // The settings are shared, not copied, while they do not change.
    let settings = use_memo(state.settings.clone(), |s| s.clone());
    let ctx = Ctx { settings, dispatch: dispatch.clone(), live: live.clone() };

    // Keep the trainer in line with the settings, and redraw.
    let synced = use_state(|| 0u64);
    {
        let live = live.clone();
        let dispatch = dispatch.clone();
        let synced = synced.clone();
        let opened = state.opened.clone();
        use_effect_with((state.generation, state.settings.clone(), width), move |(generation, settings, _)| {
            let mut live = live.borrow_mut();
            live.set_events(run_events(&dispatch));
            live.sync(settings, *generation, opened.as_deref());
            drop(live);
            // The walk-through is computed from the weights just brought in line: shown at the
            // render this asks for.
            if settings.backprop {
                synced.set(*synced + 1);
            }
            || ()
        });
    }
    // A formula the page has by its text only (a link's) is read in the worker; one that
    // cannot be read is taken out, and the page says why.
    {
        let (live, dispatch) = (live.clone(), dispatch.clone());
        let unread = state.settings.config.network.formula.as_ref().filter(|f| !f.is_read()).map(|f| f.text().to_string());
        use_effect_with(unread, move |unread| {
            if let Some(text) = unread.clone() {
                let ask = crate::live::service::Ask::ReadFormula(text.clone());
                let heard = Callback::from(move |read: crate::live::service::FormulaRead| match read {
                    Ok(formula) => dispatch.emit(Action::Edit(Edit::Formula(Some(Box::new(formula))))),
                    Err(why) => {
                        dispatch.emit(Action::Edit(Edit::Formula(None)));
                        dispatch.emit(Action::Notes(Notes::Show(Notice::FormulaRejected(text.clone(), why))));
                    }
                });
                live.borrow_mut().ask(ask, heard);
            }
            || ()
        });
    }
    // Backprop step by step opens on the training point the network gets most wrong (a
    // well-fitted point has every δ near 0 and teaches nothing), and again for each new network
    // (once the worker has answered it).
    {
        let live = live.clone();
        let dispatch = dispatch.clone();
        let state = state.clone();
        use_effect_with((state.settings.backprop, state.started), move |&(backprop, _)| {
            if backprop {
                if let Some(&(point, _)) = live.borrow().hardest_points(&state.settings.config, 1).first() {
                    dispatch.emit(Action::Panel(Panel::BackpropPoint(point)));
                }
            }
            || ()
        });
    }
    // A view opened from the diagram is brought into view (on a phone it opens below the
    // diagram, out of sight).
    use_effect_with(
        (state.settings.matrix.is_some(), state.settings.backprop, state.settings.inspect, state.settings.space, state.settings.landscape.is_some()),
        |&(matrix, backprop, inspect, space, landscape)| {
            let id = if backprop {
                Some(ids::BACKPROP)
            } else if matrix {
                Some(ids::MATRIX)
            } else if space.is_some() {
                Some("space-view")
            } else if inspect.is_some() {
                Some("inspector")
            } else if landscape {
                Some("landscape")
            } else {
                None
            };
            if let Some(id) = id {
                bring_into_view(id);
            }
            || ()
        },
    );
    // Play and pause, and the goal met: the live side follows the state.
    {
        let live = live.clone();
        use_effect_with((state.playing, state.goal_met), move |&(playing, goal_met)| {
            live.borrow_mut().follow(playing, goal_met);
            || ()
        });
    }
    use_link_sync(&state.settings);
    // Data thumbnails follow the seed, noise and number of classes.
    {
        let c = &state.settings.config;
        let live = live.clone();
        use_effect_with((c.data.seed, c.data.noise, c.data.problem, c.data.classes), move |(seed, noise, _, classes)| {
            draw_dataset_thumbnails(&live, *seed, *noise, *classes);
            || ()
        });
    }
    use_points_storage(&state.settings.config.data.custom_points, &state.settings.config.data.axes, &dispatch);
    // The user's points have a thumbnail of their own.
    use_effect_with(
        (
            state.settings.config.data.custom_points.clone(),
            state.settings.config.data.axes.clone(),
            state.settings.config.data.classes,
            state.settings.config.data.problem,
        ),
        |(points, axes, classes, _)| {
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
        },
    );
    use_shortcuts(&state, &live, &dispatch);

    let s = &state.settings;
    // The teacher's board and the worksheet are pages of their own, from the same link.
    if s.board || s.worksheet {
        return html! {
            <div class={classes!("page", if s.board { "board-page" } else { "worksheet-page" }, s.projector.then_some("projector"))}>
                { notices(&ctx, &state.notices) }
                if s.board {
                    <super::board::ClassBoard ctx={ctx.clone()} />
                } else {
                    <super::worksheet::Worksheet ctx={ctx.clone()} started={state.started} />
                }
            </div>
        };
    }
    html! {
        <div class={classes!("page", s.hide_text.then_some("hide-text"), s.projector.then_some("projector"), s.compare.is_some().then_some("comparing"))}>
            <Header ctx={ctx.clone()} />
            { lesson_bar(&ctx, state.lesson) }
            { top_bar(&ctx, state.playing) }
            <main class="columns">
                // The lesson's words and the notices stand beside the output picture, over the
                // data and the network: they never push the picture, the losses or the chart down.
                <div class="lesson-area">
                    { lesson_banner(&ctx, state.lesson) }
                    { exercise_panel(&ctx, state.goal_met) }
                    // A threshold unit's weights, typed by hand where the lesson's words ask for them.
                    if s.config.is_perceptron() && s.config.network.features[..] == [crate::engine::Feature::X1, crate::engine::Feature::X2] {
                        <super::threshold::ThresholdUnit live={super::panel::LiveHandle(live.clone())} lang={s.lang}
                            xor={s.config.data.dataset == Dataset::LogicXor} />
                    }
                    { notices(&ctx, &state.notices) }
                </div>
                <DataColumn ctx={ctx.clone()} draw_class={state.draw_class} can_undo={state.undo_points.is_some()} />
                <NetworkColumn ctx={ctx.clone()} step={Step { stage: state.backprop_stage, point: state.backprop_point }} synced={synced.wrapping_add(state.started)} />
                <OutputColumn ctx={ctx.clone()} draw_class={state.draw_class} playing={state.playing} />
            </main>
            { lesson_panel(&ctx) }
            { help_overlay(&ctx, state.help) }
            { exercise_builder(&ctx, state.builder) }
            { mobile_transport(&ctx, state.playing, state.goal_met.is_some()) }
        </div>
    }
}
