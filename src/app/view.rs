//! The Yew components of the playground: top bar, data, features and network, output.

use super::i18n::{Lang, Text};
use super::layout::{link_at, NODE};
use super::runner::{format_epoch, Focus, Runner, HEATMAP};
use super::state::{
    valid_losses, valid_outputs, Action, AppState, Lesson, Notice, OptimizerParam, Settings, Speed, DROPOUT_RATES,
    FULL_BATCH, LEARNING_RATES, MAX_LAYERS, REGULARIZATION_RATES,
};
use crate::engine::config::Monitor;
use crate::engine::{Init, Loss, Optimizer};
use super::url;
use crate::engine::config::Problem;
use crate::engine::rng::Rng;
use crate::engine::{data, Activation, Dataset, Real, Regularization};
use crate::render::canvas::{self, canvas_by_id};
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

/// Everything the parts of the page need: the state, a way to change it, the runner.
#[derive(Clone)]
struct Ctx {
    state: Rc<AppState>,
    dispatch: Callback<Action>,
    runner: Rc<RefCell<Runner>>,
    card: UseStateHandle<Option<Card>>,
    chart_tip: UseStateHandle<Option<(f64, f64, String)>>,
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
    /// Runs something on the runner, then forwards what it asked of the Yew state.
    fn with_runner(&self, f: impl FnOnce(&mut Runner)) {
        let actions = {
            let mut r = self.runner.borrow_mut();
            f(&mut r);
            std::mem::take(&mut r.outbox)
        };
        for a in actions {
            self.dispatch.emit(a);
        }
    }
}

fn browser_lang() -> Lang {
    web_sys::window().and_then(|w| w.navigator().language()).map(|l| Lang::from_browser(&l)).unwrap_or(Lang::En)
}

fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

fn initial_state() -> AppState {
    let (settings, repairs) = url::parse(&location_hash(), browser_lang());
    let mut state = AppState::new(settings);
    if !repairs.is_empty() {
        state = state.apply(Action::Notify(Notice::Repaired(repairs)));
    }
    state
}

fn dataset_text(d: Dataset) -> Text {
    match d {
        Dataset::Circle => Text::DatasetCircle,
        Dataset::Xor => Text::DatasetXor,
        Dataset::Gauss => Text::DatasetGauss,
        Dataset::Spiral => Text::DatasetSpiral,
        Dataset::RegPlane => Text::DatasetPlane,
        Dataset::RegGauss => Text::DatasetMultiGauss,
        Dataset::LogicOr => Text::DatasetOr,
        Dataset::LogicAnd => Text::DatasetAnd,
        Dataset::LogicXor => Text::DatasetLogicXor,
        Dataset::Moons => Text::DatasetMoons,
        Dataset::Checkerboard => Text::DatasetCheckerboard,
        Dataset::Blobs => Text::DatasetBlobs,
        Dataset::Custom => Text::DatasetCustom,
    }
}

fn activation_label(a: Activation, lang: Lang) -> String {
    match a {
        Activation::Relu => "ReLU".into(),
        Activation::Tanh => "Tanh".into(),
        Activation::Sigmoid => "Sigmoid".into(),
        Activation::Linear => "Linear".into(),
        Activation::LeakyRelu => "Leaky ReLU".into(),
        Activation::Elu => "ELU".into(),
        Activation::Swish => "Swish".into(),
        Activation::Softplus => "Softplus".into(),
        Activation::Step => if lang == Lang::Es { "Escalón".into() } else { "Step".into() },
        Activation::Maxout => "Maxout".into(),
        Activation::Softmax => "Softmax".into(),
    }
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn new_seed() -> u64 {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        return (js_sys::Math::random() * 1e15) as u64;
    }
    u64::from_le_bytes(bytes) % 1_000_000_000
}

/// The playground.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let runner = use_mut_ref(Runner::new);
    let card = use_state(|| None::<Card>);
    let chart_tip = use_state(|| None::<(f64, f64, String)>);
    // The value editor takes the keyboard focus as soon as it opens.
    use_effect_with(card.as_ref().map(|c| (c.editing, c.target)), |open| {
        if matches!(open, Some((true, _))) {
            if let Some(input) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("edit-value"))
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                let _ = input.focus();
                input.select();
            }
        }
        || ()
    });
    let width = use_state(super::runner::network_width);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let on_resize = Closure::<dyn FnMut()>::new(move || width.set(super::runner::network_width()));
            let window = web_sys::window().expect("a window");
            let _ = window.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
            move || {
                let _ = window.remove_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
            }
        });
    }
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let ctx = Ctx { state: Rc::new((*state).clone()), dispatch: dispatch.clone(), runner: runner.clone(), card: card.clone(), chart_tip: chart_tip.clone() };

    // Keep the trainer in line with the settings, and redraw.
    {
        let runner = runner.clone();
        use_effect_with((state.generation, state.settings.clone(), *width), move |(generation, settings, _)| {
            runner.borrow_mut().sync(settings, *generation);
            || ()
        });
    }
    // Play and pause.
    {
        let runner = runner.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.playing, move |playing| {
            Runner::set_playing(&runner, *playing, dispatch);
            || ()
        });
    }
    // The address bar always shows the current setup.
    use_effect_with(state.settings.clone(), |settings| {
        let hash = format!("#{}", url::to_hash(settings));
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
        super::set_panic_lang(settings.lang);
        || ()
    });
    // Data thumbnails follow the seed, noise and number of classes.
    {
        let c = &state.settings.config;
        use_effect_with((c.seed, c.noise, c.problem, c.classes), |(seed, noise, _, classes)| {
            draw_dataset_thumbnails(*seed, *noise, *classes);
            || ()
        });
    }
    // The user's points have a thumbnail of their own.
    use_effect_with((state.settings.config.custom_points.clone(), state.settings.config.classes, state.settings.config.problem), |(points, classes, _)| {
        if let Some(c) = canvas_by_id("dataset-custom") {
            let ctx = canvas::hidpi(&c, 52.0, 52.0);
            ctx.set_fill_style_str("#f4f5f6");
            ctx.fill_rect(0.0, 0.0, 52.0, 52.0);
            canvas::draw_points(&ctx, points, 52.0, (-6.0, 6.0), *classes, false, 1.6);
            if points.is_empty() {
                // An empty set invites drawing.
                ctx.set_fill_style_str("#999");
                ctx.set_font("28px system-ui, sans-serif");
                let _ = ctx.fill_text("+", 18.0, 35.0);
            }
        }
        || ()
    });
    // Keyboard: Space plays or pauses, the right arrow steps, R resets; a typed hash loads.
    {
        let ctx = ctx.clone();
        use_effect_with((), move |_| {
            let keys = {
                let ctx = ctx.clone();
                Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                    let tag = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|el| el.tag_name());
                    let typing = matches!(tag.as_deref(), Some("INPUT" | "SELECT" | "TEXTAREA"));
                    if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    match e.key().as_str() {
                        // On a focused button Space already presses that button.
                        " " if tag.as_deref() != Some("BUTTON") => {
                            e.prevent_default();
                            ctx.dispatch.emit(Action::TogglePlay);
                        }
                        "ArrowRight" => ctx.with_runner(|r| r.step_once()),
                        "r" | "R" => ctx.dispatch.emit(Action::Reset),
                        _ => {}
                    }
                })
            };
            let hash_change = {
                let dispatch = ctx.dispatch.clone();
                let lang = ctx.state.settings.lang;
                Closure::<dyn FnMut()>::new(move || {
                    let (settings, repairs) = url::parse(&location_hash(), lang);
                    dispatch.emit(Action::Load(Box::new(settings)));
                    if !repairs.is_empty() {
                        dispatch.emit(Action::Notify(Notice::Repaired(repairs)));
                    }
                })
            };
            let window = web_sys::window().expect("a window");
            let _ = window.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
            let _ = window.add_event_listener_with_callback("hashchange", hash_change.as_ref().unchecked_ref());
            move || {
                let _ = window.remove_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
                let _ = window.remove_event_listener_with_callback("hashchange", hash_change.as_ref().unchecked_ref());
            }
        });
    }

    let s = &state.settings;
    html! {
        <div class={classes!("page", s.hide_text.then_some("hide-text"))}>
            { header(&ctx) }
            { notices(&ctx) }
            { top_bar(&ctx) }
            <main class="columns">
                { data_column(&ctx) }
                { network_column(&ctx) }
                { output_column(&ctx) }
            </main>
            { lesson_panel(&ctx) }
            { edit_card(&ctx) }
        </div>
    }
}

