//! What every part of the page shares: the context the parts render from (the state, a way
//! to change it, the live side), the hover card, and small helpers; and the names they all
//! use, re-exported once here.

pub(super) use super::form::{draft_edit, number_field, typed_into, NumberSpec};
pub(super) use crate::app::link;
pub(super) use crate::app::state::{
    valid_losses, Action, AppState, Edit, Lesson, Notes, Notice, OptimizerParam, Panel, Points, Run, Settings, Speed, View, DROPOUT_RATES, FULL_BATCH,
    LEARNING_RATES, MAX_LAYERS, REGULARIZATION_RATES,
};
pub(super) use crate::engine::config::{Monitor, Problem};
pub(super) use crate::engine::{Activation, Dataset, Init, LayerNo, Loss, Optimizer, Real, Regularization};
pub(super) use crate::i18n::{Lang, TeacherText, Text, Words};
pub(super) use crate::live::door::{self, Command, HintOrder, RunDoor, RunView};
pub(super) use crate::live::draw::Focus;
pub(super) use crate::live::ids;
pub(super) use crate::live::layout::{least_spacing, network_width, TOUCH_SPACING};
pub(super) use crate::render::canvas::{self, canvas_by_id};
pub(super) use crate::render::diagram::{link_at, NODE};
pub(super) use std::rc::Rc;
pub(super) use wasm_bindgen::prelude::*;
pub(super) use wasm_bindgen::JsCast;
pub(super) use web_sys::{HtmlInputElement, HtmlSelectElement};
pub(super) use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;
    /// The new state, with the effects it returns queued for the page to carry out once it
    /// has rendered (view/perform.rs).
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (next, effects) = self.update(action);
        next.queue.push(effects);
        Rc::new(next)
    }
}

/// What a hover card over the network shows, and whether it is being edited.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Card {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) target: Target,
    pub(super) value: Real,
    pub(super) editing: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Target {
    Weight { layer: usize, neuron: usize, input: usize },
    Bias { layer: usize, neuron: usize },
}

/// What every part of the page reads and how it changes things: the settings, a way to send
/// the state an action, the live side. Equal when the settings are (the dispatcher and the
/// live side never change), so a column given it renders again only when they did.
#[derive(Clone)]
pub(super) struct Ctx {
    pub(super) settings: Rc<Settings>,
    pub(super) dispatch: Callback<Action>,
    pub(super) run: RunDoor,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.settings, &other.settings) || self.settings == other.settings) && self.dispatch == other.dispatch && self.run == other.run
    }
}

impl Ctx {
    pub(super) fn t(&self, text: impl Words) -> &'static str {
        text.get(self.settings.lang)
    }
    pub(super) fn settings(&self) -> &Settings {
        &self.settings
    }
    pub(super) fn send<E: 'static>(&self, action: Action) -> Callback<E> {
        let d = self.dispatch.clone();
        Callback::from(move |_| d.emit(action.clone()))
    }
    pub(super) fn shows(&self, control: &str) -> bool {
        self.settings().shows(control)
    }
}

pub(super) fn activation_label(a: Activation, lang: Lang) -> String {
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

pub(super) fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The point of the plane [-6, 6]^2 under the pointer on the output picture.
pub(super) fn plane_point(e: &MouseEvent) -> (Real, Real) {
    let target: web_sys::Element = e.target_unchecked_into();
    let size = target.get_bounding_client_rect().width().max(1.0);
    let to_plane = |px: f64| (px / size * 12.0 - 6.0) as Real;
    (to_plane(e.offset_x() as f64), -to_plane(e.offset_y() as f64))
}

/// Draws a data set's points on a 52-pixel thumbnail.
pub(super) fn draw_data_thumbnail(
    c: &web_sys::HtmlCanvasElement,
    points: &[crate::engine::Point],
    classes: usize,
    radius: f64,
) -> web_sys::CanvasRenderingContext2d {
    let ctx = canvas::hidpi(c, 52.0, 52.0);
    ctx.set_fill_style_str("#f4f5f6");
    ctx.fill_rect(0.0, 0.0, 52.0, 52.0);
    canvas::draw_points(&ctx, points, 52.0, (-6.0, 6.0), classes, false, radius);
    ctx
}

/// A change handler for a select: its value becomes an action.
pub(super) fn on_select(dispatch: &Callback<Action>, action: fn(&str) -> Option<Action>) -> Callback<Event> {
    let d = dispatch.clone();
    Callback::from(move |e: Event| {
        if let Some(a) = action(&select_value(&e)) {
            d.emit(a);
        }
    })
}

/// Puts `text` on the clipboard; `then` hears whether the browser did.
pub(super) fn copy_text(text: &str, then: Callback<bool>) {
    let Some(w) = web_sys::window() else { return };
    let written = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        then.emit(wasm_bindgen_futures::JsFuture::from(written).await.is_ok());
    });
}

/// Scrolls the element `id` the least needed to show it whole (a view opened out of sight):
/// nothing moves when it is already in view.
pub(super) fn bring_into_view(id: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// A number of points in words: "1 punto", "250 puntos".
pub(super) fn points_words(n: usize, lang: Lang) -> String {
    format!("{n} {}", if n == 1 { Text::OnePoint.get(lang) } else { Text::Points.get(lang) })
}
