//! The playground: the state, the live side, the effects that keep them in line, and the page
//! laid out from its parts.

use super::backprop::backprop_next;
use super::ctx::*;
use super::dataset::{data_column, draw_dataset_thumbnails};
use super::exercise::{exercise_builder, exercise_panel};
use super::help::help_overlay;
use super::lesson::lesson_panel;
use super::lessonbar::lesson_bar;
use super::link_io::*;
use super::network::{edit_card, network_column};
use super::output::output_column;
use super::top::{header, mobile_transport, notices, top_bar};

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
    })
}

/// The playground.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let live = use_memo((), |_| Live::new());
    let live: Rc<RefCell<Live>> = (*live).clone();
    let card = use_state(|| None::<Card>);
    let tip = use_state(|| None::<(f64, f64, String, &'static str)>);
    // The value editor takes the keyboard focus as soon as it opens.
    use_effect_with(card.as_ref().map(|c| (c.editing, c.target)), |open| {
        if matches!(open, Some((true, _))) {
            if let Some(input) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("edit-value")).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                let _ = input.focus();
                input.select();
            }
        }
        || ()
    });
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
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let walk = if state.settings.backprop { live.borrow().walkthrough(state.backprop_point, &state.settings.config).map(Rc::new) } else { None };
    let ctx = Ctx { state: Rc::new((*state).clone()), dispatch: dispatch.clone(), live: live.clone(), card: card.clone(), tip: tip.clone(), walk };

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
    // Backprop step by step opens on the training point the network gets most wrong (a
    // well-fitted point has every δ near 0 and teaches nothing), and again for each new network.
    {
        let live = live.clone();
        let dispatch = dispatch.clone();
        let state = state.clone();
        use_effect_with((state.settings.backprop, state.generation), move |&(backprop, _)| {
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
    use_effect_with((state.settings.matrix.is_some(), state.settings.backprop, state.settings.inspect), |&(matrix, backprop, inspect)| {
        // The inspector is a card of its own on wide screens, and in the page's flow below.
        let inline_inspector = crate::live::dom::window_width() < 1100.0;
        let id = if backprop {
            Some(ids::BACKPROP)
        } else if matrix {
            Some(ids::MATRIX)
        } else if inspect.is_some() && inline_inspector {
            Some("inspector")
        } else {
            None
        };
        if let Some(el) = id.and_then(|id| web_sys::window()?.document()?.get_element_by_id(id)) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
        || ()
    });
    // Play and pause.
    {
        let live = live.clone();
        use_effect_with(state.playing, move |playing| {
            live.borrow_mut().set_playing(*playing);
            || ()
        });
    }
    // The address bar always shows the current setup.
    use_effect_with(state.settings.clone(), |settings| {
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
    // Data thumbnails follow the seed, noise and number of classes.
    {
        let c = &state.settings.config;
        use_effect_with((c.data.seed, c.data.noise, c.data.problem, c.data.classes), |(seed, noise, _, classes)| {
            draw_dataset_thumbnails(*seed, *noise, *classes);
            || ()
        });
    }
    // A set of points too large for a link is kept in this browser, for `points=page`.
    use_effect_with((state.settings.config.data.custom_points.clone(), state.settings.config.data.axes.clone()), |(points, axes)| {
        if crate::engine::normalize::points_text(points, axes).len() > crate::engine::limits::LINK_POINTS_CHARS {
            if let Ok(json) = serde_json::to_string(&StoredPoints { points: points.clone(), axes: axes.clone() }) {
                keep_points(&crate::engine::normalize::points_key(points, axes), &json);
            }
        }
        || ()
    });
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
    // Keyboard: Space plays or pauses, the right arrow steps, R resets, B walks through one
    // update (then the arrows move between its stages), ? lists the shortcuts; a typed hash
    // loads (in the language shown now: the listeners are made anew when it or the
    // walk-through changes).
    {
        let live = live.clone();
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
                        "ArrowRight" if backprop => backprop_next(&state, &live, &dispatch),
                        "ArrowLeft" if backprop => dispatch.emit(Action::Panel(Panel::BackpropPrev)),
                        "ArrowRight" => live.borrow_mut().step_once(),
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

    let s = &state.settings;
    html! {
        <div class={classes!("page", s.hide_text.then_some("hide-text"), s.projector.then_some("projector"), s.compare.is_some().then_some("comparing"))}>
            { header(&ctx) }
            { lesson_bar(&ctx) }
            { exercise_panel(&ctx) }
            { notices(&ctx) }
            { top_bar(&ctx) }
            <main class="columns">
                { data_column(&ctx) }
                { network_column(&ctx) }
                { output_column(&ctx) }
            </main>
            { lesson_panel(&ctx) }
            { edit_card(&ctx) }
            { help_overlay(&ctx) }
            { exercise_builder(&ctx) }
            { mobile_transport(&ctx) }
        </div>
    }
}