fn header(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let other = if s.lang == Lang::Es { Lang::En } else { Lang::Es };
    let copy = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| {
            if let Some(w) = web_sys::window() {
                let href = w.location().href().unwrap_or_default();
                let _ = w.navigator().clipboard().write_text(&href);
                dispatch.emit(Action::Notify(Notice::LinkCopied));
            }
        })
    };
    let speed_change = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(sp) = Speed::from_code(&select_value(&e)) {
                d.emit(Action::SetSpeed(sp));
            }
        })
    };
    html! {
        <header class="header">
            <div class="brand">
                <h1>{ "Neurona" }</h1>
                <p class="tagline text">{ ctx.t(Text::Tagline) }</p>
            </div>
            <div class="header-tools">
                <label class="inline">
                    <span>{ ctx.t(Text::Speed) }</span>
                    <select id="speed" aria-label={ctx.t(Text::Speed)} onchange={speed_change}>
                        { for Speed::ALL.iter().map(|sp| {
                            let label = match sp {
                                Speed::Epochs(1) => ctx.t(Text::SpeedOne),
                                Speed::Epochs(10) => ctx.t(Text::SpeedTen),
                                Speed::Epochs(_) => ctx.t(Text::SpeedHundred),
                                Speed::Max => ctx.t(Text::SpeedMax),
                            };
                            html! { <option value={sp.code()} selected={*sp == s.speed}>{ label }</option> }
                        }) }
                    </select>
                </label>
                <label class="inline">
                    <input type="checkbox" id="show-performance" checked={s.show_performance}
                        onchange={ctx.send(Action::TogglePerformance).reform(|_: Event| MouseEvent::new("x").unwrap())} />
                    <span>{ ctx.t(Text::Performance) }</span>
                </label>
                <button id="copy-link" class="tool" onclick={copy}>{ ctx.t(Text::CopyLink) }</button>
                <button id="lang-toggle" class="tool" aria-label={ctx.t(Text::Language)}
                    title={ctx.t(Text::Language)} onclick={ctx.send(Action::SetLang(other))}>
                    { if other == Lang::Es { "Español" } else { "English" } }
                </button>
            </div>
        </header>
    }
}

