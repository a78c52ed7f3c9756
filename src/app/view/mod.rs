//! The Yew components of the playground: the app, its shared context and helpers; each
//! column lives in a file of its own.

mod backprop;
mod compare;
mod confusion;
mod controls;
mod dataset;
mod exercise;
mod help;
mod inspector;
mod lesson;
mod lessonbar;
mod matrix;
mod network;
mod output;
mod panel;
mod top;

use backprop::*;
use compare::*;
use confusion::*;
use dataset::*;
use exercise::*;
use help::*;
use inspector::*;
use lesson::*;
use lessonbar::*;
use matrix::*;
use network::*;
use output::*;
use top::*;

use super::i18n::{Lang, Text};
use super::link;
use super::state::{
    valid_losses, Action, AppState, Lesson, Notice, OptimizerParam, Settings, Speed, DROPOUT_RATES, FULL_BATCH, LEARNING_RATES, MAX_LAYERS,
    REGULARIZATION_RATES,
};
use crate::engine::config::{Monitor, Problem};
use crate::engine::rng::Rng;
use crate::engine::{data, Activation, Dataset, Init, Loss, Optimizer, Real, Regularization};
use crate::live::draw::Focus;
use crate::live::ids;
use crate::live::layout::network_width;
use crate::live::page::Live;
use crate::render::canvas::{self, canvas_by_id};
use crate::render::diagram::{link_at, NODE};
use crate::render::readouts::format_epoch;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// What a hover card over the network shows, and whether it is being edited.
#[derive(Clone, Debug, PartialEq)]
struct Card {
    x: f64,
    y: f64,
    target: Target,
    value: Real,
    editing: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Weight { layer: usize, neuron: usize, input: usize },
    Bias { layer: usize, neuron: usize },
}

/// Everything the parts of the page need: the state, a way to change it, the live side.
#[derive(Clone)]
struct Ctx {
    state: Rc<AppState>,
    dispatch: Callback<Action>,
    live: Rc<RefCell<Live>>,
    card: UseStateHandle<Option<Card>>,
    /// A read-only tip next to the pointer: x, y, text and its element id.
    tip: UseStateHandle<Option<(f64, f64, String, &'static str)>>,
    /// Backprop step by step: the update walked through, with the current weights.
    walk: Option<Rc<crate::engine::backprop::Walkthrough>>,
}

impl Ctx {
    fn t(&self, text: Text) -> &'static str {
        text.get(self.state.settings.lang)
    }
    fn settings(&self) -> &Settings {
        &self.state.settings
    }
    fn send(&self, action: Action) -> Callback<MouseEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |_| d.emit(action.clone()))
    }
    fn shows(&self, control: &str) -> bool {
        self.settings().shows(control)
    }
}

fn browser_lang() -> Lang {
    web_sys::window().and_then(|w| w.navigator().language()).map(|l| Lang::from_browser(&l)).unwrap_or(Lang::En)
}

fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Where the page keeps a set of points too large for a link: this, then `-` and the set's
/// name (`points=page:NAME`); earlier versions kept one set under this alone.
const POINTS_STORAGE_KEY: &str = "neurona-points";
/// The names of the sets kept, oldest first, so that the oldest go when storage is full.
const POINTS_INDEX_KEY: &str = "neurona-points-index";
/// At most this many sets are kept in the browser.
const POINTS_KEPT: usize = 8;

fn points_storage_key(name: &str) -> String {
    if name.is_empty() {
        POINTS_STORAGE_KEY.to_string()
    } else {
        format!("{POINTS_STORAGE_KEY}-{name}")
    }
}

/// Keeps a set of points under its own name; the oldest sets go when there are too many or
/// the storage is full. A set already kept is the same set (its name is its hash).
fn keep_points(name: &str, json: &str) {
    let Some(s) = storage() else { return };
    let mut index: Vec<String> = s.get_item(POINTS_INDEX_KEY).ok().flatten().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    index.retain(|n| n != name);
    index.push(name.to_string());
    while index.len() > POINTS_KEPT {
        let _ = s.remove_item(&points_storage_key(&index.remove(0)));
    }
    while s.set_item(&points_storage_key(name), json).is_err() && index.len() > 1 {
        let _ = s.remove_item(&points_storage_key(&index.remove(0)));
    }
    if let Ok(text) = serde_json::to_string(&index) {
        let _ = s.set_item(POINTS_INDEX_KEY, &text);
    }
}

