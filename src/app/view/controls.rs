//! Reusable controls driven by typed properties: a number field and a slider that take
//! their range from the limits table, and a checkbox.

use crate::engine::limits::Limit;
use crate::engine::Real;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A number read as a person types it: a decimal comma is read as a point; only finite
/// values count.
pub fn parse_decimal(text: &str) -> Option<Real> {
    text.trim().replace(',', ".").parse::<Real>().ok().filter(|v| v.is_finite())
}

/// Properties of [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// Its visible label (also its accessible name).
    pub label: AttrValue,
    /// Its range and step.
    pub limit: Limit,
    /// The value shown.
    pub value: Real,
    /// Called with each valid number typed (the reducer holds it to the limit).
    pub onchange: Callback<Real>,
}

/// A labelled number field within a limit. While it has the keyboard, what is typed in it
/// stays: a render (the run moved, say) writes the value only into a field not being typed in.
#[component]
pub fn NumberField(p: &NumberFieldProps) -> Html {
    let node = use_node_ref();
    let typing = node.cast::<HtmlInputElement>().filter(|el| {
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        active.is_some_and(|a| a == ***el)
    });
    let value = typing.map_or_else(|| p.value.to_string(), |el| el.value());
    let onchange = {
        let on = p.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = parse_decimal(&e.target_unchecked_into::<HtmlInputElement>().value()) {
                on.emit(v);
            }
        })
    };
    html! {
        <label class="field small"><span>{ p.label.clone() }</span>
            <input type="number" id={p.id.clone()} min={p.limit.min.to_string()} max={p.limit.max.to_string()}
                step={p.limit.step.to_string()} {value} aria-label={p.label.clone()} {onchange} ref={node} />
        </label>
    }
}

/// Properties of [`Slider`].
#[derive(Properties, PartialEq)]
pub struct SliderProps {
    /// The input's id; the shown value's element is `<id>-value`.
    pub id: AttrValue,
    /// Its label (also its accessible name).
    pub label: AttrValue,
    /// Its range and step.
    pub limit: Limit,
    /// The slider's position.
    pub value: u32,
    /// The value as written beside the label.
    pub shown: AttrValue,
    /// Called with each new position.
    pub oninput: Callback<u32>,
}

/// A labelled range slider showing its value.
#[component]
pub fn Slider(p: &SliderProps) -> Html {
    let oninput = {
        let on = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = e.target_unchecked_into::<HtmlInputElement>().value().parse::<u32>() {
                on.emit(v);
            }
        })
    };
    html! {
        <label class="slider">
            <span class="label">{ p.label.clone() }{ ": " }<b id={format!("{}-value", p.id)}>{ p.shown.clone() }</b></span>
            <input type="range" id={p.id.clone()} min={p.limit.min.to_string()} max={p.limit.max.to_string()}
                step={p.limit.step.to_string()} value={p.value.to_string()} aria-label={p.label.clone()} {oninput} />
        </label>
    }
}

/// Properties of [`Checkbox`].
#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    /// The input's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// Whether it is ticked.
    pub checked: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
}

/// A labelled checkbox.
#[component]
pub fn Checkbox(p: &CheckboxProps) -> Html {
    let onchange = {
        let on = p.onchange.clone();
        Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    html! {
        <label class="inline"><input type="checkbox" id={p.id.clone()} checked={p.checked} {onchange} />{ p.label.clone() }</label>
    }
}