fn notices(ctx: &Ctx) -> Html {
    let lang = ctx.settings().lang;
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for ctx.state.notices.iter().enumerate().map(|(i, n)| {
                let (class, body) = match n {
                    Notice::Repaired(repairs) => ("notice warn", html! {
                        <>
                            <span>{ Text::LinkRepaired.get(lang) }</span>
                            <ul>
                                { for repairs.iter().map(|r| html! {
                                    <li><code>{ format!("{}={}", r.key, r.given) }</code>{ " → " }
                                        { match &r.used {
                                            Some(v) => html!{ <code>{ v.clone() }</code> },
                                            None => html!{ <em>{ if lang == Lang::Es { "ignorado" } else { "ignored" } }</em> },
                                        } }
                                    </li>
                                }) }
                            </ul>
                        </>
                    }),
                    Notice::Diverged(epoch) => ("notice error", html! {
                        <span>{ format!("{} {epoch}: {}", Text::Epoch.get(lang), Text::Diverged.get(lang)) }</span>
                    }),
                    Notice::EarlyStopped { at, best } => ("notice info", html! {
                        <span>{ format!("{} ({} {at} → {best})", Text::EarlyStopped.get(lang), Text::Epoch.get(lang)) }</span>
                    }),
                    Notice::CsvSkipped(lines) => ("notice warn", html! {
                        <span>{ format!("{}: {}", Text::CsvIgnored.get(lang), lines.iter().take(20).map(|l| l.to_string()).collect::<Vec<_>>().join(", ")) }</span>
                    }),
                    Notice::LinkCopied => ("notice info", html! { <span>{ Text::LinkCopied.get(lang) }</span> }),
                    Notice::ModelLoaded => ("notice info", html! { <span>{ Text::ModelLoaded.get(lang) }</span> }),
                    Notice::ModelRejected(why) => ("notice error", html! {
                        <span>{ format!("{}: {why}", Text::ModelRejected.get(lang)) }</span>
                    }),
                };
                html! {
                    <div class={class}>
                        { body }
                        <button class="dismiss" aria-label={Text::Dismiss.get(lang)} title={Text::Dismiss.get(lang)}
                            onclick={ctx.send(Action::Dismiss(i))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

/// Inline icons: no font or file to fetch, and the same look everywhere.
fn icon(name: &str) -> Html {
    let path = match name {
        "play" => "M8 5v14l11-7z",
        "pause" => "M6 5h4v14H6zm8 0h4v14h-4z",
        "step" => "M6 5v14l9-7zm10 0h2v14h-2z",
        _ => "M12 5V1L7 6l5 5V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z",
    };
    html! {
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

/// A select that sends an action when changed: a top-bar control, hidden when a link hides it.
fn control_select(
    ctx: &Ctx,
    id: &'static str,
    label: Text,
    options: Vec<(String, String, bool)>,
    action: fn(&str) -> Option<Action>,
) -> Html {
    if !ctx.shows(id) {
        return html! {};
    }
    html! {
        <label class="control">
            <span class="label">{ ctx.t(label) }</span>
            <select id={id} onchange={on_select(&ctx.dispatch, action)}>
                { for options.into_iter().map(|(value, text, selected)| html! {
                    <option value={value} selected={selected}>{ text }</option>
                }) }
            </select>
        </label>
    }
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

fn top_bar(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let lang = s.lang;
    let playing = ctx.state.playing;
    let step = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.with_runner(|r| r.step_once()))
    };
    let current_act = c.hidden.first().map(|h| h.activation).unwrap_or(Activation::Tanh);
    let rate_label = |v: Real| format!("{v}");
    html! {
        <div class="top-bar" role="toolbar">
            <div class="buttons">
                if ctx.shows("resetButton") {
                    <button id="reset-button" class="round" aria-label={ctx.t(Text::Reset)} title={ctx.t(Text::Reset)}
                        onclick={ctx.send(Action::Reset)}>{ icon("reset") }</button>
                }
                if ctx.shows("playButton") {
                    <button id="play-pause-button" class={classes!("round", "play", playing.then_some("playing"))}
                        aria-label={if playing { ctx.t(Text::Pause) } else { ctx.t(Text::Play) }}
                        title={if playing { ctx.t(Text::Pause) } else { ctx.t(Text::Play) }}
                        aria-pressed={playing.to_string()}
                        onclick={ctx.send(Action::TogglePlay)}>{ icon(if playing { "pause" } else { "play" }) }</button>
                }
                if ctx.shows("stepButton") {
                    <button id="next-step-button" class="round" aria-label={ctx.t(Text::Step)} title={ctx.t(Text::Step)}
                        onclick={step}>{ icon("step") }</button>
                }
            </div>
            <div class="control epoch">
                <span class="label">{ ctx.t(Text::Epoch) }</span>
                <span id="iter-number" class="value">{ format_epoch(0) }</span>
            </div>
            { control_select(ctx, "learningRate", Text::LearningRate,
                LEARNING_RATES.iter().map(|&v| (v.to_string(), rate_label(v), v == c.learning_rate)).collect(),
                |v| v.parse::<Real>().ok().map(Action::SetLearningRate)) }
            { control_select(ctx, "activation", Text::Activation,
                Activation::HIDDEN.iter().map(|&a| (a.name().to_string(), activation_label(a, lang), a == current_act)).collect(),
                |v| Activation::from_name(v).map(Action::SetActivation)) }
            { control_select(ctx, "regularization", Text::Regularization,
                Regularization::ALL.iter().map(|&r| (r.name().to_string(),
                    if r == Regularization::None { ctx.t(Text::ActNone).to_string() } else { r.name().to_string() },
                    r == c.regularization)).collect(),
                |v| Regularization::from_name(v).map(Action::SetRegularization)) }
            { control_select(ctx, "regularizationRate", Text::RegularizationRate,
                REGULARIZATION_RATES.iter().map(|&v| (v.to_string(), rate_label(v), v == c.regularization_rate)).collect(),
                |v| v.parse::<Real>().ok().map(Action::SetRegularizationRate)) }
            { control_select(ctx, "problem", Text::ProblemType, vec![
                    ("classification".into(), ctx.t(Text::Classification).into(), c.problem == Problem::Classification),
                    ("regression".into(), ctx.t(Text::Regression).into(), c.problem == Problem::Regression),
                ],
                |v| Some(Action::SetProblem(if v == "regression" { Problem::Regression } else { Problem::Classification }))) }
        </div>
    }
}

/// The data sets offered for the current problem.
fn offered_datasets(s: &Settings) -> Vec<Dataset> {
    let c = &s.config;
    if c.problem == Problem::Regression {
        Dataset::REGRESSION.to_vec()
    } else if c.classes > 2 {
        let mut sets = Dataset::MULTICLASS.to_vec();
        sets.push(Dataset::Custom);
        sets
    } else {
        let mut sets = Dataset::CLASSIFICATION.to_vec();
        sets.push(Dataset::Custom);
        sets
    }
}

fn draw_dataset_thumbnails(seed: u64, noise: u32, classes: usize) {
    let all = Dataset::CLASSIFICATION.iter().chain(Dataset::REGRESSION.iter()).chain([Dataset::Blobs].iter());
    for &d in all {
        let Some(c) = canvas_by_id(&format!("dataset-{}", d.name())) else { continue };
        let k = if matches!(d, Dataset::Blobs | Dataset::Spiral) { classes } else { 2 };
        let mut rng = Rng::new(seed);
        let mut points = data::generate(d, k, noise as f64 / 100.0, &mut rng);
        points.truncate(if d.is_regression() { 400 } else { 500 });
        let ctx = canvas::hidpi(&c, 52.0, 52.0);
        ctx.set_fill_style_str("#f4f5f6");
        ctx.fill_rect(0.0, 0.0, 52.0, 52.0);
        canvas::draw_points(&ctx, &points, 52.0, (-6.0, 6.0), k, false, 1.3);
    }
}

fn data_column(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let val_test = 100 - c.percent_train - c.percent_val;
    let slider = |id: &'static str, label: Text, value: u32, min: u32, max: u32, step: u32, shown: String, make: fn(u32) -> Action| {
        let d = ctx.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Ok(v) = input_value(&e).parse::<u32>() {
                d.emit(make(v));
            }
        });
        html! {
            if ctx.shows(id) {
                <label class="slider">
                    <span class="label">{ ctx.t(label) }{ ": " }<b id={format!("{id}-value")}>{ shown }</b></span>
                    <input type="range" id={id} min={min.to_string()} max={max.to_string()} step={step.to_string()}
                        value={value.to_string()} aria-label={ctx.t(label)} {oninput} />
                </label>
            }
        }
    };
    let regenerate = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Regenerate(new_seed())))
    };
    html! {
        <section class="column data-column" aria-label={ctx.t(Text::Data)}>
            <h2>{ ctx.t(Text::Data) }</h2>
            if ctx.shows("dataset") {
                <p class="text">{ ctx.t(Text::WhichDataset) }</p>
                <div class="datasets" role="radiogroup" aria-label={ctx.t(Text::WhichDataset)}>
                    { for offered_datasets(s).into_iter().map(|d| {
                        let label = ctx.t(dataset_text(d));
                        let selected = d == c.dataset;
                        html! {
                            <button class={classes!("dataset", selected.then_some("selected"))} id={format!("dataset-button-{}", d.name())}
                                role="radio" aria-checked={selected.to_string()} aria-label={label} title={label}
                                onclick={ctx.send(Action::SetDataset(d))}>
                                <canvas id={format!("dataset-{}", d.name())} width="52" height="52"></canvas>
                            </button>
                        }
                    }) }
                </div>
            }
            { slider("percTrainData", Text::RatioTrain, c.percent_train, 10, 90, 10,
                if c.percent_val > 0 { format!("{}% / {}% / {}%", c.percent_train, c.percent_val, val_test) } else { format!("{}%", c.percent_train) },
                Action::SetPercentTrain) }
            { slider("noise", Text::Noise, c.noise, 0, 50, 5, c.noise.to_string(), Action::SetNoise) }
            { slider("batchSize", Text::BatchSize, c.batch_size.min(30) as u32, 1, 30, 1,
                if c.batch_size >= FULL_BATCH { ctx.t(Text::All).to_string() } else { c.batch_size.to_string() },
                |v| Action::SetBatchSize(v as usize)) }
            if c.dataset == Dataset::Custom { { draw_tools(ctx) } }
            <button id="regenerate" class="tool wide" onclick={regenerate}>{ ctx.t(Text::Regenerate) }</button>
        </section>
    }
}