/// The user's points as this browser keeps them, with their axes.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredPoints {
    points: Vec<crate::engine::Point>,
    #[serde(default)]
    axes: crate::engine::axes::Axes,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a link; points too many for it (`points=page`) come from this browser's storage.
/// Returns the settings and what to tell the user.
fn read_link(hash: &str, lang: Lang) -> (Settings, Vec<Notice>) {
    let (mut settings, repairs) = link::parse(hash, lang);
    let mut notices = Vec::new();
    if !repairs.is_empty() {
        notices.push(Notice::Repaired(repairs));
    }
    if let Some(name) = settings.points_in_page.clone() {
        let stored = storage().and_then(|s| s.get_item(&points_storage_key(&name)).ok().flatten());
        // Earlier versions kept the points alone, on the plane's own axes.
        let read = |text: String| {
            serde_json::from_str::<StoredPoints>(&text)
                .ok()
                .or_else(|| serde_json::from_str(&text).ok().map(|points| StoredPoints { points, axes: Default::default() }))
        };
        match stored.and_then(read) {
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

fn initial_state() -> AppState {
    let (settings, notices) = read_link(&location_hash(), browser_lang());
    notices.into_iter().fold(AppState::new(settings), |state, n| state.apply(Action::Notify(n)))
}

fn activation_label(a: Activation, lang: Lang) -> String {
    match a {
        Activation::Relu => "ReLU".into(),
        Activation::Tanh => "Tanh".into(),
        Activation::Sigmoid => Text::ActSigmoid.get(lang).into(),
        Activation::Linear => Text::ActLinear.get(lang).into(),
        Activation::LeakyRelu => "Leaky ReLU".into(),
        Activation::Elu => "ELU".into(),
        Activation::Swish => "Swish".into(),
        Activation::Softplus => "Softplus".into(),
        Activation::Step => Text::ActStep.get(lang).into(),
        Activation::Maxout => "Maxout".into(),
        Activation::Softmax => "Softmax".into(),
    }
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
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
    {
        let live = live.clone();
        let dispatch = dispatch.clone();
        use_effect_with((state.generation, state.settings.clone(), width), move |(generation, settings, _)| {
            let mut live = live.borrow_mut();
            live.set_dispatch(dispatch.clone());
            live.sync(settings, *generation);
            drop(live);
            // The walk-through is computed from the weights just brought in line: show it.
            if settings.backprop {
                dispatch.emit(Action::Redraw);
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
                    dispatch.emit(Action::SetBackpropPoint(point));
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
                            dispatch.emit(if builder { Action::SetBuilder(false) } else { Action::SetHelp(false) });
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
                        dispatch.emit(Action::TogglePlay);
                        return;
                    }
                    if matches!(tag.as_deref(), Some("INPUT" | "SELECT")) {
                        return;
                    }
                    match e.key().as_str() {
                        "?" => dispatch.emit(Action::SetHelp(true)),
                        "ArrowRight" if backprop => backprop_next(&state, &live, &dispatch),
                        "ArrowLeft" if backprop => dispatch.emit(Action::BackpropPrev),
                        "ArrowRight" => live.borrow_mut().step_once(),
                        "r" | "R" => dispatch.emit(Action::Reset),
                        "b" | "B" => dispatch.emit(Action::SetBackprop(!backprop)),
                        _ => {}
                    }
                })
            };
            let hash_change = gloo_events::EventListener::new(&window, "hashchange", move |_| {
                let (settings, notices) = read_link(&location_hash(), lang);
                dispatch.emit(Action::Load(Box::new(settings)));
                notices.into_iter().for_each(|n| dispatch.emit(Action::Notify(n)));
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

/// The point of the plane [-6, 6]^2 under the pointer on the output picture.
fn plane_point(e: &MouseEvent) -> (Real, Real) {
    let target: web_sys::Element = e.target_unchecked_into();
    let size = target.get_bounding_client_rect().width().max(1.0);
    let to_plane = |px: f64| (px / size * 12.0 - 6.0) as Real;
    (to_plane(e.offset_x() as f64), -to_plane(e.offset_y() as f64))
}

/// Draws a data set's points on a 52-pixel thumbnail.
fn draw_data_thumbnail(c: &web_sys::HtmlCanvasElement, points: &[crate::engine::Point], classes: usize, radius: f64) -> web_sys::CanvasRenderingContext2d {
    let ctx = canvas::hidpi(c, 52.0, 52.0);
    ctx.set_fill_style_str("#f4f5f6");
    ctx.fill_rect(0.0, 0.0, 52.0, 52.0);
    canvas::draw_points(&ctx, points, 52.0, (-6.0, 6.0), classes, false, radius);
    ctx
}

/// A change handler for a select: its value becomes an action.
fn on_select(dispatch: &Callback<Action>, action: fn(&str) -> Option<Action>) -> Callback<Event> {
    let d = dispatch.clone();
    Callback::from(move |e: Event| {
        if let Some(a) = action(&select_value(&e)) {
            d.emit(a);
        }
    })
}

thread_local! {
    /// Numbers the files read, so that cancelling stops the one being read.
    static FILE_READ: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Stops reading the file being read (its parts not yet read are dropped; nothing changes).
fn cancel_file_read() {
    FILE_READ.with(|n| n.set(n.get() + 1));
}

/// Lets the browser draw a frame and handle input before the next part of the work.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How a chosen file's text is read: at once (a model file), or as CSV lines a part at a
/// time, the page drawing between the parts.
enum Reading {
    Text(fn(&Ctx, String)),
    Csv(fn(&Ctx, crate::engine::data::Csv)),
}

/// Lines of a CSV read between two frames.
const CSV_LINES_PER_PART: usize = 20_000;

/// A file input's handler. A file over the size the page reads is refused unread, its size
/// named; a large one shows its progress (with a way to cancel) while it is read.
fn on_file(ctx: &Ctx, reading: Reading) -> Callback<Event> {
    let ctx = ctx.clone();
    let reading = std::rc::Rc::new(reading);
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let (name, size) = (file.name(), file.size());
        if size > crate::engine::limits::MAX_FILE_BYTES {
            ctx.dispatch.emit(Action::Notify(Notice::FileTooLarge(name, size)));
            return;
        }
        let shown = size >= crate::engine::limits::FILE_PROGRESS_BYTES;
        let this = FILE_READ.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let (ctx, reading) = (ctx.clone(), reading.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let progress = |percent: u32| {
                if shown {
                    ctx.dispatch.emit(Action::Notify(Notice::ReadingFile(name.clone(), percent)));
                }
            };
            let current = || FILE_READ.with(|n| n.get()) == this;
            progress(0);
            next_task().await;
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            if !current() {
                return;
            }
            match &*reading {
                Reading::Text(then) => {
                    progress(50);
                    next_task().await;
                    if current() {
                        then(&ctx, text);
                    }
                }
                Reading::Csv(then) => {
                    let classes = ctx.state.settings.config.data.classes;
                    let total = text.len().max(1);
                    let mut csv = crate::engine::data::Csv::default();
                    let (mut i, mut done) = (0, 0);
                    for line in text.lines() {
                        csv.read_line(i, line, classes);
                        i += 1;
                        done += line.len() + 1;
                        if i % CSV_LINES_PER_PART == 0 {
                            progress((done * 100 / total) as u32);
                            next_task().await;
                            if !current() {
                                return;
                            }
                        }
                    }
                    then(&ctx, csv);
                }
            }
            if shown {
                ctx.dispatch.emit(Action::DismissReading);
            }
        });
    })
}