fn network_column(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let lay = super::layout::layout(c, super::runner::network_width());
    let n_hidden = c.hidden.len();
    let hover_link = {
        let ctx = ctx.clone();
        let lay = lay.clone();
        Callback::from(move |e: MouseEvent| {
            if ctx.card.as_ref().is_some_and(|c| c.editing) {
                return;
            }
            let p = (e.offset_x() as f64, e.offset_y() as f64);
            let found = link_at(&lay, p, 5.0);
            let mut r = ctx.runner.borrow_mut();
            r.set_highlight(found.map(|l| (l.layer, l.neuron, l.input)));
            let card = found.and_then(|l| {
                r.weight(l.layer, l.neuron, l.input).map(|value| Card {
                    x: e.page_x() as f64 + 12.0,
                    y: e.page_y() as f64 + 12.0,
                    target: Target::Weight { layer: l.layer, neuron: l.neuron, input: l.input },
                    value,
                    editing: false,
                })
            });
            drop(r);
            if *ctx.card != card {
                ctx.card.set(card);
            }
        })
    };
    let leave_links = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            if !ctx.card.as_ref().is_some_and(|c| c.editing) {
                ctx.runner.borrow_mut().set_highlight(None);
                ctx.card.set(None);
            }
        })
    };
    let click_link = {
        let card = ctx.card.clone();
        Callback::from(move |_| {
            if let Some(c) = card.as_ref() {
                card.set(Some(Card { editing: true, ..c.clone() }));
            }
        })
    };
    let focus = |f: Focus| {
        let runner = ctx.runner.clone();
        Callback::from(move |_: MouseEvent| runner.borrow_mut().set_focus(f))
    };
    let unfocus = {
        let runner = ctx.runner.clone();
        Callback::from(move |_: MouseEvent| runner.borrow_mut().set_focus(Focus::Output))
    };
    let bias_card = |layer: usize, neuron: usize, editing: bool| {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            if !editing && ctx.card.as_ref().is_some_and(|c| c.editing) {
                return;
            }
            if let Some(value) = ctx.runner.borrow().bias(layer, neuron) {
                // Pressed from the keyboard, the event has no pointer position: use the square's.
                let (x, y) = match e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    Some(el) if e.detail() == 0 => {
                        let r = el.get_bounding_client_rect();
                        let w = web_sys::window().expect("a window");
                        (r.right() + w.scroll_x().unwrap_or(0.0), r.bottom() + w.scroll_y().unwrap_or(0.0))
                    }
                    _ => (e.page_x() as f64, e.page_y() as f64),
                };
                ctx.card.set(Some(Card {
                    x: x + 12.0,
                    y: y + 12.0,
                    target: Target::Bias { layer, neuron },
                    value,
                    editing,
                }));
            }
        })
    };
    let neuron_word = |n: usize| if n == 1 { ctx.t(Text::Neuron) } else { ctx.t(Text::Neurons) };
    html! {
        <section class="column network-column" aria-label={ctx.t(Text::HiddenLayers)}>
            <div class="layers-header">
                if ctx.shows("numHiddenLayers") {
                    <button id="add-layers" class="round small" aria-label={ctx.t(Text::AddLayer)} title={ctx.t(Text::AddLayer)}
                        disabled={n_hidden >= MAX_LAYERS} onclick={ctx.send(Action::AddLayer)}>{ "+" }</button>
                    <button id="remove-layers" class="round small" aria-label={ctx.t(Text::RemoveLayer)} title={ctx.t(Text::RemoveLayer)}
                        disabled={n_hidden == 0} onclick={ctx.send(Action::RemoveLayer)}>{ "−" }</button>
                }
                <h2 id="num-layers">{ format!("{} {}", n_hidden, ctx.t(if n_hidden == 1 { Text::HiddenLayer } else { Text::HiddenLayers })) }</h2>
            </div>
            <div class="network-scroll">
            <div class="column-heads" style={format!("width:{}px", lay.width)}>
                <div class="head" style={format!("left:{}px", lay.columns[0][0].x - 20.0)}>
                    <b>{ ctx.t(Text::Features) }</b>
                </div>
                { for c.hidden.iter().enumerate().map(|(l, h)| {
                    let x = lay.columns[l + 1][0].x;
                    html! {
                        <div class="head" style={format!("left:{}px", x + NODE / 2.0 - 40.0)}>
                            if ctx.shows("numHiddenLayers") {
                                <div class="plus-minus">
                                    <button class="round tiny" aria-label={format!("{} ({} {})", ctx.t(Text::AddNeuron), ctx.t(Text::HiddenLayers), l + 1)}
                                        disabled={h.neurons >= super::state::MAX_NEURONS}
                                        onclick={ctx.send(Action::ChangeNeurons(l, 1))}>{ "+" }</button>
                                    <button class="round tiny" aria-label={format!("{} ({} {})", ctx.t(Text::RemoveNeuron), ctx.t(Text::HiddenLayers), l + 1)}
                                        disabled={h.neurons <= 1}
                                        onclick={ctx.send(Action::ChangeNeurons(l, -1))}>{ "−" }</button>
                                </div>
                            }
                            <span class="count">{ format!("{} {}", h.neurons, neuron_word(h.neurons)) }</span>
                            { layer_selects(ctx, l, h.activation, h.dropout) }
                        </div>
                    }
                }) }
                <div class="head" style={format!("left:{}px", lay.columns.last().unwrap()[0].x - 12.0)}>
                    <b>{ ctx.t(Text::Output) }</b>
                </div>
            </div>
            <div class="network" id="network" style={format!("width:{}px;height:{}px", lay.width, lay.height)}>
                <canvas id="links-canvas" style={format!("width:{}px;height:{}px", lay.width, lay.height)}
                    onmousemove={hover_link} onmouseleave={leave_links} onclick={click_link}></canvas>
                { for lay.inputs.iter().enumerate().map(|(i, &f)| {
                    let on = c.features.contains(&f);
                    let b = lay.columns[0][i];
                    let hidden = !ctx.shows(f.key());
                    html! {
                        if !hidden {
                            <button class={classes!("node", "input", (!on).then_some("off"))} id={format!("feature-{}", f.key())}
                                style={format!("left:{}px;top:{}px", b.x, b.y)}
                                aria-pressed={on.to_string()} aria-label={f.label()} title={f.label()}
                                onclick={ctx.send(Action::ToggleFeature(f))}
                                onmouseenter={focus(Focus::Feature(f))} onmouseleave={unfocus.clone()}>
                                <canvas id={format!("node-0-{i}")} width="20" height="20"></canvas>
                                <span class="feature-label">{ f.label() }</span>
                            </button>
                        }
                    }
                }) }
                { for c.hidden.iter().enumerate().flat_map(|(l, h)| (0..h.neurons).map(move |j| (l, j))).map(|(l, j)| {
                    let b = lay.columns[l + 1][j];
                    html! {
                        <div class="node hidden-node" id={format!("neuron-{}-{}", l + 1, j)}
                            style={format!("left:{}px;top:{}px", b.x, b.y)}
                            title={ctx.t(Text::ThisIsOutput)} tabindex="0" role="img"
                            aria-label={format!("{} {}, {} {}", ctx.t(Text::HiddenLayers), l + 1, ctx.t(Text::Neuron), j + 1)}
                            onmouseenter={focus(Focus::Neuron(l, j))} onmouseleave={unfocus.clone()}
                            onfocus={focus(Focus::Neuron(l, j)).reform(|_: FocusEvent| MouseEvent::new("focus").unwrap())}
                            onblur={unfocus.reform(|_: FocusEvent| MouseEvent::new("blur").unwrap())}>
                            <canvas id={format!("node-{}-{}", l + 1, j)} width="20" height="20"></canvas>
                            <button class="bias" aria-label={format!("{} ({} {}, {} {})", ctx.t(Text::Bias), ctx.t(Text::HiddenLayers), l + 1, ctx.t(Text::Neuron), j + 1)}
                                onmouseenter={bias_card(l, j, false)} onclick={bias_card(l, j, true)}></button>
                        </div>
                    }
                }) }
                { for (0..c.outputs()).map(|j| {
                    let b = lay.columns.last().unwrap()[j];
                    html! {
                        <div class="node output-node" id={format!("output-node-{j}")}
                            style={format!("left:{}px;top:{}px", b.x, b.y)}>
                            <span class="out-mark">{ "ŷ" }</span>
                            <button class="bias" aria-label={format!("{} ({})", ctx.t(Text::Bias), ctx.t(Text::Output))}
                                id={format!("output-bias-{j}")}
                                onmouseenter={bias_card(n_hidden, j, false)} onclick={bias_card(n_hidden, j, true)}></button>
                        </div>
                    }
                }) }
            </div>
            </div>
        </section>
    }
}

fn edit_card(ctx: &Ctx) -> Html {
    let Some(card) = ctx.card.as_ref().cloned() else { return html! {} };
    let lang = ctx.settings().lang;
    let label = match card.target {
        Target::Weight { .. } => Text::Weight.get(lang),
        Target::Bias { .. } => Text::Bias.get(lang),
    };
    let style = format!("left:{}px;top:{}px", card.x, card.y);
    if !card.editing {
        return html! {
            <div class="card" id="hover-card" style={style}>{ format!("{label}: {:.3}", card.value) }</div>
        };
    }
    let onkeydown = {
        let ctx = ctx.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                if let Ok(v) = text.trim().replace(',', ".").parse::<Real>() {
                    if v.is_finite() {
                        let mut r = ctx.runner.borrow_mut();
                        match card.target {
                            Target::Weight { layer, neuron, input } => r.set_weight(layer, neuron, input, v),
                            Target::Bias { layer, neuron } => r.set_bias(layer, neuron, v),
                        }
                        r.set_highlight(None);
                    }
                }
                ctx.card.set(None);
            }
            "Escape" => ctx.card.set(None),
            _ => {}
        })
    };
    let close = {
        let card = ctx.card.clone();
        Callback::from(move |_: FocusEvent| card.set(None))
    };
    html! {
        <div class="card editing" id="hover-card" style={style}>
            <label>
                <span>{ format!("{label}: ") }</span>
                <input id="edit-value" type="text" inputmode="decimal" value={format!("{:.3}", card.value)}
                    aria-label={Text::EditValue.get(lang)} title={Text::EditValue.get(lang)}
                    {onkeydown} onblur={close} autofocus=true />
            </label>
        </div>
    }
}

fn output_column(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let has_val = c.percent_val > 0;
    let classification = c.problem == Problem::Classification;
    let toggle = |action: fn(bool) -> Action| {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| d.emit(action(e.target_unchecked_into::<HtmlInputElement>().checked())))
    };
    let ticks = [-6, -4, -2, 0, 2, 4, 6];
    html! {
        <section class="column output-column" aria-label={ctx.t(Text::Output)}>
            <h2>{ ctx.t(Text::Output) }</h2>
            <div class="metrics">
                <div class="metric test"><span class="label">{ ctx.t(Text::TestLoss) }</span>
                    <span id="loss-test" class="value">{ "–" }</span>
                    if classification { <span class="acc" title={ctx.t(Text::Accuracy)}>{ ctx.t(Text::Accuracy) }{ " " }<span id="accuracy-test">{ "–" }</span></span> }
                </div>
                if has_val {
                    <div class="metric val"><span class="label">{ ctx.t(Text::ValidationLoss) }</span>
                        <span id="loss-val" class="value">{ "–" }</span>
                        if classification { <span class="acc">{ ctx.t(Text::Accuracy) }{ " " }<span id="accuracy-val">{ "–" }</span></span> }
                    </div>
                }
                <div class="metric train"><span class="label">{ ctx.t(Text::TrainingLoss) }</span>
                    <span id="loss-train" class="value">{ "–" }</span>
                    if classification { <span class="acc">{ ctx.t(Text::Accuracy) }{ " " }<span id="accuracy-train">{ "–" }</span></span> }
                </div>
            </div>
            <canvas id="loss-chart" width="300" height="64" aria-label={format!("{} / {}", ctx.t(Text::TrainingLoss), ctx.t(Text::TestLoss))}
                onmousemove={chart_hover(ctx)} onmouseleave={{ let tip = ctx.chart_tip.clone(); Callback::from(move |_| tip.set(None)) }}></canvas>
            if let Some((x, y, text)) = ctx.chart_tip.as_ref() {
                <div class="card" id="chart-tip" style={format!("left:{x}px;top:{y}px")}>{ text.clone() }</div>
            }
            <div class="heatmap-frame">
                <div class="y-ticks">{ for ticks.iter().rev().map(|t| html! { <span>{ t }</span> }) }</div>
                <div id="heatmap" class="heatmap" style={format!("width:{HEATMAP}px;height:{HEATMAP}px")}>
                    <canvas id="heatmap-canvas" width="100" height="100"></canvas>
                    <canvas id="heatmap-points" style={format!("width:{HEATMAP}px;height:{HEATMAP}px")}
                        class={classes!((c.dataset == Dataset::Custom).then_some("drawing"))} onclick={add_point(ctx)}></canvas>
                </div>
                <div class="x-ticks">{ for ticks.iter().map(|t| html! { <span>{ t }</span> }) }</div>
            </div>
            if c.classes > 2 && classification {
                <div class="legend classes" id="class-legend">
                    { for (0..c.classes).map(|k| html! {
                        <span class="swatch-item"><span class="swatch" style={format!("background:{}", crate::render::colour::hex(crate::render::colour::CLASS_HUES[k % 4]))}></span>
                            { format!("{} {k}", ctx.t(Text::Class)) }</span>
                    }) }
                    <p class="text">{ ctx.t(Text::ClassLegend) }</p>
                </div>
            } else {
                <div class="legend">
                    <span>{ "−1" }</span><div class="scale"></div><span>{ "1" }</span>
                    <p class="text">{ ctx.t(Text::Legend) }</p>
                </div>
            }
            <div class="checks">
                if ctx.shows("showTestData") {
                    <label class="inline"><input type="checkbox" id="show-test-data" checked={s.show_test}
                        onchange={toggle(Action::SetShowTest)} />{ ctx.t(Text::ShowTestData) }</label>
                }
                if ctx.shows("discretize") {
                    <label class="inline"><input type="checkbox" id="discretize" checked={s.discretize}
                        onchange={toggle(Action::SetDiscretize)} />{ ctx.t(Text::Discretize) }</label>
                }
            </div>
            <div class="file-tools">{ file_tools(ctx) }</div>
            <div id="perf-readout" class="perf" hidden={!s.show_performance} aria-live="off"></div>
        </section>
    }
}

fn layer_selects(ctx: &Ctx, layer: usize, activation: Activation, dropout: Real) -> Html {
    let lang = ctx.settings().lang;
    let on_act = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(a) = Activation::from_name(&select_value(&e)) {
                d.emit(Action::SetLayerActivation(layer, a));
            }
        })
    };
    let on_drop = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = select_value(&e).parse::<Real>() {
                d.emit(Action::SetDropout(layer, v));
            }
        })
    };
    html! {
        <>
            <select class="layer-select" id={format!("layer-activation-{layer}")} aria-label={ctx.t(Text::LayerActivation)}
                title={ctx.t(Text::LayerActivation)} onchange={on_act}>
                { for Activation::HIDDEN.iter().map(|&a| html! {
                    <option value={a.name()} selected={a == activation}>{ activation_label(a, lang) }</option>
                }) }
            </select>
            <select class="layer-select" id={format!("layer-dropout-{layer}")} aria-label={ctx.t(Text::LayerDropout)}
                title={ctx.t(Text::LayerDropout)} onchange={on_drop}>
                { for DROPOUT_RATES.iter().map(|&r| html! {
                    <option value={r.to_string()} selected={(r - dropout).abs() < 1e-6}>
                        { if r == 0.0 { format!("{} —", ctx.t(Text::Dropout)) } else { format!("{} {r}", ctx.t(Text::Dropout)) } }
                    </option>
                }) }
            </select>
        </>
    }
}

fn lesson_text(l: Lesson) -> (Text, Text) {
    match l {
        Lesson::OrOneNeuron => (Text::LessonOr, Text::CaptionOr),
        Lesson::XorOneNeuron => (Text::LessonXorOne, Text::CaptionXorOne),
        Lesson::XorHiddenLayer => (Text::LessonXorHidden, Text::CaptionXorHidden),
        Lesson::CrossEntropy => (Text::LessonCrossEntropy, Text::CaptionCrossEntropy),
        Lesson::EarlyStopping => (Text::LessonEarlyStopping, Text::CaptionEarlyStopping),
        Lesson::Dropout => (Text::LessonDropout, Text::CaptionDropout),
        Lesson::ThreeClasses => (Text::LessonThreeClasses, Text::CaptionThreeClasses),
    }
}

fn output_explanation(a: Activation) -> Text {
    match a {
        Activation::Linear => Text::ExplainLinear,
        Activation::Sigmoid => Text::ExplainSigmoid,
        Activation::Step => Text::ExplainStep,
        Activation::Softmax => Text::ExplainSoftmax,
        _ => Text::ExplainTanh,
    }
}

fn loss_explanation(l: Loss) -> Text {
    match l {
        Loss::HalfMse => Text::ExplainHalfMse,
        Loss::Mse => Text::ExplainMse,
        Loss::Bce => Text::ExplainBce,
        Loss::SoftmaxCe => Text::ExplainSoftmaxCe,
    }
}

fn loss_label(l: Loss) -> &'static str {
    match l {
        Loss::HalfMse => "½ MSE",
        Loss::Mse => "MSE",
        Loss::Bce => "BCE",
        Loss::SoftmaxCe => "Softmax CE",
    }
}

fn lesson_panel(ctx: &Ctx) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let lang = s.lang;
    let d = ctx.dispatch.clone();
    let on_select = |f: fn(&str) -> Option<Action>| on_select(&d, f);
    let number = |f: fn(Real) -> Action| {
        let d = d.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = input_value(&e).trim().replace(',', ".").parse::<Real>() {
                if v.is_finite() {
                    d.emit(f(v));
                }
            }
        })
    };
    let check = |f: fn(bool) -> Action| {
        let d = d.clone();
        Callback::from(move |e: Event| d.emit(f(e.target_unchecked_into::<HtmlInputElement>().checked())))
    };
    let on_lesson = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            if let Some(l) = Lesson::ALL.iter().find(|l| format!("{l:?}") == v) {
                d.emit(Action::LoadLesson(*l));
            }
        })
    };
    let on_val = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = input_value(&e).parse::<u32>() {
                d.emit(Action::SetPercentVal(v));
            }
        })
    };
    let optimizer_name = |o: Optimizer| match o {
        Optimizer::Sgd => ctx.t(Text::OptimizerSgd).to_string(),
        Optimizer::Momentum => ctx.t(Text::OptimizerMomentum).to_string(),
        Optimizer::Rmsprop => "RMSProp".to_string(),
        Optimizer::Adam => "Adam".to_string(),
    };
    let init_name = |i: Init| match i {
        Init::Playground => ctx.t(Text::InitPlayground),
        Init::Normal => ctx.t(Text::InitNormal),
        Init::Xavier => ctx.t(Text::InitXavier),
        Init::He => ctx.t(Text::InitHe),
        Init::Zeros => ctx.t(Text::InitZeros),
    };
    let param = |id: &'static str, label: &'static str, value: Real, which: OptimizerParam| {
        let d = d.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Ok(v) = input_value(&e).trim().replace(',', ".").parse::<Real>() {
                d.emit(Action::SetOptimizerParam(which, v));
            }
        });
        html! {
            <label class="field small"><span>{ label }</span>
                <input type="number" id={id} min="0" max="0.9999" step="0.01" value={value.to_string()} aria-label={label} {onchange} />
            </label>
        }
    };
    let full = c.batch_size >= FULL_BATCH;
    let classes = c.classes;
    html! {
        <section class="lesson-panel" aria-label={ctx.t(Text::Beyond)}>
            <h2>{ ctx.t(Text::Beyond) }</h2>
            <div class="lesson-grid">
                <fieldset class="lessons">
                    <legend>{ ctx.t(Text::Lessons) }</legend>
                    <select id="lesson" aria-label={ctx.t(Text::Lessons)} onchange={on_lesson}>
                        <option value="" selected={ctx.state.lesson.is_none()}>{ ctx.t(Text::LessonPick) }</option>
                        { for Lesson::ALL.iter().map(|&l| html! {
                            <option value={format!("{l:?}")} selected={ctx.state.lesson == Some(l)}>{ lesson_text(l).0.get(lang) }</option>
                        }) }
                    </select>
                    if let Some(l) = ctx.state.lesson {
                        <p id="lesson-caption" class="caption">{ lesson_text(l).1.get(lang) }</p>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ ctx.t(Text::OutputActivation) }{ " · " }{ ctx.t(Text::LossFunction) }</legend>
                    <label class="field"><span>{ ctx.t(Text::OutputActivation) }</span>
                        <select id="output" onchange={on_select(|v| Activation::from_name(v).map(Action::SetOutput))}>
                            { for valid_outputs(c).into_iter().map(|a| html! {
                                <option value={a.name()} selected={a == c.output}>{ activation_label(a, lang) }</option>
                            }) }
                        </select>
                    </label>
                    <p class="explain">{ ctx.t(output_explanation(c.output)) }</p>
                    <label class="field"><span>{ ctx.t(Text::LossFunction) }</span>
                        <select id="loss" onchange={on_select(|v| Loss::from_name(v).map(Action::SetLoss))}>
                            { for valid_losses(c.output).into_iter().map(|l| html! {
                                <option value={l.name()} selected={l == c.loss}>{ loss_label(l) }</option>
                            }) }
                        </select>
                    </label>
                    <p class="explain">{ ctx.t(loss_explanation(c.loss)) }</p>
                    if c.hidden.iter().any(|h| h.activation == Activation::LeakyRelu) {
                        <label class="field small"><span>{ ctx.t(Text::LeakySlope) }</span>
                            <input type="number" id="leakySlope" min="0" max="1" step="0.01" value={c.leaky_slope.to_string()}
                                aria-label={ctx.t(Text::LeakySlope)} onchange={number(Action::SetLeakySlope)} />
                        </label>
                    }
                    <label class="field"><span>{ ctx.t(Text::Classes) }</span>
                        <select id="classes" disabled={c.problem == Problem::Regression}
                            onchange={on_select(|v| v.parse::<usize>().ok().map(Action::SetClasses))}>
                            { for (2..=4).map(|k| html! { <option value={k.to_string()} selected={k == classes}>{ k }</option> }) }
                        </select>
                    </label>
                </fieldset>
                <fieldset>
                    <legend>{ ctx.t(Text::Optimizer) }</legend>
                    <label class="field"><span>{ ctx.t(Text::Optimizer) }</span>
                        <select id="optimizer" onchange={on_select(|v| Optimizer::from_name(v).map(Action::SetOptimizer))}>
                            { for Optimizer::ALL.iter().map(|&o| html! {
                                <option value={o.name()} selected={o == c.optimizer}>{ optimizer_name(o) }</option>
                            }) }
                        </select>
                    </label>
                    <div class="params">
                        if c.optimizer == Optimizer::Momentum { { param("momentum", "μ", c.momentum, OptimizerParam::Momentum) } }
                        if c.optimizer == Optimizer::Rmsprop { { param("rho", "ρ", c.rho, OptimizerParam::Rho) } }
                        if c.optimizer == Optimizer::Adam {
                            { param("beta1", "β₁", c.beta1, OptimizerParam::Beta1) }
                            { param("beta2", "β₂", c.beta2, OptimizerParam::Beta2) }
                        }
                    </div>
                    <div class="presets" role="group" aria-label={ctx.t(Text::BatchPresets)}>
                        <span class="label">{ ctx.t(Text::BatchPresets) }</span>
                        <button id="batch-stochastic" class={classes!("tool", (c.batch_size == 1).then_some("selected"))}
                            onclick={ctx.send(Action::SetBatchSize(1))}>{ ctx.t(Text::Stochastic) }</button>
                        <button id="batch-mini" class={classes!("tool", (c.batch_size == 10).then_some("selected"))}
                            onclick={ctx.send(Action::SetBatchSize(10))}>{ ctx.t(Text::MiniBatch) }</button>
                        <button id="batch-full" class={classes!("tool", full.then_some("selected"))}
                            onclick={ctx.send(Action::SetBatchSize(FULL_BATCH))}>{ ctx.t(Text::FullBatch) }</button>
                    </div>
                    <label class="inline"><input type="checkbox" id="shuffle" checked={c.shuffle} onchange={check(Action::SetShuffle)} />
                        { ctx.t(Text::Shuffle) }</label>
                    <label class="field"><span>{ ctx.t(Text::Initialisation) }</span>
                        <select id="init" onchange={on_select(|v| Init::from_name(v).map(Action::SetInit))}>
                            { for Init::ALL.iter().map(|&i| html! {
                                <option value={i.name()} selected={i == c.init}>{ init_name(i) }</option>
                            }) }
                        </select>
                    </label>
                    if c.init == Init::Normal {
                        <label class="field small"><span>{ "σ" }</span>
                            <input type="number" id="initSigma" min="0.001" max="10" step="0.05" value={c.init_sigma.to_string()}
                                aria-label="σ" onchange={number(Action::SetInitSigma)} />
                        </label>
                    }
                </fieldset>
                <fieldset>
                    <legend>{ ctx.t(Text::EarlyStopping) }</legend>
                    <label class="slider"><span class="label">{ ctx.t(Text::ValidationData) }{ ": " }<b>{ format!("{}%", c.percent_val) }</b></span>
                        <input type="range" id="percValData" min="0" max="40" step="5" value={c.percent_val.to_string()}
                            aria-label={ctx.t(Text::ValidationData)} oninput={on_val} />
                    </label>
                    <label class="inline"><input type="checkbox" id="earlyStopping" checked={c.early_stopping.enabled}
                        onchange={check(Action::SetEarlyStopping)} />{ ctx.t(Text::EarlyStopping) }</label>
                    <label class="field small"><span>{ ctx.t(Text::Patience) }</span>
                        <input type="number" id="patience" min="1" max="100" step="1" value={c.early_stopping.patience.to_string()}
                            aria-label={ctx.t(Text::Patience)} onchange={number(|v| Action::SetPatience(v.round() as u32))} />
                    </label>
                    <label class="field small"><span>{ ctx.t(Text::MinDelta) }</span>
                        <input type="number" id="minDelta" min="0" max="1" step="0.001" value={c.early_stopping.min_delta.to_string()}
                            aria-label={ctx.t(Text::MinDelta)} onchange={number(Action::SetMinDelta)} />
                    </label>
                    <label class="field"><span>{ ctx.t(Text::Monitor) }</span>
                        <select id="monitor" onchange={on_select(|v| Some(Action::SetMonitor(if v == "train" { Monitor::Train } else { Monitor::Val })))}>
                            <option value="val" selected={c.early_stopping.monitor == Monitor::Val}>{ ctx.t(Text::ValidationLoss) }</option>
                            <option value="train" selected={c.early_stopping.monitor == Monitor::Train}>{ ctx.t(Text::TrainingLoss) }</option>
                        </select>
                    </label>
                </fieldset>
                <fieldset class="measures">
                    <legend>{ ctx.t(Text::Measures) }</legend>
                    if c.is_perceptron() {
                        <p class="perceptron">{ ctx.t(Text::Mistakes) }{ ": " }<b id="perceptron-status">{ "–" }</b></p>
                    }
                    if c.problem == Problem::Classification {
                        <p class="label">{ ctx.t(Text::ConfusionMatrix) }</p>
                        <table id="confusion" class="confusion"></table>
                    }
                    <p class="label">{ ctx.t(Text::GradientMagnitude) }</p>
                    <canvas id="gradient-chart" width="260" height="90"></canvas>
                </fieldset>
            </div>
        </section>
    }
}

/// Offers text as a file to save.
fn download(name: &str, mime: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn file_tools(ctx: &Ctx) -> Html {
    let save = {
        let runner = ctx.runner.clone();
        Callback::from(move |_| {
            if let Some(json) = runner.borrow().model_json() {
                download("neurona-model.json", "application/json", &json);
            }
        })
    };
    let keras = {
        let runner = ctx.runner.clone();
        Callback::from(move |_| {
            if let Some(code) = runner.borrow().keras_code() {
                download("neurona_model.py", "text/x-python", &code);
            }
        })
    };
    let open_model = on_file_text(ctx, |ctx, text| match crate::engine::Model::from_json(&text) {
        Ok(model) => {
            let mut settings = ctx.state.settings.clone();
            settings.config = model.config;
            ctx.runner.borrow_mut().pending_network = Some(model.network);
            ctx.dispatch.emit(Action::Load(Box::new(settings)));
            ctx.dispatch.emit(Action::Notify(Notice::ModelLoaded));
        }
        Err(why) => ctx.dispatch.emit(Action::Notify(Notice::ModelRejected(why))),
    });
    html! {
        <>
            <button id="save-model" class="tool" onclick={save}>{ ctx.t(Text::ExportModel) }</button>
            <button id="export-keras" class="tool" onclick={keras}>{ ctx.t(Text::ExportKeras) }</button>
            <label class="tool file">
                { ctx.t(Text::ImportModel) }
                <input type="file" id="open-model" accept="application/json,.json" onchange={open_model} />
            </label>
        </>
    }
}

/// Shows the losses at the epoch under the pointer on the loss chart.
fn chart_hover(ctx: &Ctx) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |e: MouseEvent| {
        let lang = ctx.settings().lang;
        let text = {
            let r = ctx.runner.borrow();
            let Some(t) = r.trainer.as_ref() else { return };
            let points = &t.history.points;
            let (Some(first), Some(last)) = (points.first(), points.last()) else { return };
            let target: web_sys::Element = e.target_unchecked_into();
            let width = target.get_bounding_client_rect().width().max(1.0);
            // The chart keeps a 3-pixel margin on each side.
            let f = ((e.offset_x() as f64 - 3.0) / (width - 6.0)).clamp(0.0, 1.0);
            let epoch = first.epoch as f64 + f * (last.epoch - first.epoch) as f64;
            let p = points.iter().min_by(|a, b| (a.epoch as f64 - epoch).abs().total_cmp(&(b.epoch as f64 - epoch).abs())).copied();
            let Some(p) = p else { return };
            let mut text = format!("{} {} · {} {:.3}", Text::Epoch.get(lang), p.epoch, Text::TrainingLoss.get(lang), p.train);
            if let Some(v) = p.validation {
                text += &format!(" · {} {v:.3}", Text::ValidationLoss.get(lang));
            }
            if let Some(v) = p.test {
                text += &format!(" · {} {v:.3}", Text::TestLoss.get(lang));
            }
            text
        };
        ctx.chart_tip.set(Some((e.page_x() as f64 + 12.0, e.page_y() as f64 + 12.0, text)));
    })
}

/// A click on the output picture adds a point there when the data is the user's.
fn add_point(ctx: &Ctx) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |e: MouseEvent| {
        let c = &ctx.settings().config;
        if c.dataset != Dataset::Custom {
            return;
        }
        let target: web_sys::Element = e.target_unchecked_into();
        let size = target.get_bounding_client_rect().width().max(1.0);
        let to_plane = |px: f64| (px / size * 12.0 - 6.0) as Real;
        let (x, y) = (to_plane(e.offset_x() as f64), -to_plane(e.offset_y() as f64));
        let k = c.classes.max(2);
        let mut class = ctx.state.draw_class.min(k - 1);
        if e.shift_key() && k == 2 {
            class = 1 - class;
        }
        let label = if k == 2 { if class == 1 { 1.0 } else { -1.0 } } else { class as Real };
        ctx.dispatch.emit(Action::AddPoint(crate::engine::Point { x, y, label }));
    })
}

/// Class chooser, clear and CSV loading for the user's own points.
fn draw_tools(ctx: &Ctx) -> Html {
    let c = &ctx.settings().config;
    let k = c.classes.max(2);
    let load = on_file_text(ctx, |ctx, text| {
        let (points, bad) = data::parse_csv(&text, ctx.settings().config.classes);
        ctx.dispatch.emit(Action::SetPoints(points));
        if !bad.is_empty() {
            ctx.dispatch.emit(Action::Notify(Notice::CsvSkipped(bad)));
        }
    });
    let colour = |class: usize| crate::render::colour::hex(crate::render::colour::class_colour(class, k));
    html! {
        <div class="draw-tools">
            <p class="text hint">{ ctx.t(Text::DrawHint) }</p>
            <div class="draw-classes" role="radiogroup" aria-label={ctx.t(Text::DrawClass)}>
                { for (0..k).rev().map(|class| {
                    let selected = ctx.state.draw_class.min(k - 1) == class;
                    html! {
                        <button id={format!("draw-class-{class}")} class={classes!("swatch-button", selected.then_some("selected"))}
                            role="radio" aria-checked={selected.to_string()}
                            aria-label={format!("{} {}", ctx.t(Text::DrawClass), if k == 2 { ["−1", "+1"][class].to_string() } else { class.to_string() })}
                            style={format!("background:{}", colour(class))}
                            onclick={ctx.send(Action::SetDrawClass(class))}></button>
                    }
                }) }
                <span class="count" id="point-count">{ format!("{} {}", c.custom_points.len(), ctx.t(Text::Points)) }</span>
            </div>
            <div class="draw-buttons">
                <button id="clear-points" class="tool" onclick={ctx.send(Action::ClearPoints)}>{ ctx.t(Text::ClearPoints) }</button>
                <label class="tool file">{ ctx.t(Text::LoadCsv) }
                    <input type="file" id="load-csv" accept=".csv,text/csv,text/plain" onchange={load} />
                </label>
            </div>
        </div>
    }
}

/// A file input's handler: reads the chosen file as text, then hands it to `then`.
fn on_file_text(ctx: &Ctx, then: fn(&Ctx, String)) -> Callback<Event> {
    let ctx = ctx.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let ctx = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            then(&ctx, text);
        });
    })
}
